// "Remind me until I act": a reopening alert is shown again every 5 minutes for up to an hour,
// until the user clicks it or opens the popup. This decides, at each reminder alarm, whether to.
import type { Settings } from './stored-fields';
import type { WatchDef } from './watch-def';
import type { WatchState } from './watch-state';

export const REMIND_EVERY_MINUTES = 5;
const REMIND_EVERY_MS = REMIND_EVERY_MINUTES * 60_000;
/** Counted from the reopening alert itself; reminders come at 5, 10 … 60 minutes (12 at most). */
export const REMIND_FOR_MS = 60 * 60_000;
/** An alarm may fire a little late (a busy or sleeping machine): the last one still counts. */
const SLACK_MS = REMIND_EVERY_MS / 2;

/**
 * When the user last acted on alerts (storage.local `remindersActed`; alarms are not kept across
 * browser restarts by Firefox, nor always by Chrome): `all` when the popup was opened, a watch's id
 * when its alert was clicked. A reminder lost with its alarm is armed again only for an alert nobody acted on.
 */
export type RemindersActed = Record<string, number>;

/** When the user last acted on this watch's alerts (0: never), from a stored value of any shape. */
export function actedAt(raw: unknown, watchId: string): number {
  const acted = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const times = [acted.all, acted[watchId]].filter((t): t is number => typeof t === 'number' && Number.isFinite(t));
  return Math.max(0, ...times);
}

export type ReminderStop = 'watch-removed' | 'reminders-off' | 'notifications-off' | 'watch-off' | 'not-open' | 'hour-over';
export type ReminderDecision = { remind: true; minutes: number; last: boolean } | { remind: false; why: ReminderStop };

/** Whether the watch's reopening alert is shown again now (`last`: no reminder after this one), or why not. */
export function reminderDecision(watch: { settings: Settings; def: WatchDef; state: WatchState } | null, now: number): ReminderDecision {
  if (!watch) return { remind: false, why: 'watch-removed' };
  const { settings, def, state } = watch;
  if (!settings.remindUntilAct) return { remind: false, why: 'reminders-off' };
  if (!settings.notificationsEnabled || !def.notify) return { remind: false, why: 'notifications-off' };
  if (settings.paused || !def.enabled) return { remind: false, why: 'watch-off' };
  // Subscribed: the user acted on it (ChatGPT Plus).
  if (state.confirmed?.availability !== 'open' || state.latest?.kind === 'subscribed') return { remind: false, why: 'not-open' };
  const since = state.lastReopenAlertAt;
  if (since === null || now - since > REMIND_FOR_MS + SLACK_MS) return { remind: false, why: 'hour-over' };
  const elapsed = Math.max(0, now - since);
  return { remind: true, minutes: Math.round(elapsed / 60_000), last: elapsed + REMIND_EVERY_MS > REMIND_FOR_MS + SLACK_MS };
}
