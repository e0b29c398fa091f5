// The state machine of one watch: how readings move its state, and which alerts that raises.
// Apart from ./watch-state.ts (the state's shape), which every page reads: only the worker runs this.
import type { AlertKind } from './alert-kinds';
import { isJsonType } from './kinds/json/json-type';
import type { ReasonCode } from './kinds/registry';
import { isGoodCheck, type Verdict } from './verdict';
import { type Availability, type Confirmed, QUEUE_COOLDOWN_MS, type WatchState } from './watch-state';

export interface AlertPolicy {
  /** No second reopening alert within this long of the previous one (anti-flap). */
  reopenCooldownMs: number;
  /** Failed checks for this long raise one "can't check" alert. */
  cantCheckAfterMs: number;
  notificationsEnabled: boolean;
}

/** `again`: a pause was confirmed before this reopening (the first check after install may find it open). */
export type Effect =
  /** `reason`: the reading's that confirmed the reopening, which the kind may word as its own ("back in stock"). */
  | { type: 'alert-reopened'; again: boolean; reason?: ReasonCode }
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
    next.confirmed = confirm(state.confirmed, 'paused', now, latest.reason);
    next.alertArmed = true;
  } else if (latest.kind === 'open') {
    const confirmedOpen = state.confirmed?.availability === 'open' || previous?.kind === 'open';
    if (confirmedOpen) {
      next.confirmed = confirm(state.confirmed, 'open', now, latest.reason);
      const coolingDown = state.lastReopenAlertAt !== null && now - state.lastReopenAlertAt < policy.reopenCooldownMs;
      if (next.alertArmed && !coolingDown) {
        next.alertArmed = false;
        next.lastReopenAlertAt = now;
        if (policy.notificationsEnabled)
          effects.push({ type: 'alert-reopened', again: state.confirmed?.availability === 'paused', reason: latest.reason });
      }
    }
  }
  next.alertsRaised = state.alertsRaised + effects.filter((e) => e.type !== 'clear-cant-check').length;
  return { state: next, effects };
}

function confirm(current: Confirmed | null, availability: Availability, now: number, reason: ReasonCode): Confirmed {
  const since = current?.availability === availability ? current.since : now;
  return { availability, since, at: now, reason };
}
