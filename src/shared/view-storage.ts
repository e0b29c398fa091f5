// The views' (the extension's own pages: popup, options) one way to storage: nothing else outside the worker calls
// browser.storage. They read everything and follow its changes, and write only the keys they own
// (src/core/storage-keys.ts: channel configs, a JSON watch's request header, the sites they asked
// for), whose values never travel in a message. Everything else they ask the worker to change.
import browser from 'webextension-polyfill';
import type { ChannelConfig } from '../core/channels/index';
import { KEYS } from '../core/storage-keys';
import { type Loaded, loadStored, type Stored } from '../core/stored-schema';
import { log } from './log';

async function readRaw(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.local.get(null);
  } catch (error) {
    log.warn('storage could not be read; using defaults', { error: String(error) });
    return {};
  }
}

/** Reads and validates everything; repairs are reported but not written (pages only read; the worker writes). */
async function readStored(): Promise<Loaded> {
  return loadStored(await readRaw());
}

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/**
 * Keeps a page's view of storage live: reads everything once and calls back with it, then applies
 * each change event to that copy and calls back again. A check that writes one watch's keys costs
 * no re-read of every watch's history, and two quick changes can never arrive out of order.
 * Returns the unsubscribe function.
 */
export function watchStored(callback: (data: Stored) => void): () => void {
  let raw: Record<string, unknown> | null = null;
  let rereadEachChange = false;
  let stopped = false;
  const early: Changes[] = [];
  const apply = (copy: Record<string, unknown>, changes: Changes) => {
    for (const [key, change] of Object.entries(changes)) {
      if (change.newValue === undefined) delete copy[key];
      else copy[key] = change.newValue;
    }
  };
  const listener = (changes: Changes, area: string) => {
    if (area !== 'local' || stopped) return;
    if (rereadEachChange) void readStored().then((loaded) => stopped || callback(loaded.data));
    else if (raw === null) early.push(changes);
    else {
      apply(raw, changes);
      callback(loadStored(raw).data);
    }
  };
  browser.storage.onChanged.addListener(listener);
  void browser.storage.local.get(null).then(
    (snapshot) => {
      if (stopped) return;
      // Changes that came in while reading are applied again in order: each sets a whole value, so the
      // result is what storage holds now (a change the snapshot missed arrives as an event later).
      const copy: Record<string, unknown> = { ...snapshot };
      for (const changes of early.splice(0)) apply(copy, changes);
      raw = copy;
      callback(loadStored(raw).data);
    },
    (error: unknown) => {
      log.warn('storage could not be read; reading it again at each change', { error: String(error) });
      rereadEachChange = true;
      if (!stopped) void readStored().then((loaded) => stopped || callback(loaded.data));
    },
  );
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}

/**
 * The name of a JSON watch's saved request header, or null. Its value is never read back into a
 * page: the options page only says which header is kept.
 */
export async function readSecretHeaderName(watchId: string): Promise<string | null> {
  try {
    const key = KEYS.secret(watchId);
    const secret = (await browser.storage.local.get(key))[key] as { name?: unknown } | undefined;
    return typeof secret?.name === 'string' ? secret.name : null;
  } catch {
    return null;
  }
}

/** The stored values of `keys` (null: every key), as stored; throws when storage cannot be read. */
export function readKeys(keys: string[] | null): Promise<Record<string, unknown>> {
  return browser.storage.local.get(keys);
}

/**
 * Reads `keys` now and again whenever one of them changes, handing over what is stored (a failed
 * read goes to `failed`). For the few keys a part of a page shows on its own. Returns the unsubscribe.
 */
export function followKeys(
  keys: readonly string[],
  read: (raw: Record<string, unknown>) => void,
  failed?: (error: unknown) => void,
): () => void {
  const reread = () => void browser.storage.local.get([...keys]).then(read, failed);
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && keys.some((key) => key in changes)) reread();
  };
  browser.storage.onChanged.addListener(listener);
  reread();
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The whole list of channel configs, already validated (src/options/channel-configs.ts). Only the options page writes it. */
export const writeChannels = (channels: ChannelConfig[]): Promise<void> => browser.storage.local.set({ [KEYS.channels]: channels });

/** A JSON watch's request header, already checked (src/shared/view-requests.ts); null removes it. */
export function writeSecretHeader(watchId: string, header: { name: string; value: string; origin: string } | null): Promise<void> {
  if (header === null) return browser.storage.local.remove(KEYS.secret(watchId));
  return browser.storage.local.set({ [KEYS.secret(watchId)]: header });
}

/** The sites Reopen Watch asked for (src/core/site-grants.ts), written by the page that asked or released. */
export const writeSitesAsked = (sites: string[]): Promise<void> => browser.storage.local.set({ [KEYS.sitesAsked]: sites });
