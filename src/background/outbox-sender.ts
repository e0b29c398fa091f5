// Delivers alerts to the user's channels (ntfy, Telegram, Discord, Slack, webhooks) through the
// persisted outbox (src/core/outbox.ts): at least once per channel, across worker restarts.
//
// Each delivery is marked in flight and persisted before its request starts, and settled and
// persisted as soon as its answer is read; only a worker that dies between those two writes after
// the service received the message can cause a duplicate (no service takes an idempotency key).
// The loop looks a channel up by its config's type (channelFor, senderFor) and never branches on it.
import browser from 'webextension-polyfill';
import type { AlertKind } from '../core/alert-kinds';
import { boundedFetch, FetchFailure } from '../core/bounded-fetch';
import type { ChannelConfig } from '../core/channels/index';
import { channelFor, secretsOf } from '../core/channels/index';
import { redact } from '../core/channels/redact';
import { senderFor } from '../core/channels/send/index';
import type { ChannelEvent, DeliveryOutcome } from '../core/channels/types';
import { keyedQueue } from '../core/keyed-queue';
import { targetUrl } from '../core/kinds/registry';
import {
  alertEventId,
  type DeliveryKey,
  dropChannel,
  due,
  enqueue,
  markSending,
  nextDueAt,
  type OutboxReport,
  type OutboxState,
  type PendingDelivery,
  readOutbox,
  recover,
  STALE_IN_FLIGHT_MS,
  settle,
} from '../core/outbox';
import { sameValue } from '../core/same-value';
import type { Verdict } from '../core/verdict';
import type { WatchDef } from '../core/watch-def';
import type { WatchState } from '../core/watch-state';
import { channelWords } from '../shared/alert-words';
import { channelPermissions } from '../shared/channel-access';
import { t } from '../shared/i18n';
import { log } from '../shared/log';
import { loadChannels, markBroken, markDelivered, markLost, redactAll } from './channel-health';
import { readOutboxRaw, writeOutbox } from './worker-storage';

export const OUTBOX_ALARM = 'outbox';
/** A service that has not answered within this long is retried later (status 0: no answer). */
export const SEND_TIMEOUT_MS = 15_000;
/** Answers are short JSON or text; a huge one is cut off, not buffered. */
const MAX_ANSWER_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// Events

/** The watches a channel serves: a watch that lists channel ids uses only those; without a list, all. */
const usesChannel = (watch: WatchDef, channelId: string) => !watch.channels || watch.channels.includes(channelId);

/**
 * A reopening or a "can't check" alert, localised like the desktop notification. Holds no secret.
 * Its id comes from the watch's state before the check that raised it (`before`): the same alert
 * raised again (its first check died before committing) is the same event, which the outbox sends once.
 */
function alertEvent(watch: WatchDef, kind: AlertKind, verdict: Verdict, at: number, before: WatchState): ChannelEvent {
  const id = alertEventId(watch.id, kind, before.alertsRaised);
  const { title, body, linkLabel } = channelWords(watch, kind, at, verdict.reason);
  return {
    id,
    type: kind,
    watch: { id: watch.id, name: watch.name, url: watch.url },
    state: verdict.kind,
    at,
    evidence: verdict.evidence,
    title,
    body,
    link: targetUrl(watch),
    linkLabel,
  };
}

function testEvent(channelId: string, at: number): ChannelEvent {
  return {
    id: `test:${channelId}:${at}`,
    type: 'test',
    watch: { id: 'test', name: 'Reopen Watch', url: '' },
    state: 'test',
    at,
    evidence: '',
    title: t('channelTestTitle'),
    body: t('channelTestBody'),
    link: '',
  };
}

// ---------------------------------------------------------------------------------------------
// The persisted outbox

const queue = keyedQueue();
const LANE = 'outbox';
/** Deliveries this worker has a request out for (the stored mark cannot tell this worker's from a dead one's). */
const sendingHere = new Set<string>();
const keyOf = (d: DeliveryKey) => `${d.eventId}\n${d.channelId}`;

/** Reads the outbox, lets `change` step it, and persists the result before returning. */
function updateOutbox<T>(change: (state: OutboxState, now: number) => { state: OutboxState; value: T } | null): Promise<T | null> {
  return queue.run(LANE, async () => {
    // A read failure throws: writing an empty outbox over one that could not be read would lose it.
    const raw = await readOutboxRaw();
    const { state, repairs } = readOutbox(raw);
    if (repairs.length > 0) log.warn('outbox repaired', { repairs: repairs.map(redactAll) });
    const result = change(state, Date.now());
    // Written only when something changed (a plain read writes nothing).
    if ((result && result.state !== state) || repairs.length > 0) await writeOutbox(result?.state ?? state);
    return result ? result.value : null;
  });
}

