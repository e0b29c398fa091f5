import browser from 'webextension-polyfill';
import type { Verdict } from '../core/verdict';

/** Firefox lets the user withhold host permissions; Chrome grants them at install. */
export const CHATGPT_ORIGINS = ['https://chatgpt.com/*'];

export function hasHostAccess(): Promise<boolean> {
  return browser.permissions.contains({ origins: CHATGPT_ORIGINS });
}

/** Must be the first call in a click handler: browsers only prompt from a user gesture. */
export function requestHostAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: CHATGPT_ORIGINS });
}

/** The reading when no request could be made at all: the user must grant access. */
export function noHostAccessVerdict(at: number): Verdict {
  return {
    kind: 'blocked',
    reason: 'no-host-access',
    status: null,
    at,
    durationMs: 0,
    bytes: 0,
    requests: 0,
    evidence: 'host permission for chatgpt.com not granted',
  };
}
