import browser from 'webextension-polyfill';
import { keyedQueue } from '../core/keyed-queue';
import type { Settings } from '../core/stored-fields';
import { KEYS, type LoadedWatch, loadStored, loadWatch, type Stored, type WatchRecord } from '../core/stored-schema';
import { type Summary, updateSummary } from '../core/summary';
import { toneOf } from '../core/tone';
import { log } from '../shared/log';

/**
 * The worker's view of storage. A check reads only its own watch's keys plus the settings and the
 * summary, once per wake; every write to a watch goes through that watch's queue and re-reads the
 * latest data inside it, so a check's commit and an edit of the same watch never overwrite each other.
 */
interface Memory {
  settings: Settings;
  summary: Summary;
  records: Map<string, WatchRecord>;
  /** Present after a full load (start-up, edits); a check alone never needs it. */
  all: Stored | null;
}

let memory: Memory | null = null;
let loading: Promise<Memory> | null = null;
const queue = keyedQueue();
const GLOBAL = 'global';

async function get(keys: string[] | null): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.local.get(keys);
  } catch (error) {
    log.warn('storage could not be read; using defaults', { error: String(error) });
    return {};
  }
}

/** Everything, migrated and repaired; written back when anything changed. */
export function loadAll(): Promise<Stored> {
  return queue.run(GLOBAL, async () => memory?.all ?? readAll());
}

/** Reads everything afresh (outside the queue: callers hold GLOBAL). */
async function readAll(): Promise<Stored> {
  memory = null;
  const loaded = loadStored(await get(null));
  if (loaded.repairs.length > 0) log.warn('storage repaired', { repairs: loaded.repairs });
  await write(loaded.writes);
  await removeKeys(loaded.removals);
  const { data } = loaded;
  memory = { settings: data.settings, summary: data.summary, records: new Map(Object.entries(data.watches)), all: data };
  return data;
}

/** One watch, as a check needs it: a handful of keys, read once per wake. Null if it no longer exists. */
export async function loadForCheck(id: string): Promise<LoadedWatch | null> {
  const cached = memory?.records.get(id);
  if (memory && cached) return { settings: memory.settings, summary: memory.summary, record: cached, repairs: [] };
  loading ??= (async () => {
    const raw = await get([KEYS.schemaVersion, KEYS.settings, KEYS.summary, KEYS.def(id), KEYS.state(id), KEYS.history(id)]);
    const loaded = loadWatch(raw, id);
    if (!loaded) {
      await loadAll(); // an older schema, a lost summary, or an unknown watch: the full path repairs it
      return memory as Memory;
    }
    if (loaded.repairs.length > 0) log.warn('storage repaired', { watchId: id, repairs: loaded.repairs });
    memory ??= { settings: loaded.settings, summary: loaded.summary, records: new Map(), all: null };
    memory.records.set(id, loaded.record);
    return memory;
  })().finally(() => {
    loading = null;
  });
  const mem = await loading;
  const record = mem.records.get(id);
  return record ? { settings: mem.settings, summary: mem.summary, record, repairs: [] } : null;
}

/**
 * Applies `change` to the watch's latest record inside its queue and writes the keys that changed;
 * the toolbar summary follows in its own queue. Returns the record as written, or null if the
 * watch is gone.
 */
export function updateWatch(
  id: string,
  change: (record: WatchRecord, settings: Settings) => Partial<WatchRecord> | null,
): Promise<{ record: WatchRecord; summary: Summary } | null> {
  return queue.run(id, async () => {
    const loaded = await loadForCheck(id);
    if (!loaded) return null;
    memory ??= { settings: loaded.settings, summary: loaded.summary, records: new Map([[id, loaded.record]]), all: null };
    const before = loaded.record;
    const patch = change(before, loaded.settings);
    if (!patch) return { record: before, summary: memory.summary };
    const after: WatchRecord = { ...before, ...patch };
    const writes: Record<string, unknown> = {};
    if (patch.def) writes[KEYS.def(id)] = after.def;
    if (patch.state) writes[KEYS.state(id)] = after.state;
    if (patch.history) writes[KEYS.history(id)] = after.history;
    // Memory first: the storage.onChanged our own write raises must find it already current.
    memory.records.set(id, after);
    if (memory.all) memory.all = { ...memory.all, watches: { ...memory.all.watches, [id]: after } };
    await write(writes);
    const summary = await queue.run(GLOBAL, async () => {
      // Someone else wrote meanwhile: count again from what is stored.
      if (!memory) return (await readAll()).summary;
      const enabled = after.def.enabled;
      const beforeTone = before.def.enabled ? toneOf(before.state) : null;
      const afterTone = enabled ? toneOf(after.state) : null;
      const checkedAt = after.state.latest?.at ?? 0;
      if (beforeTone === null || afterTone === null || before.def.name !== after.def.name) {
        // Enabling, disabling or renaming changes who is counted: recount from everything.
        return (await readAll()).summary;
      }
      const next = updateSummary(memory.summary, after.def.name, beforeTone, afterTone, checkedAt);
      const changed = JSON.stringify(next) !== JSON.stringify(memory.summary);
      memory.summary = next;
      if (memory.all) memory.all = { ...memory.all, summary: next };
      if (changed) await write({ [KEYS.summary]: next });
      return next;
    });
    return { record: after, summary };
  });
}

/** Changes to the list of watches or global settings: serialised, then re-read in full. */
export function updateAll(change: (stored: Stored) => { writes: Record<string, unknown>; removals?: string[] } | null): Promise<Stored> {
  return queue.run(GLOBAL, async () => {
    const stored = memory?.all ?? (await readAll());
    const result = change(stored);
    if (!result) return stored;
    await write(result.writes);
    await removeKeys(result.removals ?? []);
    return readAll();
  });
}

async function write(items: Record<string, unknown>): Promise<void> {
  if (Object.keys(items).length === 0) return;
  for (const [key, value] of Object.entries(items)) noteOwn(key, value);
  try {
    await browser.storage.local.set(items);
  } catch (error) {
    memory = null; // what is stored is unknown now: read it again next time
    throw error;
  }
}

async function removeKeys(keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  for (const key of keys) noteOwn(key, undefined);
  await browser.storage.local.remove(keys);
}

/** For tests: forget everything, as a new worker would. */
export function forgetMemory(): void {
  memory = null;
}

/**
 * The values this worker wrote and has not yet seen come back through storage.onChanged (which
 * arrives later, possibly after newer writes). Anything else that changes is someone else's write.
 */
const ownWrites = new Map<string, string[]>();
const REMOVED = '\u0000removed';

function noteOwn(key: string, value: unknown): void {
  const list = ownWrites.get(key) ?? [];
  list.push(value === undefined ? REMOVED : JSON.stringify(value));
  // Bounded: a change event that never came must not make this grow without end.
  ownWrites.set(key, list.slice(-20));
}

// A write by anyone else (a test, the browser's storage inspector, an older copy of the worker)
// makes the copy stale: drop it and read again on next use.
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  let foreign = false;
  for (const [key, change] of Object.entries(changes)) {
    const seen = change.newValue === undefined ? REMOVED : JSON.stringify(change.newValue);
    const list = ownWrites.get(key);
    const index = list?.indexOf(seen) ?? -1;
    if (list && index >= 0) list.splice(index, 1);
    else foreign = true;
  }
  if (foreign) memory = null;
});
