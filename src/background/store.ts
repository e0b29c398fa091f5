import browser from 'webextension-polyfill';
import { keyedQueue } from '../core/keyed-queue';
import { loadStored, type Stored } from '../core/stored-schema';
import { log } from '../shared/log';

/**
 * The worker's view of storage: read and validated once per wake, then kept in memory. Every write
 * goes through one queue and re-reads the latest data inside it, so a check's commit and a settings
 * save can never overwrite each other's fields.
 */
let cached: Promise<Stored> | null = null;
const queue = keyedQueue();
const STORE_KEY = 'stored';

async function loadAndRepair(): Promise<Stored> {
  let raw: Record<string, unknown> = {};
  try {
    raw = await browser.storage.local.get(null);
  } catch (error) {
    log.warn('storage could not be read; using defaults', { error: String(error) });
  }
  const loaded = loadStored(raw);
  if (loaded.repairs.length > 0) log.warn('storage repaired', { repairs: loaded.repairs });
  // Keys this build does not know (a newer build's, another tool's) are left alone.
  if (loaded.changed) await browser.storage.local.set({ ...loaded.data });
  return loaded.data;
}

/** The current data; the first call of a wake reads storage, later ones are free. */
export function current(): Promise<Stored> {
  cached ??= loadAndRepair().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

/**
 * Applies `change` to the latest data and writes only the keys it returns. Runs after every update
 * queued before it; returns the data as written (or unchanged, when `change` returns null).
 */
export function update(change: (stored: Stored) => Partial<Stored> | null): Promise<Stored> {
  return queue.run(STORE_KEY, async () => {
    const before = await current();
    const patch = change(before);
    if (!patch) return before;
    const after: Stored = { ...before, ...patch };
    try {
      await browser.storage.local.set(patch);
    } catch (error) {
      cached = null; // what is stored is unknown now: read it again next time
      throw error;
    }
    cached = Promise.resolve(after);
    return after;
  });
}

// A write by anyone else (a test, the browser's storage inspector) makes the copy stale.
browser.storage.onChanged.addListener((changes, area) => {
  const snapshot = cached;
  if (area !== 'local' || !snapshot) return;
  void snapshot.then((data) => {
    const record = data as unknown as Record<string, unknown>;
    const foreign = Object.entries(changes).some(
      ([key, change]) => key in record && JSON.stringify(change.newValue) !== JSON.stringify(record[key]),
    );
    if (foreign && cached === snapshot) cached = null;
  });
});
