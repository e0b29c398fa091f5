// The worker's one way to storage: nothing else in src/background calls browser.storage. Each key
// it writes is declared, with its writer, in src/core/storage-keys.ts; the pages write theirs
// through src/shared/view-storage.ts.
import browser from 'webextension-polyfill';
import type { ChannelStatusMap } from '../core/channels/stored';
import { keyedQueue } from '../core/keyed-queue';
import type { OutboxState } from '../core/outbox';
import type { RemindersActed } from '../core/reminder-policy';
import { canonicalJson, sameValue } from '../core/same-value';
import { KEYS, SESSION_KEYS } from '../core/storage-keys';
import type { Settings } from '../core/stored-fields';
import { type LoadedWatch, loadStored, loadWatch, type Stored, type WatchRecord } from '../core/stored-schema';
import { type Summary, updateSummary } from '../core/summary';
import { toneOf, type WatchTone } from '../core/tone';
import { log } from '../shared/log';

/**
 * The watches. A check reads only its own watch's keys plus the settings and the summary, once per
 * wake; every write to a watch goes through that watch's queue and re-reads the latest data inside
 * it, so a check's commit and an edit of the same watch never overwrite each other.
 */
interface Memory {
  settings: Settings;
  summary: Summary;
  records: Map<string, WatchRecord>;
  /** Present after a full load (start-up, edits); a check alone never needs it. */
  all: Stored | null;
}

let memory: Memory | null = null;
const loading = new Map<string, Promise<void>>();
const queue = keyedQueue();
const GLOBAL = 'global';

/**
 * A read that fails fails: taken as empty, the repair after it would write defaults over every
 * watch. What asked for it (a check, an edit) fails instead, and the next one reads again.
 */
async function get(keys: string[] | null): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.local.get(keys);
  } catch (error) {
    log.warn('storage could not be read', { error: String(error) });
    throw error;
  }
}