const readState = () => updateOutbox((state) => ({ state, value: state })).then((s) => s as OutboxState);

/** Logs every report (redacted) and notes it in the channel's health: nothing is dropped silently. */
async function handleReports(reports: readonly OutboxReport[]): Promise<void> {
  const now = Date.now();
  for (const report of reports) {
    const { channelId, eventId } = report;
    if (report.type === 'delivered') {
      log.info('channel delivered', { channelId, eventId, attempts: report.attempts });
      await markDelivered(channelId, now);
    } else if (report.type === 'broken') {
      const why = redactAll(report.why);
      log.warn('channel broken: nothing more is sent to it until it is fixed', { channelId, eventId, why });
      await markBroken(channelId, why, now);
    } else if (report.type === 'lost') {
      const why = redactAll(report.why);
      log.warn('channel delivery lost', { channelId, eventId, reason: report.reason, why });
      await markLost(channelId, `${report.reason}: ${why}`, now);
    } else {
      log.info('channel delivery resent', { channelId, eventId, why: redactAll(report.why) });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Sending

const redactOutcome = (outcome: DeliveryOutcome, secrets: readonly string[]): DeliveryOutcome =>
  outcome.type === 'delivered' ? outcome : { ...outcome, why: redact(redactAll(outcome.why), secrets) };

/** One request to one channel, read by the channel itself. Never throws; the outcome's `why` is redacted. */
async function deliver(config: ChannelConfig, event: ChannelEvent): Promise<DeliveryOutcome> {
  const channel = channelFor(config);
  const sender = senderFor(config.type);
  const secrets = secretsOf(config);
  let outcome: DeliveryOutcome;
  try {
    const origin = channel.origin(config);
    // Without the host permission the browser refuses the request (CORS): only the user can grant it.
    if (!(await browser.permissions.contains(channelPermissions(origin))))
      return redactOutcome(
        { type: 'broken', why: `no permission to reach ${origin} (or to share the alert); allow it on the options page` },
        secrets,
      );
    const request = sender.buildRequest(config, event);
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      body: request.body,
      // A secret never follows a redirect; no cookies go along and none come back.
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    };
    const answer = await boundedFetch((url, options) => fetch(url, options), request.url, init, {
      timeoutMs: SEND_TIMEOUT_MS,
      maxBytes: MAX_ANSWER_BYTES,
    });
    // fetch hides a refused redirect as an opaque response with status 0.
    const status = answer.redirect && answer.status === 0 ? 302 : answer.status;
    // Redacted before it is read: a service that quotes a secret back (cut short in a `why`) leaks no part of it.
    outcome = sender.classify(status, answer.headers, redact(answer.text, secrets), Date.now());
  } catch (error) {
    if (error instanceof FetchFailure && error.status !== null && error.status >= 200 && error.status < 300) {
      // The service said yes, then its body broke off (a reset, a stall): it has the message, and
      // sending it again would deliver it twice.
      outcome = { type: 'delivered' };
    } else if (error instanceof FetchFailure) {
      const status = error.reason === 'too-large' && error.status !== null ? error.status : 0;
      outcome = sender.classify(status, new Headers(), '', Date.now());
      if (status === 0 && outcome.type === 'retry')
        outcome = { ...outcome, why: error.reason === 'timeout' ? `no answer within ${SEND_TIMEOUT_MS / 1000} s` : outcome.why };
    } else {
      // buildRequest/origin throw only for a config validation should have refused; name fields, never values.
      outcome = { type: 'broken', why: `the channel's settings are not usable: ${String(error)}` };
    }
  }
  return redactOutcome(outcome, secrets);
}

/**
 * A refusal of settings the user has changed meanwhile (a fixed token saved while the old one was
 * being refused) says nothing about the new ones: it becomes a retry, with them.
 */
async function refusedByOldSettings(sent: ChannelConfig, outcome: DeliveryOutcome): Promise<DeliveryOutcome> {
  if (outcome.type !== 'broken') return outcome;
  const now = (await loadChannels()).channels.find((c) => c.id === sent.id);
  if (!now || sameValue(now, sent)) return outcome;
  return { type: 'retry', why: `${outcome.why}, with settings changed since` };
}

/** Why a channel takes nothing now, or null when it can be sent to. */
function unusable(channelId: string, channels: Awaited<ReturnType<typeof loadChannels>>): string | null {
  const config = channels.channels.find((c) => c.id === channelId);
  if (!config) return 'the channel was removed';
  if (!config.enabled) return 'the channel was switched off';
  const broken = channels.status[channelId]?.broken;
  return broken ? `the channel is broken (${broken.why})` : null;
}

/** Drops every delivery waiting for a channel (removed, switched off, broken), each reported. */
export async function dropDeliveries(channelId: string, why: string): Promise<void> {
  const reports = await updateOutbox((state, now) => {
    const step = dropChannel(state, channelId, why, now);
    return step.reports.length > 0 ? { state: step.state, value: step.reports } : null;
  });
  await handleReports(reports ?? []);
}

/** Sends a channel's due deliveries one after another (in order), until none is due or one fails. */
async function runLane(channelId: string): Promise<void> {
  for (;;) {
    const channels = await loadChannels();
    const why = unusable(channelId, channels);
    if (why) return dropDeliveries(channelId, why);
    const config = channels.channels.find((c) => c.id === channelId) as ChannelConfig;
    // Marked and persisted before the request: a worker killed mid-send leaves the mark, and the
    // next start (recoverOutbox) or the outbox alarm sends it again.
    let marking: string | undefined;
    const picked = await updateOutbox<PendingDelivery>((state, now) => {
      const next = due(state, now).find((d) => d.channelId === channelId && !sendingHere.has(keyOf(d)));
      if (!next) return null;
      // Still marked from a worker that died mid-send: the one case that may deliver twice, said so.
      if (next.inFlightSince !== undefined)
        log.info('channel delivery resent', { channelId, eventId: next.eventId, why: 'its worker stopped mid-send' });
      marking = keyOf(next);
      sendingHere.add(marking); // in the same step as the mark, so a recovery in between leaves it alone
      return { state: markSending(state, next, now), value: next };
    }).catch((error: unknown) => {
      if (marking) sendingHere.delete(marking); // the mark was not written: nothing is out
      throw error;
    });
    if (!picked) return;
    const key = keyOf(picked);
    let outcome: DeliveryOutcome;
    let reports: OutboxReport[];
    try {
      const answer = await refusedByOldSettings(config, await deliver(config, picked.event));
      outcome = answer;
      // Recorded at once: this write is what closes the duplicate window.
      reports =
        (await updateOutbox((state, now) => {
          const step = settle(state, picked, answer, now);
          return { state: step.state, value: step.reports };
        })) ?? [];
    } finally {
      sendingHere.delete(key);
    }
    if (outcome.type === 'retry' && reports.length === 0)
      log.info('channel send failed; will retry', { channelId, eventId: picked.eventId, attempt: picked.attempts + 1, why: outcome.why });
    await handleReports(reports);
    // A failing service is left alone until its retry time; the alarm comes back for the rest.
    if (outcome.type !== 'delivered') return;
  }
}

/** Each channel's sending loop, while it runs; `again`: something was queued for it meanwhile. */
const lanes = new Map<string, { again: boolean; done: Promise<void> }>();

/**
 * Starts a channel's lane, or asks the running one to look once more before it stops: a slow or
 * hung service holds up only its own channel, never the others.
 */
function startLane(channelId: string): Promise<void> {
  const running = lanes.get(channelId);
  if (running) {
    running.again = true;
    return running.done;
  }
  const lane = { again: false, done: Promise.resolve() };
  lane.done = (async () => {
    do {
      lane.again = false;
      await runLane(channelId).catch(reportFailure);
    } while (lane.again);
    // In the same step as the last look at `again`: a call from now on starts a new lane.
    lanes.delete(channelId);
  })();
  lanes.set(channelId, lane);
  return lane.done;
}

/**
 * Sends every due delivery, channels side by side, each channel's in order, and resolves once no
 * lane is running; then sets the outbox alarm for the next one. Never throws.
 */
export async function sendDue(): Promise<void> {
  try {
    const state = await readState();
    const ids = [...new Set(due(state, Date.now()).map((d) => d.channelId))];
    if (ids.length > 0) {
      // If this worker dies mid-send, the alarm wakes the next one to send it again.
      await browser.alarms.create(OUTBOX_ALARM, { when: Date.now() + STALE_IN_FLIGHT_MS + 5_000 });
      ids.forEach(startLane);
    }
    // Settled when every lane is, including those started by another call (each lane never throws).
    while (lanes.size > 0) await Promise.all([...lanes.values()].map((lane) => lane.done));
  } catch (error) {
    reportFailure(error);
  }
  await scheduleAlarm().catch(reportFailure);
}

function reportFailure(error: unknown): void {
  log.warn('outbox send failed; the outbox alarm retries', { error: redactAll(String(error)) });
}

/** One alarm at the next due time (created only when it moves), none when the outbox is empty. */
async function scheduleAlarm(): Promise<void> {
  const next = nextDueAt(await readState());
  const existing = await browser.alarms.get(OUTBOX_ALARM);
  if (next === undefined) {
    if (existing) await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  const when = Math.max(next, Date.now() + 1000);
  if (existing && Math.abs(existing.scheduledTime - when) < 1000) return;
  await browser.alarms.create(OUTBOX_ALARM, { when });
}

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Queues an alert for every enabled, working channel the watch uses, persisted before it returns;
 * sending goes on in the background (the check does not wait for it). Never throws.
 */
export async function enqueueAlert(watch: WatchDef, kind: AlertKind, verdict: Verdict, at: number, before: WatchState): Promise<void> {
  let targets: string[] = [];
  try {
    const { channels, status } = await loadChannels();
    targets = channels.filter((c) => c.enabled && !status[c.id]?.broken && usesChannel(watch, c.id)).map((c) => c.id);
    if (targets.length === 0) return;
    const event = alertEvent(watch, kind, verdict, at, before);
    let added = 0;
    const reports = await updateOutbox((state, now) => {
      const step = enqueue(state, event, targets, now);
      added = step.state.pending.length - state.pending.length;
      return { state: step.state, value: step.reports };
    });
    // A check redone after its worker died raises the same event: already queued or sent, nothing is added.
    if (added > 0) log.info('alert queued for channels', { watchId: watch.id, eventId: event.id, channels: added });
    else log.info('alert already queued for channels', { watchId: watch.id, eventId: event.id });
    await handleReports(reports ?? []);
  } catch (error) {
    const why = redactAll(String(error));
    log.warn('alert could not be queued for channels', { watchId: watch.id, error: why });
    // Shown on each channel it was for, as a lost message: never only a line in the log.
    for (const channelId of targets) await markLost(channelId, `not queued: ${why}`, Date.now()).catch(reportFailure);
    return;
  }
  void sendDue();
}

/**
 * On a worker's start: deliveries a dead worker left marked in flight are due again (the one case
 * that can deliver twice, reported), then everything due is sent.
 */
export async function recoverOutbox(): Promise<void> {
  try {
    const reports = await updateOutbox((state, now) => {
      // Never this worker's own requests, if one already started in this wake.
      const mine = state.pending.filter((d) => sendingHere.has(keyOf(d)));
      const step = recover({ ...state, pending: state.pending.filter((d) => !sendingHere.has(keyOf(d))) }, now);
      if (step.reports.length === 0) return null;
      return { state: { ...step.state, pending: [...step.state.pending, ...mine] }, value: step.reports };
    });
    await handleReports(reports ?? []);
  } catch (error) {
    reportFailure(error);
  }
  await sendDue();
}

export type TestAnswer = { ok: true; outcome: DeliveryOutcome } | { ok: false; error: string };

/**
 * Sends a test message now, outside the outbox, and says what the service answered (redacted).
 * Success clears `broken`; a permanent failure sets it.
 */
export async function testChannel(channelId: string): Promise<TestAnswer> {
  const { channels } = await loadChannels();
  const config = channels.find((c) => c.id === channelId);
  if (!config) return { ok: false, error: 'no such channel' };
  const now = Date.now();
  const outcome = await refusedByOldSettings(config, await deliver(config, testEvent(channelId, now)));
  log.info('channel test', { channelId, outcome: outcome.type, ...(outcome.type !== 'delivered' && { why: outcome.why }) });
  if (outcome.type === 'delivered') await markDelivered(channelId, Date.now());
  else if (outcome.type === 'broken') await markBroken(channelId, outcome.why, Date.now());
  return { ok: true, outcome };
}
