// Field-by-field readers for stored data: each returns a valid value and says what it repaired.
import { isEvidenceMessage } from './evidence-message';
import type { DayCounts, History, TimelineState, Transition } from './history';
import { EMPTY_HISTORY } from './history';
import { isJsonType } from './kinds/json/json-type';
import { isReasonCode } from './kinds/registry';
import { EMPTY_SUMMARY, type Summary } from './summary';
import { WATCH_TONES, type WatchTone } from './tone';
import { isVerdictKind, type Verdict } from './verdict';
import { type Confirmed, INITIAL_WATCH, type WatchState } from './watch-state';

export type Raw = Record<string, unknown>;

// Fields in alphabetical order: Chrome hands stored objects back with their keys sorted, so a
// settings object read and written back unchanged compares equal and is not rewritten.
export interface Settings {
  notificationsEnabled: boolean;
  /** The user switched watching off: no checks, no alarms, the badge says so. */
  paused: boolean;
  /** Re-show a reopening alert every 5 minutes, for up to an hour, until the user acts on it. */
  remindUntilAct: boolean;
  /** A short chime with each reopening alert. */
  sound: boolean;
}

export const DEFAULT_SETTINGS: Settings = { notificationsEnabled: true, paused: false, remindUntilAct: false, sound: false };

/** Switches added after 2.0's schema: missing means "off", with nothing to repair, migrate or write back. */
const LATER_SETTINGS: ReadonlyArray<keyof Settings> = ['remindUntilAct', 'sound'];

export function readSettings(raw: unknown, repairs: string[]): Settings {
  if (raw === undefined) return missing('settings', DEFAULT_SETTINGS, repairs);
  if (!isObject(raw)) return invalid('settings', raw, DEFAULT_SETTINGS, repairs);
  const flag = (key: keyof Settings) => {
    if (typeof raw[key] === 'boolean') return raw[key] as boolean;
    if (raw[key] === undefined && LATER_SETTINGS.includes(key)) return DEFAULT_SETTINGS[key];
    return invalid(`settings.${key}`, raw[key], DEFAULT_SETTINGS[key], repairs);
  };
  return {
    notificationsEnabled: flag('notificationsEnabled'),
    paused: flag('paused'),
    remindUntilAct: flag('remindUntilAct'),
    sound: flag('sound'),
  };
}

/**
 * The settings as they are to be stored over `before`: a later switch that `before` lacks and that
 * is still off stays left out, so data stored before it existed is not rewritten just to add it.
 */
export function settingsToStore(settings: Settings, before: unknown): Partial<Settings> {
  if (!isObject(before)) return settings;
  return Object.fromEntries(
    Object.entries(settings).filter(
      ([key, value]) => !(LATER_SETTINGS.includes(key as keyof Settings) && !(key in before) && value === false),
    ),
  );
}

export function readWatchState(raw: unknown, where: string, repairs: string[]): WatchState {
  if (raw === undefined) return missing(where, INITIAL_WATCH, repairs);
  if (!isObject(raw)) return invalid(where, raw, INITIAL_WATCH, repairs);
  const field = <T>(key: keyof WatchState, ok: (v: unknown) => v is T): T => {
    const value = raw[key];
    return ok(value) ? value : invalid(`${where}.${key}`, value, INITIAL_WATCH[key] as T, repairs);
  };
  return {
    latest: withValidMessage(
      field('latest', (v): v is Verdict | null => v === null || isVerdict(v)),
      `${where}.latest`,
      repairs,
    ),
    confirmed: field('confirmed', (v): v is Confirmed | null => v === null || isConfirmed(v)),
    alertArmed: field('alertArmed', isBoolean),
    lastReopenAlertAt: field('lastReopenAlertAt', isTimeOrNull),
    lastGoodCheckAt: field('lastGoodCheckAt', isTimeOrNull),
    failingSince: field('failingSince', isTimeOrNull),
    cantCheckAlerted: field('cantCheckAlerted', isBoolean),
    failureStreak: field('failureStreak', (v): v is number => Number.isInteger(v) && (v as number) >= 0),
    nextCheckAt: field('nextCheckAt', isTimeOrNull),
    // Added in 2.1: older data has none, which is no damage.
    alertsRaised: raw.alertsRaised === undefined ? 0 : field('alertsRaised', (v): v is number => Number.isInteger(v) && (v as number) >= 0),
    // Added in 2.2, written only once known: a damaged one is forgotten (the next good reading learns it).
    ...(isJsonType(raw.valueType) && { valueType: raw.valueType }),
    // Added in 2.4, written once a queue alert was raised: a damaged one is forgotten (at worst one more alert).
    ...(isTime(raw.lastQueueAlertAt) && { lastQueueAlertAt: raw.lastQueueAlertAt }),
  };
}

