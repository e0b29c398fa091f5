// The stored shape and its ordered migrations: pure, never throws. Its keys are in storage-keys.ts.
import { EMPTY_HISTORY, type History } from './history';
import { BUILT_IN_WATCHES, builtInWatch } from './kinds/built-ins';
// 1.x knew only the ChatGPT Plus watch: its migration is about that one.
import { CHATGPT_WATCH, CHATGPT_WATCH_ID } from './kinds/chatgpt-plus/built-in';
import { isBuiltIn } from './kinds/registry';
import { sameValue } from './same-value';
import { clampInterval } from './schedule';
import { defKeyId, KEYS, LEGACY_KEYS } from './storage-keys';
import {
  DEFAULT_SETTINGS,
  describe,
  emptySummary,
  isObject,
  type Raw,
  readHistory,
  readSettings,
  readSummary,
  readWatchState,
  type Settings,
  settingsToStore,
} from './stored-fields';
import { type Summary, summarize } from './summary';
import { toneOf } from './tone';
import { checkWatchShape } from './watch-check';
import { MAX_WATCHES, type WatchDef } from './watch-def';
import { INITIAL_WATCH, type WatchState } from './watch-state';

export { DEFAULT_SETTINGS, type Settings } from './stored-fields';

/** 1: 1.0. 2: 1.1 (the pause switch). 3: 2.0 (many watches, each under its own keys). */
export const SCHEMA_VERSION = 3;

export interface WatchRecord {
  def: WatchDef;
  state: WatchState;
  history: History;
}

/** Everything, as the popup, the options page and the worker's start-up see it. */
export interface Stored {
  schemaVersion: number;
  settings: Settings;
  /** Display order. */
  watchIds: string[];
  watches: Record<string, WatchRecord>;
  summary: Summary;
}

/**
 * Ordered migrations on the raw key/value map: entry i takes version i to i + 1. Version 0 is
 * "nothing versioned yet" (a fresh install, or data from before versioning).
 */
const MIGRATIONS: Array<(raw: Raw) => Raw> = [
  (raw) => ({ ...raw, schemaVersion: 1 }),
  // 1.1 added the pause switch; 1.0's data is otherwise unchanged.
  (raw) => ({ ...raw, schemaVersion: 2, settings: isObject(raw.settings) ? { paused: false, ...raw.settings } : raw.settings }),
  // 2.0: the single watch becomes the chatgpt-plus watch, its state and history intact.
  (raw) => {
    const { watch, history, settings, ...rest } = raw;
    const old = isObject(settings) ? settings : {};
    const intervalMs = typeof old.intervalMs === 'number' ? clampInterval(old.intervalMs) : CHATGPT_WATCH.intervalMinutes * 60_000;
    const out: Raw = {
      ...rest,
      schemaVersion: 3,
      // Garbage is passed on as it is, so reading it below repairs it with a logged reason.
      settings: isObject(settings) ? { notificationsEnabled: old.notificationsEnabled ?? true, paused: old.paused ?? false } : settings,
      watchIds: [CHATGPT_WATCH_ID],
      [KEYS.def(CHATGPT_WATCH_ID)]: { ...CHATGPT_WATCH, intervalMinutes: intervalMs / 60_000 },
    };
    if (watch !== undefined) out[KEYS.state(CHATGPT_WATCH_ID)] = watch;
    if (history !== undefined) out[KEYS.history(CHATGPT_WATCH_ID)] = history;
    return out;
  },
];
export interface Loaded {
  data: Stored;
  /** Why anything was repaired or reset; logged by the caller. Empty when the data was clean. */
  repairs: string[];
  /** Keys to write back (migrated, repaired or recomputed); empty when storage is already right. */
  writes: Raw;
  /** Keys to remove (moved by a migration). Keys this version does not know are never removed. */
  removals: string[];
}

const KNOWN_TOP = [KEYS.schemaVersion, KEYS.settings, KEYS.watchIds, KEYS.summary, ...LEGACY_KEYS];

