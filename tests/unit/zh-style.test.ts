import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The Simplified Chinese glossary: one term per concept, so a reader never wonders whether 依据 and
 * 原因 are two things. `never` lists the variants earlier drafts used (or a translator reaches for);
 * `except` names a message that may use one anyway, with the reason.
 */
const GLOSSARY: ReadonlyArray<{ concept: string; use: string; never: readonly RegExp[]; except?: Record<string, string> }> = [
  {
    concept: 'watch (the thing the user creates; counted as “6 个监控项”)',
    use: '监控项',
    // 监控 alone is the verb or the activity (监控此页面, 监控已关闭), never the thing.
    never: [/(\$COUNT\$|\d) 项/, /(添加|管理|导入|导出|删除|编辑|此|该|这个|每个|个|所有|内置)监控(?![项中此这])/, /监控对象/],
  },
  { concept: 'watching (the global on/off)', use: '监控', never: [/关注/, /监视/, /盯/] },
  { concept: 'open (generic, sign-ups)', use: '已开放', never: [/可用/, /已打开/] },
  { concept: 'paused (generic, sign-ups)', use: '已暂停', never: [/暂不可用/] },
  { concept: 'in stock (product pages)', use: '有货', never: [/现货/] },
  {
    concept: 'sold out (product pages)',
    use: '缺货',
    never: [/无货/, /售罄/, /断货/],
    except: { pickerHint: 'quotes the button a Chinese shop shows (“已售罄”), not our own word' },
  },
  { concept: 'alert me when back in stock', use: '补货时提醒我', never: [/到货(时)?提醒我/, /有货时提醒我/] },
  { concept: 'queued', use: '排队中', never: [/队列/, /等待中/] },
  { concept: 'waiting room', use: '等候室', never: [/等待室/, /候补/] },
  { concept: 'check', use: '检查', never: [/检测/, /探测/, /轮询/] },
  { concept: 'channel (phone/chat alerts)', use: '推送渠道', never: [/(?<!推送)渠道/, /通道/] },
  { concept: 'notification (the desktop pop-up)', use: '通知', never: [/通告/, /告警/, /警报/] },
  { concept: 'alert (telling the person, any way)', use: '提醒', never: [/报警/] },
  { concept: 'grant site access', use: '授权', never: [/获准/, /许可/, /准许/] },
  { concept: 'reason (“Why”)', use: '原因', never: [/理由/] },
  { concept: 'evidence', use: '依据', never: [/证据/] },
  { concept: 'interval', use: '检查间隔', never: [/检查周期/, /检查频率/] },
  { concept: 'phrase (what a text rule looks for)', use: '关键词', never: [/用语/, /短语/, /词组/] },
  { concept: 'sign in', use: '登录', never: [/登陆/, /登入/] },
  { concept: 'account (on a site)', use: '账号', never: [/账户/, /帐号/, /帐户/] },
  { concept: 'flag (ChatGPT’s pause flag)', use: '标记', never: [/标志/] },
  { concept: 'session (signed-in state)', use: '登录状态', never: [/会话/] },
  { concept: 'can’t tell', use: '无法判断', never: [/无法确定/, /不确定/] },
  { concept: 'variant', use: '款式', never: [/规格/, /变体/] },
  { concept: 'price ceiling', use: '价格上限', never: [/最高价/] },
  { concept: 'request header', use: '请求头', never: [/标头/, /头部/] },
  { concept: 'JSON endpoint', use: 'JSON 接口', never: [/端点/] },
  { concept: 'popup', use: '弹出窗口', never: [/弹窗/] },
  { concept: 'remove', use: '删除', never: [/移除/] },
  { concept: 'enable', use: '启用', never: [/激活/] },
  { concept: 'conclude (“nothing is concluded”)', use: '下结论', never: [/采信/] },
  { concept: 'no value yet (“never”, “none”)', use: '暂无', never: [/^从未$/] },
  { concept: 'you (one register: the friendly 你)', use: '你', never: [/您/] },
];

