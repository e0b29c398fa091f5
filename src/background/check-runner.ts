import browser from 'webextension-polyfill';
import { failedCheck } from '../core/check-failure';
import { withDeadline } from '../core/deadline';
import { recordCheck } from '../core/history';
import { type Probe, probeFor } from '../core/kinds';
import { PAGE_LIMITS } from '../core/kinds/fetched';
import { CONFIRM_DELAY_MS, specOf } from '../core/kinds/registry';
import { noHostAccessVerdict } from '../core/no-host-access';
import { nextDelayMs } from '../core/schedule';
import type { Settings } from '../core/stored-fields';
import type { Verdict } from '../core/verdict';
import { intervalMsOf, originOf, readsSame, type WatchDef } from '../core/watch-def';
import { CANT_CHECK_AFTER_MS, REOPEN_COOLDOWN_MS } from '../core/watch-state';
import { alertOf, applyReadings, type Effect, needsConfirmation } from '../core/watch-transitions';
import { hasHostAccess } from '../shared/host-access';
import { log } from '../shared/log';
import { carryOut } from './notifier';
import { extendContact, waitForOrigin } from './origin-gate';
import { enqueueAlert } from './outbox-sender';
import { pageReader, pageRenderer, READ_TIMEOUT_MS, RENDER_TIMEOUT_MS } from './page-reader';
import { armWatchdog, checkAlarm, disarmWatchdog, RETRY_SOON_MINUTES, scheduleNext, syncAlarm } from './scheduler';
import { renderToolbar } from './toolbar';
import { loadForCheck, readSecretHeader, updateWatch } from './worker-storage';

/** Automatic checks closer than this to the last one are skipped: a wake-up must not become a burst. */
export const MIN_GAP_MS = 20_000;
/** A slot further away than this is not waited for in the worker; the watch's alarm moves to it. */
const MAX_INLINE_WAIT_MS = 3_000;
const MAX_MANUAL_WAIT_MS = 12_000;
const AUTOMATIC_TRIGGERS = new Set(['alarm', 'startup', 'watchdog']);
/** The one trigger that checks while watching is off or the watch is switched off: the user asked. */
const USER_TRIGGER = 'check-now';
/** How long the confirmation waits at most for its turn at the site. */
const CONFIRM_ORIGIN_WAIT_MS = MAX_MANUAL_WAIT_MS * 2;
/**
 * The reading and its confirmation end within this, whatever hangs: two readings that each take
 * their whole request and reader (or render) timeouts, the confirmation's delay and its wait for
 * the site fit (117 s); a reader or document that never answers does not.
 */
export const READ_DEADLINE_MS =
  2 * (PAGE_LIMITS.timeoutMs + Math.max(READ_TIMEOUT_MS, RENDER_TIMEOUT_MS)) +
  Math.max(...Object.values(CONFIRM_DELAY_MS)) +
  CONFIRM_ORIGIN_WAIT_MS +
  3_000;
/** Saving the readings ends within this (a storage that hangs); the watchdog then tries again. */
const COMMIT_DEADLINE_MS = 15_000;
/**
 * No check holds its place for longer (144 s), so a later alarm never joins one that hangs for
 * ever: its wait for the site, its reading and its commit, inside the 3 min watchdog.
 */
export const CHECK_DEADLINE_MS = MAX_MANUAL_WAIT_MS + READ_DEADLINE_MS + COMMIT_DEADLINE_MS;

// Only deduplicates overlapping triggers within one worker life; nothing is lost if it resets.
const inFlight = new Map<string, Promise<Verdict | null>>();

