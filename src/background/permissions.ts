import browser from 'webextension-polyfill';
import type { Stored } from '../core/stored-schema';
import { accessPattern } from '../shared/host-access';

/** Manifest host permissions are never released; optional ones are, once no watch needs them. */
const REQUIRED = new Set(['https://chatgpt.com/*']);

export async function releaseUnusedOrigins(stored: Pick<Stored, 'watchIds' | 'watches'>): Promise<void> {
  const needed = new Set(stored.watchIds.flatMap((id) => (stored.watches[id] ? [accessPattern(stored.watches[id].def)] : [])));
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const unused = granted.filter((origin) => !REQUIRED.has(origin) && !needed.has(origin));
  if (unused.length > 0) await browser.permissions.remove({ origins: unused });
}
