import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getMessage as getEnglish } from '../../tests/unit/fake-polyfill';
import zhMessages from '../public/_locales/zh_CN/messages.json';
import { formatList, formatRelative, formatTime, formatTimeAgo, messageText, t } from './i18n';

type Message = { message: string; placeholders?: Record<string, { content: string }> };
const zh = zhMessages as Record<string, Message>;

/** Chrome's substitution, over the Chinese messages (the shared fake speaks English). */
function getChinese(key: string, substitutions: string | string[] = []): string {
  const entry = zh[key];
  if (!entry) return '';
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message
    .replace(/\$([a-z0-9_]+)\$/gi, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

const now = Date.UTC(2025, 0, 15, 12, 0, 0);
const ago = (seconds: number) => now - seconds * 1000;

describe('English output', () => {
  it('keeps Intl’s own words and substitutes values untouched', () => {
    expect(formatRelative(ago(43), now)).toBe('43 seconds ago');
    expect(formatRelative(now, now)).toBe('now');
    expect(formatRelative(ago(86_400), now)).toBe('yesterday');
    expect(t('popupCheckedAgo', formatRelative(ago(43), now))).toBe('checked 43 seconds ago');
    expect(formatList(['a.example', 'b.example', 'c.example'])).toBe('a.example, b.example, and c.example');
  });
  it('writes the hour without a leading zero', () => {
    expect(formatTime(new Date(2025, 0, 15, 8, 46).getTime())).toMatch(/^8:46\s(AM|am)$/);
    expect(formatTime(new Date(2025, 0, 15, 20, 5).getTime())).toMatch(/^8:05\s(PM|pm)$/);
  });
});

describe('Chinese output', () => {
  beforeEach(() => {
    Object.assign(fakeBrowser.i18n, { getMessage: getChinese });
  });
  afterEach(() => {
    Object.assign(fakeBrowser.i18n, { getMessage: getEnglish });
  });

  it('spaces numbers from Chinese and says 秒, not 秒钟', () => {
    expect(formatRelative(ago(43), now)).toBe('43 秒前');
    expect(formatRelative(ago(5 * 60), now)).toBe('5 分钟前');
    expect(formatRelative(ago(14 * 3600), now)).toBe('14 小时前');
    expect(formatRelative(now + 30_000, now)).toBe('30 秒后');
    expect(formatRelative(ago(3 * 86_400), now)).toBe('3 天前');
    expect(formatRelative(ago(86_400), now)).toBe('昨天');
  });

  it('says 刚刚 for a moment just past, so “checked now” never reads “check now”', () => {
    expect(formatRelative(now, now)).toBe('刚刚');
    expect(t('popupCheckedAgo', formatRelative(now, now))).toBe('刚刚检查');
    expect(formatRelative(now + 200, now)).toBe('现在');
  });

  it('puts the time before the verb: 43 秒前检查', () => {
    expect(t('popupCheckedAgo', formatRelative(ago(43), now))).toBe('43 秒前检查');
    expect(formatTimeAgo(ago(180), now)).toMatch(/^\d{1,2}:\d\d（3 分钟前）$/);
  });

  it('keeps the space beside a Latin or numeric value and drops it beside a Chinese one', () => {
    expect(t('notifyWatchOpenTitle', 'RTX 5090')).toMatch(/^RTX 5090 \p{Script=Han}/u);
    expect(t('notifyWatchOpenTitle', '显卡')).toMatch(/^显卡\p{Script=Han}/u);
    expect(t('reasonNetwork', 'shop.example')).toBe('无法连接 shop.example。');
    expect(t('channelStateDelivered', formatRelative(ago(86_400), now))).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
  });

  it('never changes the spacing inside a value', () => {
    expect(t('notifyWatchOpenTitle', '京东 显卡')).toMatch(/^京东 显卡/);
  });

  it('says nothing for a key these locale files lack, where t() shows the key', () => {
    expect(messageText('evFromAFutureVersion', ['x'])).toBe('');
    expect(t('evFromAFutureVersion' as never)).toBe('evFromAFutureVersion');
  });

  it('spaces the list word 和 from Latin items only', () => {
    expect(formatList(['a.example', 'b.example'])).toBe('a.example 和 b.example');
    expect(formatList(['a.example', 'b.example', 'c.example'])).toBe('a.example、b.example 和 c.example');
    expect(formatList(['显卡', '手机'])).toBe('显卡和手机');
  });
});
