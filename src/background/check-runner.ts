import { recordCheck } from '../core/history';
import { plusProbe } from '../core/plus-probe';
import { nextDelayMs } from '../core/schedule';
import type { Settings } from '../core/stored-schema';
import type { Verdict } from '../core/verdict';
import { applyReadings, CANT_CHECK_AFTER_MS, type Effect, needsConfirmation, REOPEN_COOLDOWN_MS } from '../core/watch-state';
import { hasHostAccess, noHostAccessVerdict } from '../shared/host-access';
import { log } from '../shared/log';
import { armWatchdog, disarmWatchdog, scheduleNext, syncAlarm } from './alarm';
import { carryOut } from './notifier';
import { current, update } from './store';
import { renderToolbar } from './toolbar';

/** Wait between the first `open` reading and the reading that confirms it. */
export const CONFIRM_DELAY_MS = 4000;
/** Automatic checks closer than this to the last one are skipped: a wake-up must not become a burst. */
export const MIN_GAP_MS = 20_000;
const AUTOMATIC_TRIGGERS = new Set(['alarm', 'startup', 'watchdog']);

// Only deduplicates overlapping triggers within one worker life; nothing is lost if it resets.
let inFlight: Promise<void> | null = null;

/** Runs one check (plus its confirmation) unless one is already running, then reschedules. */
export function runCheck(trigger: string): Promise<void> {
  inFlight ??= checkOnce(trigger).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function checkOnce(trigger: string): Promise<void> {
  const before = await current();
  const automatic = AUTOMATIC_TRIGGERS.has(trigger);
  if (automatic && before.settings.paused) {
    log.info('check skipped: watching is paused', { trigger });
    await scheduleNext(null);
    return;
  }
  const latestAt = before.watch.latest?.at ?? 0;
  if (automatic && Math.abs(Date.now() - latestAt) < MIN_GAP_MS) {
    log.info('check skipped: the last one was moments ago', { trigger });
    await scheduleNext(Math.max(before.watch.nextCheckAt ?? 0, Date.now() + MIN_GAP_MS));
    return;
  }
  // If the worker dies mid-check, this wakes it again: the watch never goes silent.
  await armWatchdog(Date.now());

  const probe = plusProbe({ fetch: (url, init) => fetch(url, init), now: Date.now });
  const readings: Verdict[] = [(await hasHostAccess()) ? await probe.check() : noHostAccessVerdict(Date.now())];
  if (needsConfirmation(before.watch, readings[0] as Verdict)) {
    await new Promise((resolve) => setTimeout(resolve, CONFIRM_DELAY_MS));
    readings.push(await probe.confirm());
  }

  // Folded into the latest stored state inside the write queue: a settings change made while the
  // probe ran is kept, and this check's verdict is never lost to it.
  let effects: Effect[] = [];
  const now = Date.now();
  const after = await update((stored) => {
    const applied = applyReadings(stored.watch, readings, now, alertPolicy(stored.settings));
    effects = applied.effects;
    const { latest, failureStreak } = applied.state;
    applied.state.nextCheckAt = stored.settings.paused
      ? null
      : now + nextDelayMs(latest, failureStreak, stored.settings.intervalMs, Math.random());
    return { watch: applied.state, history: recordCheck(stored.history, readings, applied.state, now) };
  });
  await syncAlarm(after.watch.nextCheckAt);
  await disarmWatchdog();
  await renderToolbar(after, now);
  for (const effect of effects) await carryOut(effect);

  for (const reading of readings) {
    const { kind, reason, status, durationMs, bytes, requests, evidence } = reading;
    log.info('check', { trigger, kind, reason, status, durationMs, bytes, requests, evidence });
  }
}

function alertPolicy(settings: Settings) {
  return {
    reopenCooldownMs: REOPEN_COOLDOWN_MS,
    cantCheckAfterMs: CANT_CHECK_AFTER_MS,
    notificationsEnabled: settings.notificationsEnabled,
  };
}
