// Unit tests import `webextension-polyfill` and get @webext-core/fake-browser's in-memory browser.
// fake-browser leaves i18n unimplemented, so it is filled in here from the real English messages.
import { fakeBrowser } from '@webext-core/fake-browser';
import en from '../../src/public/_locales/en/messages.json';

type Message = { message: string; placeholders?: Record<string, { content: string }> };
const messages = en as Record<string, Message>;

/** Chrome's substitution rules: $NAME$ → placeholder content, then $1..$9 → substitutions. */
export function getMessage(key: string, substitutions: string | string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message
    .replace(/\$([a-z0-9_]+)\$/gi, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });

export default fakeBrowser;