/** Runs one check of a watch (plus its confirmation) unless one is already running, then reschedules. */
export function runCheck(id: string, trigger: string): Promise<Verdict | null> {
  let running = inFlight.get(id);
  if (!running) {
    running = boundedCheck(id, trigger).finally(() => inFlight.delete(id));
    inFlight.set(id, running);
  }
  return running;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Attempt {
  /** Past the skip rules: a failure from here on is this check's reading. */
  started: boolean;
  /** The definition the check read: its readings (or its failure) land only on that one. */
  def?: WatchDef;
  /** Gave up waiting: it must not commit later, over whatever came since. */
  abandoned: boolean;
  /** Its verdict was written: nothing may replace it with a failure afterwards. */
  committed: boolean;
  /** The failure saved for an attempt that threw: only if that one wrote nothing. */
  standsFor?: Attempt;
}

/**
 * The check, and what to do when it throws or hangs where no reading could be made of it (storage,
 * alarms, permissions): a throw still commits a can't-tell verdict when storage lets it; a hang
 * gives up its place after CHECK_DEADLINE_MS. Rejects only when even the failure cannot be saved.
 */
async function boundedCheck(id: string, trigger: string): Promise<Verdict | null> {
  const attempt: Attempt = { started: false, abandoned: false, committed: false };
  const startedAt = Date.now();
  try {
    return await withDeadline(checkOnce(id, trigger, attempt), CHECK_DEADLINE_MS, 'the check');
  } catch (error) {
    attempt.abandoned = true;
    // A skipped check (watching off, moments since the last) has no reading to stand for, and a
    // saved verdict is not undone by what failed after it.
    if (attempt.committed) {
      log.warn('check failed after its verdict was saved', { watchId: id, trigger, error: String(error) });
      return null;
    }
    if (!attempt.started) {
      // Failed before the watchdog was armed (storage unreadable): the alarm that woke it is spent,
      // so one is set that needs no storage, or the watch would wait for the 30-minute sweep.
      await retrySoon(id);
      throw error;
    }
    log.warn('check failed; saved as can’t tell', { watchId: id, trigger, error: String(error) });
    const loaded = await withDeadline(loadForCheck(id), COMMIT_DEADLINE_MS, 'storage');
    if (!loaded) return null;
    const read = { ...loaded, record: { ...loaded.record, def: attempt.def ?? loaded.record.def } };
    const fallback: Attempt = { started: true, abandoned: false, committed: false, standsFor: attempt };
    return commit(id, trigger, [failedCheck(error, startedAt, Date.now())], read, fallback);
  }
}

async function checkOnce(id: string, trigger: string, attempt: Attempt): Promise<Verdict | null> {
  const loaded = await loadForCheck(id);
  if (!loaded) {
    log.info('check skipped: no such watch', { watchId: id, trigger });
    await syncAlarm(id, null);
    return null;
  }
  const { def, state } = loaded.record;
  const automatic = AUTOMATIC_TRIGGERS.has(trigger);
  if (trigger !== USER_TRIGGER && (loaded.settings.paused || !def.enabled)) {
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
  attempt.started = true;
  attempt.def = def;
  // Three independent asks of the browser, made at once: each is a round trip a cold wake would
  // otherwise wait for in turn before its first request.
  const [, secret, access] = await Promise.all([
    armWatchdog(id, Date.now()),
    specOf(def.kind).secretHeader ? readSecret(id, def) : null,
    hasHostAccess(def),
  ]);
  const probe = probeFor(def, {
    fetch: (url, init) => fetch(url, init),
    now: Date.now,
    readPage: pageReader,
    renderPage: pageRenderer,
    latest: state.latest,
    secretHeader: secret,
    expectedValueType: state.valueType ?? null,
  });
  if (!access) return commit(id, trigger, [noHostAccessVerdict(def, Date.now())], loaded, attempt);

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
  const readings = await read(probe, loaded.record.def, state, secret ? [secret.value] : []);
  return commit(id, trigger, readings, loaded, attempt);
}

/**
 * The watch's reading, and when it first reads open the re-read that confirms it. A reader that
 * throws or hangs ends the readings with a can't-tell one (after READ_DEADLINE_MS at most).
 */
async function read(probe: Probe, def: WatchDef, state: Started['record']['state'], secrets: string[]): Promise<Verdict[]> {
  const readings: Verdict[] = [];
  const startedAt = Date.now();
  const ended = async (verdict: Verdict) => {
    if (def.render) await extendContact(originOf(def.url));
    readings.push(verdict);
  };
  const steps = async () => {
    await ended(await probe.check());
    if (!needsConfirmation(state, readings[0] as Verdict)) return;
    await sleep(CONFIRM_DELAY_MS[def.kind]);
    // The re-read is a request to the same origin too (ChatGPT's own pair of requests is one check).
    if (specOf(def.kind).confirmWaitsForSite) await waitForOrigin(originOf(def.url), CONFIRM_ORIGIN_WAIT_MS);
    await ended(await probe.confirm());
  };
  try {
    await withDeadline(steps(), READ_DEADLINE_MS, 'the reading');
    return readings;
  } catch (error) {
    // What was read before the failure stands; a half-done confirmation never confirms.
    return [...readings, failedCheck(error, startedAt, Date.now(), secrets)];
  }
}

type Started = Pick<NonNullable<Awaited<ReturnType<typeof loadForCheck>>>, 'record' | 'settings'>;

const alertPolicy = (settings: Settings, def: WatchDef) => ({
  reopenCooldownMs: REOPEN_COOLDOWN_MS,
  cantCheckAfterMs: CANT_CHECK_AFTER_MS,
  notificationsEnabled: settings.notificationsEnabled && def.notify,
});

/**
 * Folds one wake's readings into the watch, reschedules it, shows them, and raises its alerts.
 * Only onto the definition that was read: a watch edited to another page or rule while it was
 * read keeps its new question unanswered (the readings are dropped, logged), a removed one gets
 * nothing. Its phone and chat alerts are queued in the same turn as the commit, from the record
 * the commit folds into, and before it is written: a worker that dies in between leaves that
 * record as it was, so the check done again makes the same event ids and the outbox sends each once.
 */
async function commit(id: string, trigger: string, read: Verdict[], started: Started, attempt: Attempt): Promise<Verdict | null> {
  // What Test shows of a page's data is not kept: the stored verdict stays small.
  const readings = read.map(({ found: _shown, title: _named, ...verdict }) => verdict);
  let effects: Effect[] = [];
  let alerts: () => Promise<void> = async () => undefined;
  let dropped: string | null = null;
  const now = Date.now();
  const writing = updateWatch(
    id,
    (record, settings) => {
      if (attempt.abandoned || attempt.standsFor?.committed) {
        dropped = 'check dropped: it was given up';
        return null;
      }
      if (!readsSame(record.def, started.record.def)) {
        dropped = 'check dropped: the watch was changed while it was being checked';
        return null;
      }
      // Switched off while it was read: an automatic check says nothing now (the user's own
      // "Check now" still does).
      if (trigger !== USER_TRIGGER && (settings.paused || !record.def.enabled)) {
        dropped = 'check dropped: watching was switched off while it was being checked';
        return null;
      }
      attempt.committed = true;
      const applied = applyReadings(record.state, readings, now, alertPolicy(settings, record.def));
      effects = applied.effects;
      const latest = readings.at(-1) as Verdict;
      alerts = async () => {
        for (const effect of applied.effects) {
          const alert = alertOf(effect);
          if (alert) await enqueueAlert(record.def, alert, latest, now, record.state);
        }
      };
      const { failureStreak } = applied.state;
      applied.state.nextCheckAt =
        settings.paused || !record.def.enabled ? null : now + nextDelayMs(latest, failureStreak, intervalMsOf(record.def), Math.random());
      return { state: applied.state, history: recordCheck(record.history, readings, applied.state, now) };
    },
    () => alerts(),
  ).catch((error) => {
    attempt.committed = false;
    throw error;
  });
  let result: Awaited<typeof writing>;
  try {
    result = await withDeadline(writing, COMMIT_DEADLINE_MS, 'saving the check');
  } catch (error) {
    // A write that lands after the deadline still raises its alerts: a saved "open" is never silent.
    void writing.then((late) => (late && !dropped ? afterCommit(id, trigger, readings, late, effects, now) : null)).catch(() => undefined);
    throw error;
  }
  if (!result) return null; // removed while it was being checked
  if (dropped) {
    log.info(dropped, { watchId: id, trigger });
    return attempt.abandoned ? null : dropReadings(id, result.record, result.settings);
  }
  return afterCommit(id, trigger, readings, result, effects, now);
}

/** What follows a saved verdict: the next alarm, the toolbar, the alerts, the log. */
async function afterCommit(
  id: string,
  trigger: string,
  readings: Verdict[],
  result: NonNullable<Awaited<ReturnType<typeof updateWatch>>>,
  effects: Effect[],
  now: number,
): Promise<Verdict | null> {
  // The verdict is saved: nothing after it may turn it into a failure. The watchdog goes only once
  // the next alarm is set, so an alarm that could not be set still leaves a wake-up behind.
  await settle(
    'scheduling',
    syncAlarm(id, result.record.state.nextCheckAt).then(() => disarmWatchdog(id)),
  );
  // Each step on its own and bounded, the alerts first: a toolbar that fails or hangs must not cost an alert.
  for (const effect of effects) await settle('alert', carryOut(effect, result.record.def, result.settings));
  await settle('toolbar', renderToolbar(result.summary, result.settings, result.record, now));

  for (const reading of readings) {
    const { kind, reason, status, durationMs, bytes, requests, evidence } = reading;
    log.info('check', { watchId: id, trigger, kind, reason, status, durationMs, bytes, requests, evidence });
  }
  return result.record.state.latest;
}

async function retrySoon(id: string): Promise<void> {
  await browser.alarms.create(checkAlarm(id), { delayInMinutes: RETRY_SOON_MINUTES }).catch((error: unknown) => {
    log.warn('check could not be re-armed', { watchId: id, error: String(error) });
  });
}

/** The watch changed under the check: its new definition gets a check of its own, soon. */
async function dropReadings(id: string, record: Started['record'], settings: Settings): Promise<null> {
  await disarmWatchdog(id);
  const soon = settings.paused || !record.def.enabled ? null : Math.max(Date.now() + 1000, record.state.nextCheckAt ?? 0);
  await scheduleNext(id, soon);
  return null;
}

/** A step after the verdict gets this long; the chime inside an alert has its own 5 s. */
const STEP_DEADLINE_MS = 10_000;

async function settle(what: string, work: Promise<unknown>): Promise<void> {
  try {
    await withDeadline(work, STEP_DEADLINE_MS, what);
  } catch (error) {
    log.warn(`${what} failed after a check`, { error: String(error) });
  }
}

/**
 * A JSON watch's request header, sent only over https to the watch's own origin (where it was
 * saved); a header saved for another origin is never sent.
 */
async function readSecret(id: string, def: WatchDef): Promise<{ name: string; value: string } | null> {
  const value = (await readSecretHeader(id)) as { name?: unknown; value?: unknown; origin?: unknown } | undefined;
  if (typeof value?.name !== 'string' || typeof value.value !== 'string') return null;
  const origin = originOf(def.url);
  if (!origin.startsWith('https://') || (value.origin !== undefined && value.origin !== origin)) return null;
  return { name: value.name, value: value.value };
}
