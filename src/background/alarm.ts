import browser from 'webextension-polyfill';

export const CHECK_ALARM = 'reopen-watch-check';

/** Creates the check alarm only when none exists, so a worker restart never resets its timer. */
export async function ensureAlarm(nextCheckAt: number | null, now: number): Promise<void> {
  if (await browser.alarms.get(CHECK_ALARM)) return;
  await scheduleAt(Math.max(now + 1000, nextCheckAt ?? now));
}

/** One-shot alarm: each check picks the next time (jitter, backoff), so a period would not fit. */
export async function scheduleAt(when: number): Promise<void> {
  await browser.alarms.create(CHECK_ALARM, { when });
}
