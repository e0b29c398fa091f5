// The persisted outbox: every event reaches every chosen channel at least once, across worker
// restarts. Pure: the caller persists each returned state before acting on it (markSending before
// the request, settle after the answer), and logs or shows every report — nothing is dropped silently.

import type { AlertKind } from './alert-kinds';
import { isRecord } from './channels/text';
import type { ChannelEvent, DeliveryOutcome } from './channels/types';
import { isChannelEvent } from './outbox-event';

/** Retries stop this long after an event was queued; judged after a failed attempt, so one is always made. */
export const GIVE_UP_AFTER_MS = 60 * 60_000;
export const FIRST_RETRY_MS = 15_000;
export const MAX_RETRY_MS = 5 * 60_000;
/** ±20 %: channels failing together (the network is down) do not retry in lockstep. */
export const RETRY_JITTER = 0.2;
/** Pending deliveries kept at most; the oldest go first, reported. */
export const OUTBOX_LIMIT = 500;
/** A send in flight this long was lost with its worker (requests time out far sooner), so it is due again. */
export const STALE_IN_FLIGHT_MS = 2 * 60_000;
/** Settled keys are remembered this long, so enqueueing an event again never sends it twice. */
export const REMEMBER_SETTLED_MS = 24 * 60 * 60_000;
export const SETTLED_LIMIT = 2_000;

export interface DeliveryKey {
  eventId: string;
  channelId: string;
}

export interface PendingDelivery extends DeliveryKey {
  /** A snapshot without secrets; the channel's config is looked up by id at send time. */
  event: ChannelEvent;
  /** Requests started, including one in flight. */
  attempts: number;
  firstQueuedAt: number;
  nextAttemptAt: number;
  /** Set (and persisted) before the request starts; still set after a restart means the worker died mid-send. */
  inFlightSince?: number;
  /** Why the last attempt failed, for the log and the give-up report. */
  lastWhy?: string;
}

export interface SettledDelivery extends DeliveryKey {
  at: number;
}

export interface OutboxState {
  pending: PendingDelivery[];
  settled: SettledDelivery[];
}

export const EMPTY_OUTBOX: OutboxState = { pending: [], settled: [] };

export type LostReason = 'lost-after-retries' | 'outbox-full' | 'dropped';

export type OutboxReport =
  | ({ type: 'delivered'; attempts: number } & DeliveryKey)
  /** The caller flags the channel as broken, visibly. */
  | ({ type: 'broken'; why: string } & DeliveryKey)
  | ({ type: 'lost'; reason: LostReason; why: string } & DeliveryKey)
  /** Found in flight after a restart and sent again: the one case that can deliver twice. */
  | ({ type: 'resending'; why: string } & DeliveryKey);

export interface OutboxStep {
  state: OutboxState;
  reports: OutboxReport[];
}

/**
 * An alert's event id: the watch and how many alerts it had raised before this one
 * (`WatchState.alertsRaised`, which every alert counts and no edit resets). Raised again by a
 * check redone after its worker died (the count not yet saved), it is the same event.
 */
export const alertEventId = (watchId: string, kind: AlertKind, alertsBefore: number): string => `${watchId}:${kind}:${alertsBefore}`;

export const sameKey = (a: DeliveryKey, b: DeliveryKey): boolean => a.eventId === b.eventId && a.channelId === b.channelId;
const keyOf = ({ eventId, channelId }: DeliveryKey): DeliveryKey => ({ eventId, channelId });