/** Brings whatever is in storage to the current schema, repairing field by field; never throws. */
export function loadStored(input: unknown): Loaded {
  const repairs: string[] = [];
  let raw: Raw = isObject(input) ? input : {};
  if (!isObject(input)) repairs.push('storage was not an object; reset');
  const fresh = !Object.keys(raw).some((key) => KNOWN_TOP.includes(key) || defKeyId(key) !== null);

  const rawVersion = raw.schemaVersion ?? (fresh ? SCHEMA_VERSION : 0);
  let version = SCHEMA_VERSION;
  if (typeof rawVersion !== 'number' || !Number.isInteger(rawVersion) || rawVersion < 0) {
    repairs.push(`schemaVersion ${describe(rawVersion)} is not a version; reset`);
    raw = {};
  } else version = rawVersion;
  // Data from a newer build (the user went back a version) is read field by field, not wiped, and
  // keeps its version number so that build's migrations still know where they stand.
  const newer = version > SCHEMA_VERSION;
  for (let v = version; v < SCHEMA_VERSION; v++) raw = (MIGRATIONS[v] as (r: Raw) => Raw)(raw);

  const settings = fresh ? structuredClone(DEFAULT_SETTINGS) : readSettings(raw.settings, repairs);
  const { ids, watches } = readWatches(raw, fresh, repairs);
  const summary = summarize(ids.map((id) => summaryEntry(watches[id] as WatchRecord)));
  const data: Stored = { schemaVersion: newer ? version : SCHEMA_VERSION, settings, watchIds: ids, watches, summary };

  const original = isObject(input) ? input : {};
  const writes: Raw = {};
  const put = (key: string, value: unknown) => {
    // A newer build's data is only added to, never rewritten: this build does not know all its fields.
    if (newer && original[key] !== undefined && key !== KEYS.summary) return;
    if (!sameValue(original[key], value)) writes[key] = value;
  };
  put(KEYS.schemaVersion, data.schemaVersion);
  put(KEYS.settings, settingsToStore(settings, original[KEYS.settings]));
  put(KEYS.watchIds, ids);
  put(KEYS.summary, summary);
  for (const id of ids) {
    const record = watches[id] as WatchRecord;
    put(KEYS.def(id), record.def);
    put(KEYS.state(id), record.state);
    put(KEYS.history(id), record.history);
  }
  const removals = version < SCHEMA_VERSION || !newer ? LEGACY_KEYS.filter((key) => key in original && version < 3) : [];
  return { data, repairs, writes, removals };
}

export function summaryEntry(record: WatchRecord) {
  return { name: record.def.name, enabled: record.def.enabled, tone: toneOf(record.state), lastCheckAt: record.state.latest?.at ?? null };
}

