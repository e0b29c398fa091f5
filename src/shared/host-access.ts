// Which host permission a watch needs, and whether it has it: for the worker and the pages alike.
// Asking for one is the pages' alone (src/shared/request-access.ts).
import browser from 'webextension-polyfill';
import { specOf } from '../core/kinds/registry';
import type { Verdict } from '../core/verdict';
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

/**
 * The English of the one evidence built here, formatted by hand: the popup loads this module, and
 * the core's builder would bring the worker's whole English table along.
 */
export const ACCESS_EVIDENCE = { evNoHostAccess: 'host permission for $1 not granted' };

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
    evidence: ACCESS_EVIDENCE.evNoHostAccess.replace('$1', new URL(watch.url).host),
    evidenceMessage: { key: 'evNoHostAccess', args: [new URL(watch.url).host] },
  };
}