/** Queues `event` for each channel; a delivery already pending or settled is left alone. */
export function enqueue(state: OutboxState, event: ChannelEvent, channelIds: readonly string[], now: number): OutboxStep {
  const settled = pruneSettled(state.settled, now);
  const known = (channelId: string) => [...state.pending, ...settled].some((d) => d.eventId === event.id && d.channelId === channelId);
  const added: PendingDelivery[] = [...new Set(channelIds)]
    .filter((channelId) => !known(channelId))
    .map((channelId) => ({ eventId: event.id, channelId, event, attempts: 0, firstQueuedAt: now, nextAttemptAt: now }));
  let pending = [...state.pending, ...added];
  const reports: OutboxReport[] = [];
  if (pending.length > OUTBOX_LIMIT) {
    // Oldest first out: a fresh reopening matters more than one that has waited.
    const byAge = [...pending].sort((a, b) => a.firstQueuedAt - b.firstQueuedAt);
    const evicted = byAge.slice(0, pending.length - OUTBOX_LIMIT);
    pending = pending.filter((d) => !evicted.includes(d));
    for (const d of evicted)
      reports.push({ type: 'lost', reason: 'outbox-full', why: `more than ${OUTBOX_LIMIT} deliveries waiting`, ...keyOf(d) });
    settled.push(...evicted.map((d) => ({ ...keyOf(d), at: now })));
  }
  return { state: { pending, settled: capSettled(settled) }, reports };
}

/** Deliveries to send now, oldest due first: not in flight (or in flight so long its worker must have died). */
export function due(state: OutboxState, now: number): PendingDelivery[] {
  return state.pending
    .filter((d) => (d.inFlightSince === undefined ? d.nextAttemptAt <= now : d.inFlightSince + STALE_IN_FLIGHT_MS <= now))
    .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.firstQueuedAt - b.firstQueuedAt);
}

/** When `due` will next return something (for the alarm); undefined when nothing is pending. */
export function nextDueAt(state: OutboxState): number | undefined {
  const times = state.pending.map((d) => (d.inFlightSince === undefined ? d.nextAttemptAt : d.inFlightSince + STALE_IN_FLIGHT_MS));
  return times.length ? Math.min(...times) : undefined;
}

/** Marks a delivery as being sent. Persist the result before starting the request. */
export function markSending(state: OutboxState, key: DeliveryKey, now: number): OutboxState {
  return {
    ...state,
    pending: state.pending.map((d) => (sameKey(d, key) ? { ...d, inFlightSince: now, attempts: d.attempts + 1 } : d)),
  };
}

/**
 * Records a channel's answer: delivered and broken leave the outbox; retry waits (backoff, or the
 * service's own wait if longer) unless that passes the 1 h limit, which reports the delivery lost.
 * `random` is in [0, 1). An unknown key (dropped meanwhile) changes nothing.
 */
export function settle(
  state: OutboxState,
  key: DeliveryKey,
  outcome: DeliveryOutcome,
  now: number,
  random: number = Math.random(),
): OutboxStep {
  const delivery = state.pending.find((d) => sameKey(d, key));
  if (!delivery) return { state, reports: [] };
  const attempts = Math.max(1, delivery.attempts);
  if (outcome.type === 'retry') {
    const nextAttemptAt = now + Math.max(backoffMs(attempts, random), outcome.afterMs ?? 0);
    if (nextAttemptAt <= delivery.firstQueuedAt + GIVE_UP_AFTER_MS) {
      const { inFlightSince: _, ...rest } = delivery;
      const retried: PendingDelivery = { ...rest, attempts, nextAttemptAt, lastWhy: outcome.why };
      return { state: { ...state, pending: state.pending.map((d) => (d === delivery ? retried : d)) }, reports: [] };
    }
    const why = `${attempts} attempt${attempts === 1 ? '' : 's'} in ${Math.round((now - delivery.firstQueuedAt) / 60_000)} min; last: ${outcome.why}`;
    return remove(state, delivery, now, { type: 'lost', reason: 'lost-after-retries', why, ...keyOf(delivery) });
  }
  if (outcome.type === 'broken') return remove(state, delivery, now, { type: 'broken', why: outcome.why, ...keyOf(delivery) });
  return remove(state, delivery, now, { type: 'delivered', attempts, ...keyOf(delivery) });
}

/**
 * On worker start: a delivery still marked in flight was interrupted mid-send. The channel may or
 * may not have it, and no service takes an idempotency key, so it is sent again (reported).
 */