async function recount(fallback: Summary): Promise<Summary> {
  try {
    return (await readAll()).summary;
  } catch {
    return fallback; // logged by get(); the next full read recounts
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
  if (!memory?.records.has(id)) {
    // One read per watch in flight: several watches checked at once each load their own keys.
    let pending = loading.get(id);
    if (!pending) {
      pending = (async () => {
        const raw = await get([KEYS.schemaVersion, KEYS.settings, KEYS.summary, KEYS.def(id), KEYS.state(id), KEYS.history(id)]);
        const loaded = loadWatch(raw, id);
        // An older schema, a lost summary, or an unknown watch: the full path repairs it.
        if (!loaded) return void (await loadAll());
        if (loaded.repairs.length > 0) log.warn('storage repaired', { watchId: id, repairs: loaded.repairs });
        memory ??= { settings: loaded.settings, summary: loaded.summary, records: new Map(), all: null };
        if (!memory.records.has(id)) memory.records.set(id, loaded.record);
      })().finally(() => loading.delete(id));
      loading.set(id, pending);
    }
    await pending;
  }
  const record = memory?.records.get(id);
  return memory && record ? { settings: memory.settings, summary: memory.summary, record, repairs: [] } : null;
}

/**
 * Applies `change` to the watch's latest record and writes it with the toolbar summary in one go.
 * Runs in the watch's queue and then the global one, so a full re-read (which recounts the
 * summary) can never interleave with it and count a change twice. Null if the watch is gone.
 * `beforeWrite` runs in the same turn, after `change` returned a patch and before it is written:
 * what it persists (a check's channel alerts) is decided on the very record the patch folds into.
 */
export function updateWatch(
  id: string,
  change: (record: WatchRecord, settings: Settings) => Partial<WatchRecord> | null,
  beforeWrite?: () => Promise<void>,
): Promise<{ record: WatchRecord; summary: Summary; settings: Settings } | null> {
  return queue.run(id, async () => {
    if (!(await loadForCheck(id))) return null;
    return queue.run(GLOBAL, async () => {
      // Memory may have been replaced meanwhile (a full read); what it holds now is current.
      if (!memory?.records.has(id)) await readAll();
      const mem = memory as Memory;
      const before = mem.records.get(id);
      if (!before) return null;
      const patch = change(before, mem.settings);
      if (!patch) return { record: before, summary: mem.summary, settings: mem.settings };
      await beforeWrite?.();
      const after: WatchRecord = { ...before, ...patch };
      const writes: Record<string, unknown> = {};
      if (patch.def) writes[KEYS.def(id)] = after.def;
      if (patch.state) writes[KEYS.state(id)] = after.state;
      if (patch.history) writes[KEYS.history(id)] = after.history;
      const counted = (r: WatchRecord) => (r.def.enabled ? toneOf(r.state) : null);
      // Enabling, disabling or renaming changes who is counted: then recount from everything below.
      let summary: Summary | null = null;
      if (counted(before) !== null && counted(after) !== null && before.def.name === after.def.name) {
        summary = updateSummary(
          mem.summary,
          after.def.name,
          counted(before) as WatchTone,
          counted(after) as WatchTone,
          after.state.latest?.at ?? 0,
        );
        if (!sameValue(summary, mem.summary)) writes[KEYS.summary] = summary;
      }
      // Memory first: the storage.onChanged our own write raises must find it already current.
      mem.records.set(id, after);
      if (summary) mem.summary = summary;
      if (mem.all) mem.all = { ...mem.all, watches: { ...mem.all.watches, [id]: after }, summary: mem.summary };
      await write(writes);
      // Written: a recount that cannot read now must not make the saved change look failed.
      return { record: after, summary: summary ?? (await recount(mem.summary)), settings: mem.settings };
    });
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
  list.push(value === undefined ? REMOVED : (canonicalJson(value) as string));
  // Bounded: a change event that never came must not make this grow without end.
  ownWrites.set(key, list.slice(-20));
}

// A write by anyone else (a test, the browser's storage inspector, an older copy of the worker)
// makes the copy stale: drop it and read again on next use.
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  let foreign = false;
  for (const [key, change] of Object.entries(changes)) {
    const seen = change.newValue === undefined ? REMOVED : (canonicalJson(change.newValue) as string);
    const list = ownWrites.get(key);
    const index = list?.indexOf(seen) ?? -1;
    if (list && index >= 0) list.splice(index, 1);
    else foreign = true;
  }
  if (foreign) memory = null;
});

// ---------------------------------------------------------------------------------------------
// The keys beside the watches. Each is read and written whole, by the one module that serialises
// its changes (named at each function); a failed read throws, so nothing is written over it.
// These writes are not noted in `ownWrites`: like any change the watches' copy did not make, their
// change event makes that copy read again at its next use (as before they came here).

async function readKey(key: string, area = browser.storage.local): Promise<unknown> {
  return (await area.get(key))[key];
}

/** The outbox as stored (read leniently by src/core/outbox.ts). Its one writer: outbox-sender's queue. */
export const readOutboxRaw = (): Promise<unknown> => readKey(KEYS.outbox);
export const writeOutbox = (state: OutboxState): Promise<void> => browser.storage.local.set({ [KEYS.outbox]: state });

/** The channel configs (the options page writes them) and their health, as stored. */
export async function readChannelsRaw(): Promise<{ channels: unknown; status: unknown }> {
  const raw = await browser.storage.local.get([KEYS.channels, KEYS.channelStatus]);
  return { channels: raw[KEYS.channels], status: raw[KEYS.channelStatus] };
}
/** Every channel's health. Its one writer: channel-health's queue. */
export const writeChannelStatus = (status: ChannelStatusMap): Promise<void> => browser.storage.local.set({ [KEYS.channelStatus]: status });

/** The stored channel list changed (the options page saved or removed one): before and after, as stored. */
export function onChannelsChanged(follow: (before: unknown, after: unknown) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[KEYS.channels];
    if (area === 'local' && change) follow(change.oldValue, change.newValue);
  });
}

/** When the user last acted on alerts, as stored. Its one writer: scheduler.noteActed. */
export const readRemindersActed = (): Promise<unknown> => readKey(KEYS.remindersActed);
export const writeRemindersActed = (acted: RemindersActed): Promise<void> => browser.storage.local.set({ [KEYS.remindersActed]: acted });

/** A JSON watch's request header as the options page stored it (never sent anywhere but by the check). */
export const readSecretHeader = (id: string): Promise<unknown> => readKey(KEYS.secret(id));
/** Removes a watch's request header (its watch moved to another origin); false when it had none. */
export async function dropSecretHeader(id: string): Promise<boolean> {
  if ((await readKey(KEYS.secret(id))) === undefined) return false;
  await browser.storage.local.remove(KEYS.secret(id));
  return true;
}

/** storage.session: when a request of ours last left for an origin. Its one writer: origin-gate's queue. */
export const readOriginContact = (origin: string): Promise<unknown> => readKey(SESSION_KEYS.originContact(origin), browser.storage.session);
export const writeOriginContact = (origin: string, at: number): Promise<void> =>
  browser.storage.session.set({ [SESSION_KEYS.originContact(origin)]: at });
