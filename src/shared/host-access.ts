// Which host permission a watch needs, and whether it has it: for the worker and the pages alike.
// Asking for one is the pages' alone (src/shared/request-access.ts).
import browser from 'webextension-polyfill';
import { specOf } from '../core/kinds/registry';
import { originPattern, type WatchDef } from '../core/watch-def';

/** The host permission pattern for a site, in this browser's terms (Firefox's patterns have no port). */
export const sitePattern = (url: string): string => originPattern(url, import.meta.env.MODE !== 'firefox');

/** The host permission a watch needs: chatgpt.com is in the manifest; every other origin is optional. */
export function accessPattern(watch: Pick<WatchDef, 'kind' | 'url'>): string {
  return specOf(watch.kind).hostPattern(watch, sitePattern);
}

export function hasHostAccess(watch: Pick<WatchDef, 'kind' | 'url'>): Promise<boolean> {
  return browser.permissions.contains({ origins: [accessPattern(watch)] });
}