/** Labels that name the same thing in the popup and the options page must say it the same way. */
const SAME_LABEL: Record<string, string> = { Why: '原因', Evidence: '依据', 'Check now': '立即检查' };

type Messages = Record<string, { message: string }>;
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../src/public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'));
const en = read('en');
const zh = Object.entries(read('zh_CN')).map(([key, { message }]) => ({ key, message }));

const HAN = '\\p{Script=Han}';
// Full-width punctuation (with the curly quotes, ellipsis and dash Chinese text uses).
const WIDE_PUNCT = '，。、；：？！（）《》〈〉【】「」『』“”‘’…—～／';

/** Messages whose text is not Chinese prose at all (a language tag, a product name, a service name). */
const noHan = (message: string) => !new RegExp(HAN, 'u').test(message);

describe('Simplified Chinese glossary', () => {
  it.each(GLOSSARY.map((g) => [g.concept, g] as const))('%s', (_, { use, never, except = {} }) => {
    const offending = zh.filter(({ key, message }) => !(key in except) && never.some((re) => re.test(message)));
    expect(
      offending.map(({ key, message }) => `${key}: ${message}`),
      `use ${use}`,
    ).toEqual([]);
  });

  it('says the shared labels with the same word everywhere', () => {
    for (const { key, message } of zh) {
      const english = en[key]?.message ?? '';
      if (english in SAME_LABEL) expect(message, key).toBe(SAME_LABEL[english]);
    }
  });
});

describe('Simplified Chinese spacing (one space between CJK and Latin letters, digits or placeholders)', () => {
  it('puts a space wherever Chinese meets a Latin letter, a digit or a placeholder', () => {
    const touching = new RegExp(`${HAN}[A-Za-z0-9$]|[A-Za-z0-9$]${HAN}`, 'u');
    expect(zh.filter(({ message }) => touching.test(message)).map(({ key, message }) => `${key}: ${message}`)).toEqual([]);
  });

  it('puts no space next to full-width punctuation', () => {
    const spaced = new RegExp(`\\s[${WIDE_PUNCT}]|[${WIDE_PUNCT}]\\s`, 'u');
    expect(zh.filter(({ message }) => spaced.test(message)).map(({ key, message }) => `${key}: ${message}`)).toEqual([]);
  });

  it('puts no space between two Chinese characters, and never two spaces', () => {
    const stray = new RegExp(`${HAN}\\s+${HAN}|\\s{2}`, 'u');
    expect(zh.filter(({ message }) => stray.test(message)).map(({ key, message }) => `${key}: ${message}`)).toEqual([]);
  });
});

describe('Simplified Chinese punctuation', () => {
  it('writes the ellipsis one way, the Chinese ……', () => {
    const wrong = zh.filter(({ message }) => /\.\.\.|…/.test(message.replaceAll('……', '')));
    expect(wrong.map(({ key, message }) => `${key}: ${message}`)).toEqual([]);
  });

  it('writes a dash as the Chinese double dash ——', () => {
    const wrong = zh.filter(({ message }) => /—/.test(message.replaceAll('——', '')) || / - /.test(message));
    expect(wrong.map(({ key, message }) => `${key}: ${message}`)).toEqual([]);
  });

  it('is written in Chinese except where the text is a name or a tag', () => {
    // A product name, a service name, a badge word or a language tag is the same in every language;
    // popupPreviewSays is two values and an arrow.
    const untranslated = new Set([
      'badgeSubscribed',
      'localeTag',
      'channelType_telegram',
      'channelType_discord',
      'channelType_slack',
      'popupPreviewSays',
    ]);
    const english = zh.filter(({ key, message }) => noHan(message) && !untranslated.has(key) && message === en[key]?.message);
    expect(english.map(({ key, message }) => `${key}: ${message}`)).toEqual([]);
  });
});
