import browser from 'webextension-polyfill';
import { type Loaded, loadStored, STORED_KEYS, type Stored } from '../core/stored-schema';
import { log } from './log';

async function readRaw(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.local.get(null);
  } catch (error) {
    log.warn('storage could not be read; using defaults', { error: String(error) });
    return {};
  }
}

/** Reads and validates everything; repairs are reported but not written (the popup only reads). */
export async function readStored(): Promise<Loaded> {
  return loadStored(await readRaw());
}

/** The service worker's read: repairs are logged and written back, foreign keys removed. */
export async function loadAndRepair(): Promise<Stored> {
  const raw = await readRaw();
  const loaded = loadStored(raw);
  if (loaded.repairs.length > 0) log.warn('storage repaired', { repairs: loaded.repairs });
  if (loaded.changed) await writeStored(loaded.data);
  const foreign = Object.keys(raw).filter((key) => !(STORED_KEYS as readonly string[]).includes(key));
  if (foreign.length > 0) {
    log.warn('storage had unknown keys; removed', { keys: foreign });
    await browser.storage.local.remove(foreign);
  }
  return loaded.data;
}

export async function writeStored(patch: Partial<Stored>): Promise<void> {
  await browser.storage.local.set(patch);
}

/** Calls back whenever the stored data changes, with the fresh, validated data. */
export function onStoredChange(callback: (data: Stored) => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'local') void readStored().then((loaded) => callback(loaded.data));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
