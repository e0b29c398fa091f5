import type { JsonType } from './kinds/json/json-type';
import type { ReasonCode } from './kinds/registry';
import type { Verdict } from './verdict';

export type Availability = 'open' | 'paused';

/** The last availability we are sure of, kept apart from the latest check so a failure never erases it. */
export interface Confirmed {
  availability: Availability;
  /** When this availability was first confirmed. */
  since: number;
  /** When it was most recently re-confirmed. */
  at: number;
  /** Why the confirming reading read so (absent before 2.5): the kind's words for it ("in stock" for a product's offers). */
  reason?: ReasonCode;
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

export const REOPEN_COOLDOWN_MS = 30 * 60_000;
/** A queue that forms, goes and forms again within this long raises one alert, not one per flap. */
export const QUEUE_COOLDOWN_MS = 30 * 60_000;
export const CANT_CHECK_AFTER_MS = 6 * 60 * 60_000;
