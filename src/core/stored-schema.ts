import type { DayCounts, History, TimelineState, Transition } from './history';
import { EMPTY_HISTORY } from './history';
import { clampInterval, DEFAULT_INTERVAL_MS } from './schedule';
import { isReasonCode, isVerdictKind, type Verdict } from './verdict';
import { type Confirmed, INITIAL_WATCH, type WatchState } from './watch-state';

export const SCHEMA_VERSION = 2;

export interface Settings {
  intervalMs: number;
  notificationsEnabled: boolean;
  /** The user switched watching off: no checks, no alarm, the badge says so. */
  paused: boolean;
}

export const DEFAULT_SETTINGS: Settings = { intervalMs: DEFAULT_INTERVAL_MS, notificationsEnabled: true, paused: false };

/** Everything the extension keeps, under these keys of `storage.local`. */
export interface Stored {
  schemaVersion: number;
  settings: Settings;
  watch: WatchState;
  history: History;
}

export const STORED_KEYS = ['schemaVersion', 'settings', 'watch', 'history'] as const;

type Raw = Record<string, unknown>;

/**
 * Ordered migrations: entry i takes data at version i to version i + 1. Version 0 is "nothing
 * versioned yet" (a fresh install, or data from before versioning), whose keys are kept if valid.
 */
const MIGRATIONS: Array<(raw: Raw) => Raw> = [
  (raw) => ({ ...raw, schemaVersion: 1 }),
  // 1.1 added the pause switch; 1.0's data is otherwise unchanged.
  (raw) => ({ ...raw, schemaVersion: 2, settings: isObject(raw.settings) ? { paused: false, ...raw.settings } : raw.settings }),
];

export interface Loaded {
  data: Stored;
  /** Why anything was repaired or reset; logged by the caller. Empty when the data was clean. */
  repairs: string[];
  /** True when `data` differs from what was read and must be written back. */
  changed: boolean;
}

/** Brings whatever is in storage to the current schema, repairing field by field; never throws. */
export function loadStored(input: unknown): Loaded {
  const repairs: string[] = [];
  let raw: Raw = isObject(input) ? input : {};
  if (!isObject(input)) repairs.push('storage was not an object; reset');
  else if (STORED_KEYS.every((key) => raw[key] === undefined)) {
    // A fresh install: nothing to repair, just defaults to write.
    return {
      data: structuredClone({ schemaVersion: SCHEMA_VERSION, settings: DEFAULT_SETTINGS, watch: INITIAL_WATCH, history: EMPTY_HISTORY }),
      repairs,
      changed: true,
    };
  }

  let version = raw.schemaVersion ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    repairs.push(`schemaVersion ${describe(version)} is not a version; reset`);
    raw = {};
    version = 0;
  }
  // Data from a newer build (the user went back a version) is read field by field, not wiped, and
  // keeps its version number so that build's migrations still know where they stand.
  const newer = (version as number) > SCHEMA_VERSION;
  for (let v = version as number; v < SCHEMA_VERSION; v++) raw = (MIGRATIONS[v] as (r: Raw) => Raw)(raw);

  const data: Stored = {
    schemaVersion: newer ? (version as number) : SCHEMA_VERSION,
    settings: readSettings(raw.settings, repairs),
    watch: readWatch(raw.watch, repairs),
    history: readHistory(raw.history, repairs),
  };
  return { data, repairs, changed: repairs.length > 0 || (version as number) < SCHEMA_VERSION };
}

function readSettings(raw: unknown, repairs: string[]): Settings {
  if (raw === undefined) return missing('settings', DEFAULT_SETTINGS, repairs);
  if (!isObject(raw)) return invalid('settings', raw, DEFAULT_SETTINGS, repairs);
  const interval = raw.intervalMs;
  const intervalMs =
    typeof interval === 'number' && Number.isFinite(interval)
      ? clampInterval(interval)
      : invalid('settings.intervalMs', interval, DEFAULT_SETTINGS.intervalMs, repairs);
  const notificationsEnabled =
    typeof raw.notificationsEnabled === 'boolean'
      ? raw.notificationsEnabled
      : invalid('settings.notificationsEnabled', raw.notificationsEnabled, true, repairs);
  const paused = typeof raw.paused === 'boolean' ? raw.paused : invalid('settings.paused', raw.paused, false, repairs);
  return { intervalMs, notificationsEnabled, paused };
}

