import browser from 'webextension-polyfill';
import type { Stored } from '../core/stored-schema';
import { accessPattern } from '../shared/host-access';
import { channelOrigins } from './channel-store';

/** Manifest host permissions are never released; optional ones are, once no watch (and no channel) needs them. */
const REQUIRED = new Set(['https://chatgpt.com/*']);

export async function releaseUnusedOrigins(stored: Pick<Stored, 'watchIds' | 'watches'>): Promise<void> {
  const needed = new Set(stored.watchIds.flatMap((id) => (stored.watches[id] ? [accessPattern(stored.watches[id].def)] : [])));
  for (const origin of await channelOrigins()) needed.add(origin); // channels (issue 9) keep their service's host
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const unused = granted.filter((origin) => !REQUIRED.has(origin) && !needed.has(origin));
  if (unused.length > 0) await browser.permissions.remove({ origins: unused });
}
