import browser from 'webextension-polyfill';
import { channelPermissions } from '../shared/channel-access';
import { formatList, t } from '../shared/i18n';
import { requestHostAccess, requestPermissions } from '../shared/request-access';
import type { Notice } from './notice';

export type AccessAnswer = 'granted' | 'refused' | 'failed';

/**
 * A host permission pattern ("<scheme>://<host>/*") → its host, for telling the user which sites
 * are asked for. Here, not with the import code, so a notice does not load that.
 */
export const hostOfPattern = (pattern: string) => pattern.replace(/^[a-z]+:\/\//i, '').replace(/\/\*$/, '');

/**
 * Asks for the given host permissions. Call it before any await in a click handler: browsers only
 * show the prompt during a user gesture (Firefox only in its synchronous part).
 */
export function askAccess(patterns: string[]): Promise<AccessAnswer> {
  if (patterns.length === 0) return Promise.resolve('granted');
  let asked: Promise<boolean>;
  try {
    asked = requestHostAccess(patterns);
  } catch {
    return Promise.resolve('failed');
  }
  return asked.then(
    (granted) => (granted ? 'granted' : 'refused'),
    () => 'failed',
  );
}

/** A channel's host (and on Firefox the consent to share its data), asked for like `askAccess`. */
export function askChannelAccess(originPattern: string): Promise<AccessAnswer> {
  try {
    return requestPermissions(channelPermissions(originPattern)).then(
      (granted) => (granted ? 'granted' : 'refused'),
      () => 'failed',
    );
  } catch {
    return Promise.resolve('failed');
  }
}

/** What to tell the user when access was not granted; nothing was sent. */
export function accessNotice(answer: Exclude<AccessAnswer, 'granted'>, patterns: string[]): Notice {
  const hosts = formatList(patterns.map(hostOfPattern));
  return { tone: 'error', text: t(answer === 'refused' ? 'optionsAccessRefused' : 'optionsAccessFailed', hosts) };
}

/** Whether every pattern is already granted; needs no gesture, so it may come before an await. */
export async function hasAccess(patterns: string[]): Promise<boolean> {
  if (patterns.length === 0) return true;
  try {
    return await browser.permissions.contains({ origins: patterns });
  } catch {
    return false;
  }
}
