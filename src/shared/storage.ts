import browser from 'webextension-polyfill';
import { KEYS, type Loaded, loadStored, type Stored } from '../core/stored-schema';
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
export async function readStored(): Promise<Loaded> {
  return loadStored(await readRaw());
}

/** Calls back whenever the stored data changes, with the fresh, validated data. */
export function onStoredChange(callback: (data: Stored) => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'local') void readStored().then((loaded) => callback(loaded.data));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
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
