import browser, { type Permissions } from 'webextension-polyfill';
import { specOf } from '../core/kinds/registry';
import { ASKED_SITES_KEY, noteAsked, readAskedSites } from '../core/site-grants';
import type { Verdict } from '../core/verdict';
import { originPattern, type WatchDef } from '../core/watch-def';
import { log } from './log';

/** The host permission pattern for a site, in this browser's terms (Firefox's patterns have no port). */
export const sitePattern = (url: string): string => originPattern(url, import.meta.env.MODE !== 'firefox');

/** The host permission a watch needs: chatgpt.com is in the manifest; every other origin is optional. */
export function accessPattern(watch: Pick<WatchDef, 'kind' | 'url'>): string {
  return specOf(watch.kind).hostPattern(watch, sitePattern);
}

export function hasHostAccess(watch: Pick<WatchDef, 'kind' | 'url'>): Promise<boolean> {
  return browser.permissions.contains({ origins: [accessPattern(watch)] });
}

/** Must be the first call in a click handler: browsers only prompt from a user gesture. */
export function requestHostAccess(patterns: string[]): Promise<boolean> {
  return requestPermissions({ origins: [...new Set(patterns)] });
}

/**
 * Asks for permissions (call it first in a click handler) and remembers which sites the request
 * newly obtained, so releasing unused sites only ever gives back what Reopen Watch asked for. The
 * grants as they were are read in the same moment the request is made, before it can change them.
 */
export function requestPermissions(permissions: Permissions.Permissions): Promise<boolean> {
  const before = browser.permissions.getAll().then(
    (all) => all.origins ?? [],
    () => null,
  );
  return browser.permissions.request(permissions).then(async (granted) => {
    const grantedBefore = await before;
    if (granted && grantedBefore && permissions.origins?.length) await rememberAsked(permissions.origins, grantedBefore);
    return granted;
  });
}

async function rememberAsked(requested: string[], grantedBefore: string[]): Promise<void> {
  try {
    const stored = readAskedSites((await browser.storage.local.get(ASKED_SITES_KEY))[ASKED_SITES_KEY]) ?? [];
    const asked = noteAsked(stored, requested, grantedBefore);
    if (asked.length !== stored.length) await browser.storage.local.set({ [ASKED_SITES_KEY]: asked });
  } catch (error) {
    // Unremembered, a site is only kept longer than needed: never a loss.
    log.warn('granted site not remembered', { error: String(error) });
  }
}

/** The reading when no request could be made at all: the user must grant access. */
export function noHostAccessVerdict(watch: Pick<WatchDef, 'kind' | 'url'>, at: number): Verdict {
  return {
    kind: 'blocked',
    reason: 'no-host-access',
    status: null,
    at,
    durationMs: 0,
    bytes: 0,
    requests: 0,
    evidence: `host permission for ${new URL(watch.url).host} not granted`,
  };
}
