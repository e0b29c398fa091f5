import browser from 'webextension-polyfill';
import { recordCheck } from '../core/history';
import { CONFIRM_DELAY_MS, probeFor } from '../core/kinds';
import { nextDelayMs } from '../core/schedule';
import type { Settings } from '../core/stored-fields';
import { KEYS } from '../core/stored-schema';
import type { Verdict } from '../core/verdict';
import { intervalMsOf, originOf, type WatchDef } from '../core/watch-def';
import { applyReadings, CANT_CHECK_AFTER_MS, type Effect, needsConfirmation, REOPEN_COOLDOWN_MS } from '../core/watch-state';
import { hasHostAccess, noHostAccessVerdict } from '../shared/host-access';
import { log } from '../shared/log';
import { carryOut } from './notifier';
import { waitForOrigin } from './origin-gate';
import { enqueueAlert } from './outbox-sender';
import { pageReader } from './page-reader';
import { armWatchdog, disarmWatchdog, scheduleNext, syncAlarm } from './scheduler';
import { loadForCheck, updateWatch } from './store';
import { renderToolbar } from './toolbar';

/** Automatic checks closer than this to the last one are skipped: a wake-up must not become a burst. */
export const MIN_GAP_MS = 20_000;
/** A slot further away than this is not waited for in the worker; the watch's alarm moves to it. */
const MAX_INLINE_WAIT_MS = 3_000;
const MAX_MANUAL_WAIT_MS = 12_000;
const AUTOMATIC_TRIGGERS = new Set(['alarm', 'startup', 'watchdog']);

// Only deduplicates overlapping triggers within one worker life; nothing is lost if it resets.
const inFlight = new Map<string, Promise<Verdict | null>>();

/** Runs one check of a watch (plus its confirmation) unless one is already running, then reschedules. */
export function runCheck(id: string, trigger: string): Promise<Verdict | null> {
  let running = inFlight.get(id);
  if (!running) {
    running = checkOnce(id, trigger).finally(() => inFlight.delete(id));
    inFlight.set(id, running);
  }
  return running;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function checkOnce(id: string, trigger: string): Promise<Verdict | null> {
  const loaded = await loadForCheck(id);
  if (!loaded) {
    log.info('check skipped: no such watch', { watchId: id, trigger });
    await syncAlarm(id, null);
    return null;
  }
  const { def, state } = loaded.record;
  const automatic = AUTOMATIC_TRIGGERS.has(trigger);
  if (automatic && (loaded.settings.paused || !def.enabled)) {
    log.info(loaded.settings.paused ? 'check skipped: watching is paused' : 'check skipped: watch is switched off', {
      watchId: id,
      trigger,
    });
    await scheduleNext(id, null);
    return null;
  }
  const latestAt = state.latest?.at ?? 0;
  if (automatic && Math.abs(Date.now() - latestAt) < MIN_GAP_MS) {
    log.info('check skipped: the last one was moments ago', { watchId: id, trigger });
    await scheduleNext(id, Math.max(state.nextCheckAt ?? 0, Date.now() + MIN_GAP_MS));
    return null;
  }

  // If the worker dies mid-check, this wakes it again: the watch never goes silent.
  await armWatchdog(id, Date.now());
  const secret = def.kind === 'json' ? await readSecret(id) : null;
  const probe = probeFor(def, {
    fetch: (url, init) => fetch(url, init),
    now: Date.now,
    readPage: pageReader,
    latest: state.latest,
    secretHeader: secret,
  });
  if (!(await hasHostAccess(def))) return commit(id, trigger, [noHostAccessVerdict(def, Date.now())], loaded);

  // Never two checks to one origin within 10 s, across watches: claimed right before the request.
  // "Check now" waits for its turn; the user asked for it.
  const origin = originOf(def.url);
  const turn = await waitForOrigin(origin, automatic ? MAX_INLINE_WAIT_MS : MAX_MANUAL_WAIT_MS);
  if (!turn.ok) {
    log.info('check moved: another watch just contacted this site', { watchId: id, origin });
    await disarmWatchdog(id);
    await scheduleNext(id, turn.retryAt);
    return null;
  }
  const readings: Verdict[] = [await probe.check()];
  if (needsConfirmation(state, readings[0] as Verdict)) {
    await sleep(CONFIRM_DELAY_MS[def.kind]);
    // The re-read is a request to the same origin too (ChatGPT's own pair of requests is one check).
    if (def.kind !== 'chatgpt-plus') await waitForOrigin(origin, MAX_MANUAL_WAIT_MS * 2);
    readings.push(await probe.confirm());
  }

  return commit(id, trigger, readings, loaded);
}

type Started = Pick<NonNullable<Awaited<ReturnType<typeof loadForCheck>>>, 'record' | 'settings'>;

const alertPolicy = (settings: Settings, def: WatchDef) => ({
  reopenCooldownMs: REOPEN_COOLDOWN_MS,
  cantCheckAfterMs: CANT_CHECK_AFTER_MS,
  notificationsEnabled: settings.notificationsEnabled && def.notify,
});

/**
 * The check's alerts go to the phone and chat channels before the commit, worked out from the
 * state the check started with: a worker that dies before the commit leaves that state as it was,
 * so the next check makes the same event ids and the outbox (which remembers ids for a day) sends
 * each once. Queued after the commit, such an alert would be lost for good. Never throws.
 */
async function queueForChannels({ record, settings }: Started, readings: Verdict[], now: number): Promise<void> {
  const { effects } = applyReadings(record.state, readings, now, alertPolicy(settings, record.def));
  for (const effect of effects)
    if (effect.type !== 'clear-cant-check')
      await enqueueAlert(
        record.def,
        effect.type === 'alert-reopened' ? 'reopened' : 'cant-check',
        readings.at(-1) as Verdict,
        now,
        record.state,
      );
}

/** Folds one wake's readings into the watch, reschedules it, shows them, and raises its alerts. */
async function commit(id: string, trigger: string, readings: Verdict[], started: Started): Promise<Verdict | null> {
  // Folded into the watch's latest stored state inside its write queue: an edit made while the
  // probe ran is kept, and this check's verdict is never lost to it.
  let effects: Effect[] = [];
  const now = Date.now();
  await queueForChannels(started, readings, now);
  const result = await updateWatch(id, (record, settings) => {
    const applied = applyReadings(record.state, readings, now, alertPolicy(settings, record.def));
    effects = applied.effects;
    const { latest, failureStreak } = applied.state;
    applied.state.nextCheckAt =
      settings.paused || !record.def.enabled ? null : now + nextDelayMs(latest, failureStreak, intervalMsOf(record.def), Math.random());
    return { state: applied.state, history: recordCheck(record.history, readings, applied.state, now) };
  });
  if (!result) return null; // removed while it was being checked
  await syncAlarm(id, result.record.state.nextCheckAt);
  await disarmWatchdog(id);
  await renderToolbar(result.summary, result.settings, result.record, now);
  for (const effect of effects) await carryOut(effect, result.record.def, result.settings);

  for (const reading of readings) {
    const { kind, reason, status, durationMs, bytes, requests, evidence } = reading;
    log.info('check', { watchId: id, trigger, kind, reason, status, durationMs, bytes, requests, evidence });
  }
  return result.record.state.latest;
}

async function readSecret(id: string): Promise<{ name: string; value: string } | null> {
  const key = KEYS.secret(id);
  const value = (await browser.storage.local.get(key))[key] as { name?: unknown; value?: unknown } | undefined;
  return typeof value?.name === 'string' && typeof value.value === 'string' ? { name: value.name, value: value.value } : null;
}