function readWatch(raw: unknown, repairs: string[]): WatchState {
  if (raw === undefined) return missing('watch', INITIAL_WATCH, repairs);
  if (!isObject(raw)) return invalid('watch', raw, INITIAL_WATCH, repairs);
  const field = <T>(key: keyof WatchState, ok: (v: unknown) => v is T): T => {
    const value = raw[key];
    return ok(value) ? value : invalid(`watch.${key}`, value, INITIAL_WATCH[key] as T, repairs);
  };
  return {
    latest: field('latest', (v): v is Verdict | null => v === null || isVerdict(v)),
    confirmed: field('confirmed', (v): v is Confirmed | null => v === null || isConfirmed(v)),
    alertArmed: field('alertArmed', isBoolean),
    lastReopenAlertAt: field('lastReopenAlertAt', isTimeOrNull),
    lastGoodCheckAt: field('lastGoodCheckAt', isTimeOrNull),
    failingSince: field('failingSince', isTimeOrNull),
    cantCheckAlerted: field('cantCheckAlerted', isBoolean),
    failureStreak: field('failureStreak', (v): v is number => Number.isInteger(v) && (v as number) >= 0),
    nextCheckAt: field('nextCheckAt', isTimeOrNull),
  };
}

function readHistory(raw: unknown, repairs: string[]): History {
  if (raw === undefined) return missing('history', EMPTY_HISTORY, repairs);
  if (!isObject(raw)) return invalid('history', raw, EMPTY_HISTORY, repairs);
  // Keep every well-formed entry rather than dropping the whole history over one bad one.
  const transitions = keepValid('history.transitions', raw.transitions, isTransition, repairs);
  const days = keepValid('history.days', raw.days, isDayCounts, repairs);
  return { transitions: transitions.sort((a, b) => a.at - b.at), days: days.sort((a, b) => a.day.localeCompare(b.day)) };
}

const TIMELINE_STATES: readonly TimelineState[] = ['open', 'paused', 'subscribed', 'unknown'];

function isVerdict(v: unknown): v is Verdict {
  return (
    isObject(v) &&
    isVerdictKind(v.kind) &&
    isReasonCode(v.reason) &&
    (v.status === null || Number.isInteger(v.status)) &&
    isTime(v.at) &&
    isCount(v.durationMs) &&
    isCount(v.bytes) &&
    isCount(v.requests) &&
    typeof v.evidence === 'string' &&
    (v.retryAfterMs === undefined || isCount(v.retryAfterMs))
  );
}

function isConfirmed(v: unknown): v is Confirmed {
  return isObject(v) && (v.availability === 'open' || v.availability === 'paused') && isTime(v.since) && isTime(v.at);
}

function isTransition(v: unknown): v is Transition {
  return isObject(v) && isTime(v.at) && TIMELINE_STATES.includes(v.state as TimelineState);
}

function isDayCounts(v: unknown): v is DayCounts {
  return (
    isObject(v) &&
    typeof v.day === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(v.day) &&
    isCount(v.checks) &&
    isCount(v.open) &&
    isCount(v.paused) &&
    isCount(v.failed)
  );
}

function keepValid<T>(key: string, list: unknown, ok: (v: unknown) => v is T, repairs: string[]): T[] {
  if (!Array.isArray(list)) return invalid(key, list, [], repairs);
  const kept = list.filter(ok);
  if (kept.length < list.length) repairs.push(`${key}: dropped ${list.length - kept.length} malformed entries`);
  return kept;
}

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isTime = (v: unknown): v is number => isCount(v);
const isTimeOrNull = (v: unknown): v is number | null => v === null || isTime(v);

function missing<T>(key: string, fallback: T, repairs: string[]): T {
  repairs.push(`${key} was missing; set to defaults`);
  return structuredClone(fallback);
}

function invalid<T>(key: string, value: unknown, fallback: T, repairs: string[]): T {
  repairs.push(`${key} was ${describe(value)}; reset`);
  return structuredClone(fallback);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