function readWatches(raw: Raw, fresh: boolean, repairs: string[]): { ids: string[]; watches: Record<string, WatchRecord> } {
  let listed: string[] = [];
  if (Array.isArray(raw.watchIds)) listed = raw.watchIds.filter((id): id is string => typeof id === 'string');
  else if (!fresh) repairs.push(`watchIds was ${describe(raw.watchIds)}; rebuilt from the stored watches`);
  // A watch whose definition was written but whose id was not (a write cut short) is found again.
  const stray = Object.keys(raw)
    .map(defKeyId)
    .filter((id): id is string => id !== null && !listed.includes(id));
  if (stray.length > 0 && Array.isArray(raw.watchIds)) repairs.push(`found ${stray.length} watches missing from the list`);

  const ids: string[] = [];
  // A Map: an id from storage (`__proto__`, `constructor`) is an ordinary key, never an object's own machinery.
  const watches = new Map<string, WatchRecord>();
  for (const id of [...new Set([...listed, ...stray])]) {
    if (ids.length >= MAX_WATCHES) {
      repairs.push(`more than ${MAX_WATCHES} watches; the rest are not checked`);
      break;
    }
    const def = readDef(raw[KEYS.def(id)], id, repairs);
    if (!def) continue;
    ids.push(id);
    watches.set(id, {
      def,
      state: readWatchState(raw[KEYS.state(id)], KEYS.state(id), fresh || raw[KEYS.state(id)] === undefined ? [] : repairs),
      history: readHistory(raw[KEYS.history(id)], KEYS.history(id), raw[KEYS.history(id)] === undefined ? [] : repairs),
    });
  }
  // A built-in watch can be switched off but not deleted.
  for (const builtIn of [...BUILT_IN_WATCHES].reverse()) {
    if (watches.has(builtIn.id)) continue;
    if (!fresh) repairs.push(`the ${builtIn.name} watch was missing; restored`);
    ids.unshift(builtIn.id);
    watches.set(builtIn.id, {
      def: structuredClone(builtIn),
      state: structuredClone(INITIAL_WATCH),
      history: structuredClone(EMPTY_HISTORY),
    });
  }
  // Own properties only (fromEntries defines each, `__proto__` included); look ids up with Object.hasOwn.
  return { ids, watches: Object.fromEntries(watches) };
}

/**
 * A stored definition, checked for shape (rules were validated in full when the user saved them;
 * a rule damaged since reads "can't tell" with its reason, never open). Null, with a note, when unusable.
 */
export function readDef(raw: unknown, id: string, repairs: string[]): WatchDef | null {
  if (!isObject(raw)) {
    repairs.push(raw === undefined ? `${KEYS.def(id)} is listed but missing; dropped` : `${KEYS.def(id)} was ${describe(raw)}; dropped`);
    return null;
  }
  // A built-in watch is stored with its kind's fixed address, which the shape check gives it.
  const { id: storedId, ...rest } = raw;
  let checked = checkWatchShape(rest);
  if (!checked.ok && rest.channels !== undefined) {
    // A damaged channel list costs only the choice of channels, not the watch.
    const { channels: _damaged, ...withoutChannels } = rest;
    const retried = checkWatchShape(withoutChannels);
    if (retried.ok) repairs.push(`${KEYS.def(id)} had an unusable channel list; it alerts every channel`);
    if (retried.ok) checked = retried;
  }
  // A built-in's id holds that built-in's kind, and a built-in kind lives under no other id.
  const kindOk = checked.ok && (builtInWatch(id)?.kind ?? null) === (isBuiltIn(checked.watch) ? checked.watch.kind : null);
  if (!checked.ok || !kindOk || storedId !== id) {
    const why = checked.ok ? (kindOk ? 'wrong id' : 'wrong kind') : checked.problems.join('; ');
    repairs.push(`${KEYS.def(id)} is not a valid watch (${why}); dropped`);
    return null;
  }
  return { id, ...checked.watch };
}

export interface LoadedWatch {
  settings: Settings;
  summary: Summary;
  record: WatchRecord;
  repairs: string[];
}

/**
 * One watch's keys plus the settings and summary, as a check reads them. Null when a full load is
 * needed first (an older schema, a missing or malformed summary, an unknown watch).
 */
export function loadWatch(raw: Raw, id: string): LoadedWatch | null {
  if (raw.schemaVersion !== SCHEMA_VERSION && !(typeof raw.schemaVersion === 'number' && raw.schemaVersion > SCHEMA_VERSION)) return null;
  const repairs: string[] = [];
  const summary = readSummary(raw.summary, repairs);
  const def = readDef(raw[KEYS.def(id)], id, repairs);
  if (!summary || !def) return null;
  return {
    settings: readSettings(raw.settings, repairs),
    summary,
    record: {
      def,
      state: readWatchState(raw[KEYS.state(id)], KEYS.state(id), repairs),
      history: readHistory(raw[KEYS.history(id)], KEYS.history(id), repairs),
    },
    repairs,
  };
}

export { emptySummary };
