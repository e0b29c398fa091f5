import browser from 'webextension-polyfill';
import { CHATGPT_ORIGIN } from '../core/kinds/chatgpt-plus/urls';
import type { Verdict } from '../core/verdict';
import { originPattern, type WatchDef } from '../core/watch-def';

/** The host permission a watch needs: chatgpt.com is in the manifest; every other origin is optional. */
export function accessPattern(watch: Pick<WatchDef, 'kind' | 'url'>): string {
  return watch.kind === 'chatgpt-plus' ? `${CHATGPT_ORIGIN}/*` : originPattern(watch.url);
}

export function hasHostAccess(watch: Pick<WatchDef, 'kind' | 'url'>): Promise<boolean> {
  return browser.permissions.contains({ origins: [accessPattern(watch)] });
}

/** Must be the first call in a click handler: browsers only prompt from a user gesture. */
export function requestHostAccess(patterns: string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...new Set(patterns)] });
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
