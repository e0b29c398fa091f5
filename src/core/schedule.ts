import type { Verdict } from './verdict';

/** The bounds of a watch's interval: the one place they live (validators, editors, the scheduler). */
export const MIN_INTERVAL_MINUTES = 0.5;
export const MAX_INTERVAL_MINUTES = 60;
export const MIN_INTERVAL_MS = MIN_INTERVAL_MINUTES * 60_000;
export const MAX_INTERVAL_MS = MAX_INTERVAL_MINUTES * 60_000;
export const DEFAULT_INTERVAL_MS = 2 * 60_000;
export const MAX_BACKOFF_MS = 30 * 60_000;
/** Checking faster while the user must sign in or pass a challenge only adds load; tab visits trigger a check anyway. */
export const NEEDS_USER_INTERVAL_MS = 10 * 60_000;
/** A `Retry-After` longer than this is treated as a misconfiguration, not an instruction to go silent. */
export const MAX_RETRY_AFTER_MS = 6 * 60 * 60_000;
export const JITTER = 0.15;
/** A subscribed account has nothing to wait for; an hourly look notices if the subscription ends. */
export const SUBSCRIBED_INTERVAL_MS = 60 * 60_000;

/** The user's choices of check interval, in ms. */
export const INTERVAL_CHOICES_MS = [0.5, 1, 2, 5, 10, 15, 30, 60].map((m) => m * 60_000);

export function clampInterval(ms: number): number {
  if (!Number.isFinite(ms)) return DEFAULT_INTERVAL_MS;
  return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, ms));
}

/**
 * How long to wait before the next check. `random` is in [0, 1). Rate limits and errors back off
 * exponentially to 30 min; `Retry-After` is honoured even beyond that.
 */
export function nextDelayMs(verdict: Verdict | null, failureStreak: number, intervalMs: number, random: number): number {
  const base = clampInterval(intervalMs);
  let delay = base;
  if (verdict?.kind === 'rate-limited' || verdict?.kind === 'error') {
    delay = Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(1, failureStreak));
  } else if (verdict?.kind === 'signed-out' || verdict?.kind === 'blocked') {
    delay = Math.max(base, NEEDS_USER_INTERVAL_MS);
  } else if (verdict?.kind === 'subscribed') {
    delay = Math.max(base, SUBSCRIBED_INTERVAL_MS);
  }
  const jittered = delay * (1 + (random * 2 - 1) * JITTER);
  const retryAfter = Math.min(verdict?.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
  return Math.round(Math.max(MIN_INTERVAL_MS, jittered, retryAfter));
}
