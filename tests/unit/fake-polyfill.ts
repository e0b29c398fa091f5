// Unit tests import `webextension-polyfill` and get @webext-core/fake-browser's in-memory browser.
// fake-browser leaves i18n unimplemented, so it is filled in here from the real English messages.
import { fakeBrowser } from '@webext-core/fake-browser';
import en from '../../src/public/_locales/en/messages.json';
import { chromeStored } from './chrome-stored';

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

type PermissionsListener = (permissions: { origins?: string[] }) => void;

/**
 * fake-browser leaves permissions unimplemented too: a granted-origins set, all granted by default.
 * Kept on globalThis so a test's vi.resetModules() re-import shares it instead of starting over.
 */
const shared = globalThis as { fakePermissions?: typeof created };
const created = {
  granted: new Set<string>(['https://chatgpt.com/*']),
  listeners: new Set<PermissionsListener>(),
  reset() {
    this.granted = new Set(['https://chatgpt.com/*']);
    this.listeners.clear();
  },
};
shared.fakePermissions ??= created;
export const fakePermissions = shared.fakePermissions;

Object.assign(fakeBrowser.permissions, {
  contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => fakePermissions.granted.has(o)),
  getAll: async () => ({ origins: [...fakePermissions.granted], permissions: [] }),
  remove: async ({ origins = [] }: { origins?: string[] }) => {
    for (const o of origins) fakePermissions.granted.delete(o);
    return true;
  },
  request: async ({ origins = [] }: { origins?: string[] }) => {
    for (const o of origins) fakePermissions.granted.add(o);
    for (const listener of fakePermissions.listeners) listener({ origins });
    return true;
  },
  onAdded: {
    addListener: (l: PermissionsListener) => fakePermissions.listeners.add(l),
    removeListener: (l: PermissionsListener) => fakePermissions.listeners.delete(l),
    hasListener: (l: PermissionsListener) => fakePermissions.listeners.has(l),
  },
});

/**
 * fake-browser leaves Chrome's offscreen documents unimplemented: one document at a time, as Chrome
 * allows (a second createDocument fails), found by runtime.getContexts. Nothing runs in it: a test
 * that needs its answers listens on runtime.onMessage for `target: 'offscreen'` itself.
 */
const sharedOffscreen = globalThis as { fakeOffscreen?: typeof offscreenCreated };
const offscreenCreated = {
  document: null as { url: string; reasons: string[] } | null,
  created: 0,
  reset() {
    this.document = null;
    this.created = 0;
  },
};
sharedOffscreen.fakeOffscreen ??= offscreenCreated;
export const fakeOffscreen = sharedOffscreen.fakeOffscreen;

Object.assign((fakeBrowser as unknown as { offscreen: object }).offscreen, {
  createDocument: async ({ url, reasons }: { url: string; reasons: string[] }) => {
    if (fakeOffscreen.document) throw new Error('Only a single offscreen document may be created.');
    fakeOffscreen.document = { url: fakeBrowser.runtime.getURL(url), reasons };
    fakeOffscreen.created++;
  },
  hasDocument: async () => fakeOffscreen.document !== null,
  closeDocument: async () => {
    if (!fakeOffscreen.document) throw new Error('No current offscreen document.');
    fakeOffscreen.document = null;
  },
});
Object.assign(fakeBrowser.runtime, {
  getContexts: async ({ contextTypes = [], documentUrls = [] }: { contextTypes?: string[]; documentUrls?: string[] }) => {
    const doc = fakeOffscreen.document;
    const wanted = doc && contextTypes.includes('OFFSCREEN_DOCUMENT') && (documentUrls.length === 0 || documentUrls.includes(doc.url));
    return wanted ? [{ contextType: 'OFFSCREEN_DOCUMENT', documentUrl: doc.url }] : [];
  },
});

// Storage as Chrome's behaves (./chrome-stored.ts): copied in and out, object keys sorted.
type Area = { get: (keys?: unknown) => Promise<Record<string, unknown>>; set: (items: Record<string, unknown>) => Promise<void> };
for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session, fakeBrowser.storage.sync] as unknown as Area[]) {
  const get = area.get.bind(area);
  const set = area.set.bind(area);
  // JSON first: what Chrome cannot store (functions, undefined fields) is dropped as it drops it.
  area.set = (items) => set(chromeStored(JSON.parse(JSON.stringify(items ?? {}))));
  area.get = async (keys) => chromeStored(structuredClone(await get(keys)));
}

// Chrome's notification permission level ('granted' unless the user turned them off); Firefox has none.
Object.assign(fakeBrowser.notifications, { getPermissionLevel: async () => 'granted' });

export default fakeBrowser;
