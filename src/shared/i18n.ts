import browser from 'webextension-polyfill';

export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

/** Every visible string goes through here, so a missing key shows up as the key, never as blank. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  return text || key;
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

/** "14:32 (3 minutes ago)", with the locale's own brackets ("14:32（3分钟前）"). */
export function formatTimeAgo(at: number, now: number): string {
  return t('timeWithAgo', formatTime(at), formatRelative(at, now));
}

/** "14:32" in the browser's language. */
export function formatTime(at: number): string {
  return formatter('time', () => new Intl.DateTimeFormat(uiLanguage(), { hour: '2-digit', minute: '2-digit' })).format(at);
}

/** "12 minutes ago" / "12分钟前", or "in 2 minutes" for future times. */
export function formatRelative(at: number, now: number): string {
  const format = formatter('relative', () => new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto' }));
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

/** "A, B and C" / "A、B和C", by the language's own rules. */
export function formatList(items: readonly string[]): string {
  return formatter('list', () => new Intl.ListFormat(uiLanguage(), { style: 'long', type: 'conjunction' })).format(items);
}

/** Sentences one after another: Chinese and Japanese put no space after their full stop. */
export function joinSentences(sentences: readonly string[]): string {
  return sentences.join(/^(zh|ja)/.test(uiLanguage()) ? '' : ' ');
}
