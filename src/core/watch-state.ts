import type { AlertKind } from './alert-kinds';
import { isJsonType, type JsonType } from './kinds/json/json-type';
import { isGoodCheck, type Verdict } from './verdict';

export type Availability = 'open' | 'paused';

/** The last availability we are sure of, kept apart from the latest check so a failure never erases it. */
export interface Confirmed {
  availability: Availability;
  /** When this availability was first confirmed. */
  since: number;
  /** When it was most recently re-confirmed. */
  at: number;
}

export interface WatchState {
  latest: Verdict | null;
  confirmed: Confirmed | null;
  /** A reopening alert may fire: true at install, re-armed by every confirmed pause. */
  alertArmed: boolean;
  lastReopenAlertAt: number | null;
  lastGoodCheckAt: number | null;
  /** Start of the current run of checks that could not tell (signed-out, blocked, error, rate-limited). */
  failingSince: number | null;
  cantCheckAlerted: boolean;
  /** Consecutive rate-limited/error checks, for backoff. */
  failureStreak: number;
  nextCheckAt: number | null;
  /**
   * Alerts this watch has raised (reopened and can't-check), kept across edits: each alert's event
   * id for the phone and chat channels is the count before it, so no two alerts share one.
   */
  alertsRaised: number;
  /** When the last "a queue has opened" alert was raised (absent before 2.4, or when none was). */
  lastQueueAlertAt?: number;
  /**
   * A JSON watch: the type of the value at its last good reading (or the one its Test showed when it
   * was saved). Absent until known, so data from before it has nothing to migrate.
   */
  valueType?: JsonType;
}

export const INITIAL_WATCH: WatchState = {
  latest: null,
  confirmed: null,
  alertArmed: true,
  lastReopenAlertAt: null,
  lastGoodCheckAt: null,
  failingSince: null,
  cantCheckAlerted: false,
  failureStreak: 0,
  nextCheckAt: null,
  alertsRaised: 0,
};

export interface AlertPolicy {
  /** No second reopening alert within this long of the previous one (anti-flap). */
  reopenCooldownMs: number;
  /** Failed checks for this long raise one "can't check" alert. */
  cantCheckAfterMs: number;
  notificationsEnabled: boolean;
}

export const REOPEN_COOLDOWN_MS = 30 * 60_000;
/** A queue that forms, goes and forms again within this long raises one alert, not one per flap. */
export const QUEUE_COOLDOWN_MS = 30 * 60_000;
export const CANT_CHECK_AFTER_MS = 6 * 60 * 60_000;

/** `again`: a pause was confirmed before this reopening (the first check after install may find it open). */
export type Effect =
  | { type: 'alert-reopened'; again: boolean }
  | { type: 'alert-queued' }
  | { type: 'alert-cant-check' }
  | { type: 'clear-cant-check' };

/** The alert each effect raises (src/core/alert-kinds.ts); null for the one that takes an alert down. */
const ALERT_OF = {
  'alert-reopened': 'reopened',
  'alert-queued': 'queued',
  'alert-cant-check': 'cant-check',
  'clear-cant-check': null,
} as const satisfies Record<Effect['type'], AlertKind | null>;

export const alertOf = (effect: Effect): AlertKind | null => ALERT_OF[effect.type];

/** A first `open` after anything but a confirmed `open` must be read twice before it counts. */
export function needsConfirmation(state: WatchState, verdict: Verdict): boolean {
  return verdict.kind === 'open' && state.confirmed?.availability !== 'open';
}

/**
 * Folds the readings of one wake (one, or two when confirming) into the state and says which alerts
 * to raise. Pure: the caller persists the state and carries out the effects.
 */
export function applyReadings(
  state: WatchState,
  readings: readonly Verdict[],
  now: number,
  policy: AlertPolicy,
): { state: WatchState; effects: Effect[] } {
  const latest = readings.at(-1);
  if (!latest) return { state, effects: [] };
  const previous = readings.at(-2);
  const next: WatchState = { ...state, latest };
  const effects: Effect[] = [];

  if (isGoodCheck(latest.kind)) {
    if (next.cantCheckAlerted) effects.push({ type: 'clear-cant-check' });
    Object.assign(next, { lastGoodCheckAt: now, failingSince: null, cantCheckAlerted: false, failureStreak: 0 });
  } else {
    next.failingSince = state.failingSince ?? latest.at;
    if (latest.kind === 'rate-limited' || latest.kind === 'error') next.failureStreak = state.failureStreak + 1;
    if (!next.cantCheckAlerted && now - next.failingSince >= policy.cantCheckAfterMs) {
      next.cantCheckAlerted = true;
      if (policy.notificationsEnabled) effects.push({ type: 'alert-cant-check' });
    }
  }

  if ((latest.kind === 'open' || latest.kind === 'paused') && isJsonType(latest.valueType)) next.valueType = latest.valueType;
  if (latest.kind === 'queued') {
    // A waiting room formed in front of what was paused: join it now. Not a reopening (the
    // reopening alert stays armed for when the product opens behind it), and once per flap.
    const wasPaused = state.confirmed?.availability === 'paused' && state.latest?.kind !== 'queued';
    const coolingDown = state.lastQueueAlertAt !== undefined && now - state.lastQueueAlertAt < QUEUE_COOLDOWN_MS;
    if (wasPaused && !coolingDown && policy.notificationsEnabled) {
      next.lastQueueAlertAt = now;
      effects.push({ type: 'alert-queued' });
    }
  } else if (latest.kind === 'paused') {
    next.confirmed = confirm(state.confirmed, 'paused', now);
    next.alertArmed = true;
  } else if (latest.kind === 'open') {
    const confirmedOpen = state.confirmed?.availability === 'open' || previous?.kind === 'open';
    if (confirmedOpen) {
      next.confirmed = confirm(state.confirmed, 'open', now);
      const coolingDown = state.lastReopenAlertAt !== null && now - state.lastReopenAlertAt < policy.reopenCooldownMs;
      if (next.alertArmed && !coolingDown) {
        next.alertArmed = false;
        next.lastReopenAlertAt = now;
        if (policy.notificationsEnabled) effects.push({ type: 'alert-reopened', again: state.confirmed?.availability === 'paused' });
      }
    }
  }
  next.alertsRaised = state.alertsRaised + effects.filter((e) => e.type !== 'clear-cant-check').length;
  return { state: next, effects };
}

function confirm(current: Confirmed | null, availability: Availability, now: number): Confirmed {
  const since = current?.availability === availability ? current.since : now;
  return { availability, since, at: now };
}
