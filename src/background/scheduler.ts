import browser from 'webextension-polyfill';
import { actedAt, REMIND_EVERY_MINUTES, type RemindersActed, reminderDecision } from '../core/reminder-policy';
import type { Stored } from '../core/stored-schema';
import { readRemindersActed, updateWatch, writeRemindersActed } from './worker-storage';

const CHECK_PREFIX = 'check:';
const WATCHDOG_PREFIX = 'watchdog:';
const REMIND_PREFIX = 'remind:';
/** Re-creates any alarm that went missing (a browser that lost alarms, a bug): no watch goes silent. */
export const SWEEP_ALARM = 'sweep';
const SWEEP_MINUTES = 30;
/** Longer than any check can take (requests of 15 s each, the confirmation, the origin's gap). */
export const WATCHDOG_MS = 3 * 60_000;

export const checkAlarm = (id: string) => `${CHECK_PREFIX}${id}`;

/** How soon a start-up or a check that could not read storage tries again. */
export const RETRY_SOON_MINUTES = 1;
/**
 * The sweep, a minute from now: what start-up could not do (storage unreadable) is done then,
 * needing no storage to arrange. Chrome clears every alarm on an update, so without it nothing would.
 */
export async function sweepSoon(): Promise<void> {
  await browser.alarms.create(SWEEP_ALARM, { delayInMinutes: RETRY_SOON_MINUTES, periodInMinutes: SWEEP_MINUTES });
}
export const watchdogAlarm = (id: string) => `${WATCHDOG_PREFIX}${id}`;
export const reminderAlarm = (id: string) => `${REMIND_PREFIX}${id}`;
/** The watch a reminder alarm is for, or null for any other alarm. */
export const reminderOf = (name: string) => (name.startsWith(REMIND_PREFIX) ? name.slice(REMIND_PREFIX.length) : null);

/** Which watch an alarm is for, and why it fired. */
export function parseAlarm(name: string): { id: string; trigger: 'alarm' | 'watchdog' } | null {
  if (name.startsWith(CHECK_PREFIX)) return { id: name.slice(CHECK_PREFIX.length), trigger: 'alarm' };
  if (name.startsWith(WATCHDOG_PREFIX)) return { id: name.slice(WATCHDOG_PREFIX.length), trigger: 'watchdog' };
  return null;
}

/** The one way to move a watch's next check: its stored `nextCheckAt` and its alarm always agree. */
export async function scheduleNext(id: string, when: number | null): Promise<void> {
  const result = await updateWatch(id, (record) =>
    record.state.nextCheckAt === when ? null : { state: { ...record.state, nextCheckAt: when } },
  );
  await syncAlarm(id, result ? result.record.state.nextCheckAt : null);
}

/** Makes the alarm match a `nextCheckAt` just written (null: no check scheduled). */
export async function syncAlarm(id: string, nextCheckAt: number | null): Promise<void> {
  // One-shot alarms: each check picks the next time (jitter, backoff), so a period would not fit.
  if (nextCheckAt === null) await browser.alarms.clear(checkAlarm(id));
  else await browser.alarms.create(checkAlarm(id), { when: nextCheckAt });
}

export const armWatchdog = (id: string, now: number) => browser.alarms.create(watchdogAlarm(id), { when: now + WATCHDOG_MS });
export const disarmWatchdog = (id: string) => browser.alarms.clear(watchdogAlarm(id));

/**
 * Starts re-showing a watch's reopening alert (src/background/reminders.ts). An alarm, so it
 * survives the worker; one per watch, kept as it is if it already runs, so its beat never resets.
 */
export async function armReminder(id: string): Promise<void> {
  if (await browser.alarms.get(reminderAlarm(id))) return;
  await browser.alarms.create(reminderAlarm(id), { delayInMinutes: REMIND_EVERY_MINUTES, periodInMinutes: REMIND_EVERY_MINUTES });
}

export const stopReminder = (id: string) => browser.alarms.clear(reminderAlarm(id));

/** Notes that the user acted on alerts (`all`, or one watch's), so a lost reminder alarm is not armed again. */
export async function noteActed(key: 'all' | string, at: number): Promise<void> {
  const stored = await readRemindersActed();
  const acted: RemindersActed = typeof stored === 'object' && stored !== null ? { ...(stored as RemindersActed) } : {};
  await writeRemindersActed({ ...acted, [key]: at });
}

/** The user opened the popup: every reminder stops. */
export async function stopAllReminders(): Promise<void> {
  await noteActed('all', Date.now());
  for (const alarm of await browser.alarms.getAll()) if (reminderOf(alarm.name) !== null) await browser.alarms.clear(alarm.name);
}

/**
 * Makes the alarms match the stored watches: one per enabled watch (at its stored time, or now if
 * that has passed), none (nor a reminder) for disabled or removed ones. Existing alarms keep their time.
 */
export async function reconcileAlarms(stored: Stored, now: number): Promise<void> {
  const alarms = new Map((await browser.alarms.getAll()).map((a) => [a.name, a.scheduledTime]));
  const wanted = new Set<string>();
  for (const id of stored.watchIds) {
    const record = stored.watches[id];
    if (!record) continue;
    const next = record.state.nextCheckAt;
    if (!record.def.enabled || stored.settings.paused) {
      if (next !== null || alarms.has(checkAlarm(id))) await scheduleNext(id, null);
      continue;
    }
    wanted.add(checkAlarm(id));
    // A check in progress keeps its watchdog; an alarm at the stored time is right as it is.
    if (alarms.has(watchdogAlarm(id)) || (next !== null && alarms.get(checkAlarm(id)) === next)) continue;
    if (alarms.has(checkAlarm(id)) && (next === null || next <= now)) continue; // due: let it fire
    await scheduleNext(id, Math.max(now + 1000, next ?? now));
  }
  // Reminders also stop at once when the user switches them (or notifications) off.
  const reminding = stored.settings.remindUntilAct && stored.settings.notificationsEnabled;
  for (const name of alarms.keys()) {
    const check = parseAlarm(name)?.id;
    const reminded = reminderOf(name);
    const unwanted = check ? !wanted.has(checkAlarm(check)) : reminded !== null && !(reminding && wanted.has(checkAlarm(reminded)));
    if (unwanted) await browser.alarms.clear(name);
  }
  await rearmLostReminders(stored, now, alarms);
  if (!alarms.has(SWEEP_ALARM)) await browser.alarms.create(SWEEP_ALARM, { periodInMinutes: SWEEP_MINUTES });
}

/** A reminder whose alarm the browser dropped (a restart) comes back, unless the user acted on its alert. */
async function rearmLostReminders(stored: Stored, now: number, alarms: Map<string, number>): Promise<void> {
  const candidates = stored.watchIds.filter((id) => {
    const record = stored.watches[id];
    if (!record || alarms.has(reminderAlarm(id))) return false;
    return reminderDecision({ settings: stored.settings, def: record.def, state: record.state }, now).remind;
  });
  if (candidates.length === 0) return; // the usual case: nothing read
  const acted = await readRemindersActed();
  for (const id of candidates) if (actedAt(acted, id) < (stored.watches[id]?.state.lastReopenAlertAt ?? 0)) await armReminder(id);
}