export function recover(state: OutboxState, now: number): OutboxStep {
  const reports: OutboxReport[] = [];
  const pending = state.pending.map((d) => {
    if (d.inFlightSince === undefined) return d;
    reports.push({ type: 'resending', why: 'interrupted mid-send; the channel may already have it', ...keyOf(d) });
    const { inFlightSince: _, ...rest } = d;
    return { ...rest, nextAttemptAt: Math.min(d.nextAttemptAt, now) };
  });
  return { state: { ...state, pending }, reports };
}

/** Removes every delivery to a channel (removed or switched off by the user), reported as dropped. */
export function dropChannel(state: OutboxState, channelId: string, why: string, now: number): OutboxStep {
  const dropped = state.pending.filter((d) => d.channelId === channelId);
  return {
    state: {
      pending: state.pending.filter((d) => d.channelId !== channelId),
      settled: capSettled([...state.settled, ...dropped.map((d) => ({ ...keyOf(d), at: now }))]),
    },
    reports: dropped.map((d) => ({ type: 'lost', reason: 'dropped', why, ...keyOf(d) })),
  };
}

/** 15 s, 30 s, 1 min, 2 min, 4 min, then 5 min, each ±20 %; `attempts` counts the failed ones so far. */
export function backoffMs(attempts: number, random: number): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 + (random * 2 - 1) * RETRY_JITTER));
}

function remove(state: OutboxState, delivery: PendingDelivery, now: number, report: OutboxReport): OutboxStep {
  return {
    state: {
      pending: state.pending.filter((d) => d !== delivery),
      settled: capSettled([...pruneSettled(state.settled, now), { ...keyOf(delivery), at: now }]),
    },
    reports: [report],
  };
}

const pruneSettled = (settled: readonly SettledDelivery[], now: number): SettledDelivery[] =>
  settled.filter((s) => s.at > now - REMEMBER_SETTLED_MS);
const capSettled = (settled: SettledDelivery[]): SettledDelivery[] => settled.slice(-SETTLED_LIMIT);

/** Reads a stored outbox, keeping every well-formed entry; `repairs` says what was dropped and why (for the log). */
export function readOutbox(raw: unknown): { state: OutboxState; repairs: string[] } {
  if (raw === undefined) return { state: EMPTY_OUTBOX, repairs: [] };
  if (!isRecord(raw)) return { state: EMPTY_OUTBOX, repairs: ['outbox was not an object; reset'] };
  const repairs: string[] = [];
  const list = (value: unknown, name: string): unknown[] => {
    if (Array.isArray(value)) return value;
    if (value !== undefined) repairs.push(`outbox ${name} was not a list; reset`);
    return [];
  };
  const pending = list(raw.pending, 'pending').filter(isPendingDelivery);
  const settled = list(raw.settled, 'settled').filter(isSettledDelivery);
  const droppedPending = list(raw.pending, 'pending').length - pending.length;
  const droppedSettled = list(raw.settled, 'settled').length - settled.length;
  if (droppedPending) repairs.push(`${droppedPending} malformed pending deliveries dropped`);
  if (droppedSettled) repairs.push(`${droppedSettled} malformed settled keys dropped`);
  return { state: { pending, settled }, repairs: [...new Set(repairs)] };
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isKey = (value: Record<string, unknown>): boolean =>
  typeof value.eventId === 'string' && typeof value.channelId === 'string' && value.channelId.length > 0;

function isPendingDelivery(value: unknown): value is PendingDelivery {
  return (
    isRecord(value) &&
    isKey(value) &&
    isChannelEvent(value.event) &&
    value.event.id === value.eventId &&
    Number.isInteger(value.attempts) &&
    (value.attempts as number) >= 0 &&
    isTime(value.firstQueuedAt) &&
    isTime(value.nextAttemptAt) &&
    (value.inFlightSince === undefined || isTime(value.inFlightSince)) &&
    (value.lastWhy === undefined || typeof value.lastWhy === 'string')
  );
}

const isSettledDelivery = (value: unknown): value is SettledDelivery => isRecord(value) && isKey(value) && isTime(value.at);
