// Asking for permissions, from a page (a user gesture), and remembering which sites the request
// newly obtained (src/core/site-grants.ts). Never imported by the worker.
import browser, { type Permissions } from 'webextension-polyfill';
import { noteAsked, readAskedSites } from '../core/site-grants';
import { KEYS } from '../core/storage-keys';
import { log } from './log';
import { readKeys, writeSitesAsked } from './view-storage';

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
    const stored = readAskedSites((await readKeys([KEYS.sitesAsked]))[KEYS.sitesAsked]) ?? [];
    const asked = noteAsked(stored, requested, grantedBefore);
    if (asked.length !== stored.length) await writeSitesAsked(asked);
  } catch (error) {
    // Unremembered, a site is only kept longer than needed: never a loss.
    log.warn('granted site not remembered', { error: String(error) });
  }
}