export function readHistory(raw: unknown, where: string, repairs: string[]): History {
  if (raw === undefined) return missing(where, EMPTY_HISTORY, repairs);
  if (!isObject(raw)) return invalid(where, raw, EMPTY_HISTORY, repairs);
  // Keep every well-formed entry rather than dropping the whole history over one bad one.
  const transitions = keepValid(`${where}.transitions`, raw.transitions, isTransition, repairs);
  const days = keepValid(`${where}.days`, raw.days, isDayCounts, repairs);
  return { transitions: transitions.sort((a, b) => a.at - b.at), days: days.sort((a, b) => a.day.localeCompare(b.day)) };
}

export function readSummary(raw: unknown, repairs: string[]): Summary | null {
  if (raw === undefined) return null;
  const ok =
    isObject(raw) &&
    isObject(raw.counts) &&
    WATCH_TONES.every((tone) => isCount((raw.counts as Raw)[tone])) &&
    isNameList(raw.open) &&
    isNameList(raw.attention) &&
    isTimeOrNull(raw.lastCheckAt);
  if (ok) return raw as unknown as Summary;
  repairs.push('summary was malformed; recomputed');
  return null;
}

export const emptySummary = (): Summary => structuredClone(EMPTY_SUMMARY);
export const isWatchTone = (v: unknown): v is WatchTone => (WATCH_TONES as readonly unknown[]).includes(v);

const TIMELINE_STATES: readonly TimelineState[] = ['open', 'queued', 'paused', 'subscribed', 'unknown'];

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
    (v.retryAfterMs === undefined || isCount(v.retryAfterMs)) &&
    (v.validator === undefined || (typeof v.validator === 'string' && v.validator.length <= 300)) &&
    (v.valueType === undefined || isJsonType(v.valueType))
  );
}

/** A verdict whose evidence message is malformed loses just that: its English evidence still shows. */
function withValidMessage(verdict: Verdict | null, where: string, repairs: string[]): Verdict | null {
  if (verdict?.evidenceMessage === undefined || isEvidenceMessage(verdict.evidenceMessage)) return verdict;
  const { evidenceMessage: _dropped, ...kept } = verdict;
  repairs.push(`${where}.evidenceMessage was malformed; dropped`);
  return kept;
}

function isConfirmed(v: unknown): v is Confirmed {
  return (
    isObject(v) &&
    (v.availability === 'open' || v.availability === 'paused') &&
    isTime(v.since) &&
    isTime(v.at) &&
    (v.reason === undefined || isReasonCode(v.reason))
  );
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

const isNameList = (v: unknown) => Array.isArray(v) && v.length <= 10 && v.every((n) => typeof n === 'string');

function keepValid<T>(key: string, list: unknown, ok: (v: unknown) => v is T, repairs: string[]): T[] {
  if (!Array.isArray(list)) return invalid(key, list, [], repairs);
  const kept = list.filter(ok);
  if (kept.length < list.length) repairs.push(`${key}: dropped ${list.length - kept.length} malformed entries`);
  return kept;
}

export const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isTime = (v: unknown): v is number => isCount(v);
const isTimeOrNull = (v: unknown): v is number | null => v === null || isTime(v);

export function missing<T>(key: string, fallback: T, repairs: string[]): T {
  repairs.push(`${key} was missing; set to defaults`);
  return structuredClone(fallback);
}

export function invalid<T>(key: string, value: unknown, fallback: T, repairs: string[]): T {
  repairs.push(`${key} was ${describe(value)}; reset`);
  return structuredClone(fallback);
}

export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
