import browser from 'webextension-polyfill';
import { current, update } from './store';

export const CHECK_ALARM = 'reopen-watch-check';
/** Wakes the worker if it died mid-check; cleared when the check commits. Not the next check. */
export const WATCHDOG_ALARM = 'reopen-watch-watchdog';
/** Longer than any check can take (two 15 s requests, the confirmation, a third request). */
export const WATCHDOG_MS = 2 * 60_000;

/**
 * Creates the check alarm only when none exists, so a worker restart never resets its timer. Costs
 * no storage read when the alarm is there, which is nearly every wake.
 */
export async function ensureAlarm(now: number): Promise<void> {
  if (await browser.alarms.get(CHECK_ALARM)) return;
  const { settings, watch } = await current();
  if (settings.paused) return;
  await scheduleNext(Math.max(now + 1000, watch.nextCheckAt ?? now));
}

/** The one way to move the next check: the stored `nextCheckAt` and the alarm always agree. */
export async function scheduleNext(when: number | null): Promise<void> {
  const stored = await update((s) => (s.watch.nextCheckAt === when ? null : { watch: { ...s.watch, nextCheckAt: when } }));
  await syncAlarm(stored.watch.nextCheckAt);
}

/** Makes the alarm match a `nextCheckAt` that was just written (null: no check scheduled). */
export async function syncAlarm(nextCheckAt: number | null): Promise<void> {
  // One-shot alarm: each check picks the next time (jitter, backoff), so a period would not fit.
  if (nextCheckAt === null) await browser.alarms.clear(CHECK_ALARM);
  else await browser.alarms.create(CHECK_ALARM, { when: nextCheckAt });
}

export async function armWatchdog(now: number): Promise<void> {
  await browser.alarms.create(WATCHDOG_ALARM, { when: now + WATCHDOG_MS });
}

export async function disarmWatchdog(): Promise<void> {
  await browser.alarms.clear(WATCHDOG_ALARM);
}
