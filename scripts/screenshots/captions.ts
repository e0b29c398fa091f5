// The one line (and its explanation) each store screenshot carries; everything else in the
// pictures is the extension's own. Chinese follows the locale's glossary and spacing rules
// (tests/unit/zh-style.test.ts): a space between Chinese and Latin letters or digits.
import type { Locale } from './seed';

export interface Caption {
  title: string;
  detail: string;
}

export const CAPTIONS: Record<Locale, { watches: Caption; phone: Caption; dark: Caption }> = {
  en: {
    watches: {
      title: 'Know the moment it’s back',
      detail: 'Sold-out products, paused sign-ups, JSON APIs and ChatGPT Plus, checked from your own browser.',
    },
    phone: {
      title: 'Hear about it on your phone',
      detail: 'Alerts through ntfy, Telegram, Discord, Slack or a webhook, only if you add one.',
    },
    dark: {
      title: 'Light or dark, like your browser',
      detail: 'What is in stock and what is still paused, at a glance.',
    },
  },
  zh_CN: {
    watches: {
      title: '补货、重新开放，第一时间知道',
      detail: '缺货的商品、暂停的注册、JSON 接口和 ChatGPT Plus，都在你自己的浏览器里检查。',
    },
    phone: {
      title: '手机上也能收到提醒',
      detail: '通过 ntfy、Telegram、Discord、Slack 或 Webhook 推送，添加推送渠道后才会发送。',
    },
    dark: {
      title: '浅色或深色，跟随浏览器',
      detail: '哪些有货、哪些仍在暂停，一眼就能看清。',
    },
  },
};
