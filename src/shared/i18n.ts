import browser from 'webextension-polyfill';

export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

/** Every visible string goes through here, so a missing key shows up as the key, never as blank. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  return messageText(key, substitutions) || key;
}

/**
 * A message in the UI's language, or '' for a key these locale files lack (evidence stored by
 * another version names keys that may not exist here).
 */
export function messageText(key: string, substitutions: ReadonlyArray<string | number>): string {
  const cjk = substitutions.length > 0 && spacesCjk();
  const marked = substitutions.map((s) => (cjk ? `${VALUE_START}${s}${VALUE_END}` : String(s)));
  const text = browser.i18n.getMessage(key, marked);
  return cjk && text ? tightenAroundValues(text) : text;
}

/**
 * Chinese messages put one space between Chinese and a placeholder ("向 $NAME$ 发送"), the right
 * spacing for a host, a number or "ntfy"; a value that itself starts or ends in Chinese ("我的手机",
 * "昨天") must not keep that space. Values are marked with private-use characters so only the
 * spaces the message put beside them are dropped, never one inside the user's own text.
 */
const VALUE_START = '\uE000';
const VALUE_END = '\uE001';
const WIDE = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u2026\\u2014]';
const SPACE_BEFORE_VALUE = new RegExp(`(?<=${WIDE}${VALUE_END}?) (?=${VALUE_START}${WIDE})`, 'gu');
const SPACE_AFTER_VALUE = new RegExp(`(?<=${WIDE}${VALUE_END}) (?=${VALUE_START}?${WIDE})`, 'gu');

function tightenAroundValues(text: string): string {
  return text
    .replace(SPACE_BEFORE_VALUE, '')
    .replace(SPACE_AFTER_VALUE, '')
    .replace(/[\uE000\uE001]/g, '');
}

/** Chinese spaces CJK from Latin letters and digits itself (中文文案排版指北); English needs nothing. */
function spacesCjk(): boolean {
  return uiLanguage().startsWith('zh');
}

/** "43秒前" → "43 秒前": one space wherever Chinese meets a Latin letter or a digit. */
function spaceCjk(text: string): string {
  return text.replace(/(\p{Script=Han})(?=[A-Za-z0-9])|([A-Za-z0-9])(?=\p{Script=Han})/gu, '$1$2 ');
}

/**
 * The language the extension's messages are shown in ("zh-CN"), so times, lists and plurals match
 * the words around them even when the browser's own UI language differs: each translation names
 * its own language tag.
 */
export function uiLanguage(): string {
  return browser.i18n.getMessage('localeTag') || browser.i18n.getUILanguage() || 'en';
}

/**
 * Intl objects are slow to make and the language never changes while a page or worker lives: one
 * of each is kept (a popup with 100 watches formats a few hundred times per render).
 */
const formatters = new Map<string, unknown>();
function formatter<T>(name: string, make: () => T): T {
  const key = `${name} ${uiLanguage()}`;
  if (!formatters.has(key)) formatters.set(key, make());
  return formatters.get(key) as T;
}

/**
 * Picks `<key>_one` / `<key>_other` by the language's plural rules (Chrome's i18n has no plurals)
 * and passes the count as the first substitution.
 */
export function tPlural(key: PluralKey, count: number, ...rest: Array<string | number>): string {
  const category = formatter('plural', () => new Intl.PluralRules(uiLanguage())).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${category}` as MessageKey, count, ...rest);
}

type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** "14:32 (3 minutes ago)", with the locale's own brackets ("14:32（3 分钟前）"). */
export function formatTimeAgo(at: number, now: number): string {
  return t('timeWithAgo', formatTime(at), formatRelative(at, now));
}

/** "14:32" / "8:46 AM" in the browser's language: an hour without a leading zero ("08:46 AM" reads oddly). */
export function formatTime(at: number): string {
  return formatter('time', () => new Intl.DateTimeFormat(uiLanguage(), { hour: 'numeric', minute: '2-digit' })).format(at);
}

/** "12 minutes ago" / "12 分钟前", or "in 2 minutes" / "2 分钟后" for future times. */
export function formatRelative(at: number, now: number): string {
  const seconds = Math.round((at - now) / 1000);
  if (!spacesCjk()) return relative(seconds, 'long');
  // Intl's "现在" for a moment just past reads as "now" in "现在检查" (check now): 刚刚 is "just now".
  if (seconds === 0 && at <= now) return '刚刚';
  // The short style says 秒 where the long one says 秒钟, as Chinese apps write it.
  return spaceCjk(relative(seconds, 'short'));
}

function relative(seconds: number, style: 'long' | 'short'): string {
  const format = formatter(`relative ${style}`, () => new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto', style }));
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

/** "A, B and C" / "A、B 和 c.com", by the language's own rules. */
export function formatList(items: readonly string[]): string {
  const format = formatter('list', () => new Intl.ListFormat(uiLanguage(), { style: 'long', type: 'conjunction' }));
  if (!spacesCjk()) return format.format(items);
  // Only the language's own words (和) are spaced from a Latin item; the items stay as written.
  return format
    .formatToParts(items)
    .map((part, i, parts) => {
      if (part.type !== 'literal' || !/\p{Script=Han}/u.test(part.value)) return part.value;
      const before = /[A-Za-z0-9]$/.test(parts[i - 1]?.value ?? '') ? ' ' : '';
      const after = /^[A-Za-z0-9]/.test(parts[i + 1]?.value ?? '') ? ' ' : '';
      return `${before}${part.value}${after}`;
    })
    .join('');
}

/** Sentences one after another: Chinese and Japanese put no space after their full stop. */
export function joinSentences(sentences: readonly string[]): string {
  return sentences.join(/^(zh|ja)/.test(uiLanguage()) ? '' : ' ');
}
