import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../tests/sim/channels/events';
import { discordSender } from './channels/send/discord';
import { slackSender } from './channels/send/slack';
import { telegramSender } from './channels/send/telegram';
import type { DeliveryOutcome } from './channels/types';
import {
  backoffMs,
  dropChannel,
  due,
  EMPTY_OUTBOX,
  enqueue,
  GIVE_UP_AFTER_MS,
  markSending,
  nextDueAt,
  OUTBOX_LIMIT,
  type OutboxReport,
  type OutboxState,
  REMEMBER_SETTLED_MS,
  readOutbox,
  recover,
  STALE_IN_FLIGHT_MS,
  settle,
} from './outbox';

const T0 = 1_700_000_000_000;
const MID = 0.5; // no jitter
const event = sampleEvent();
const key = (channelId: string, eventId = event.id) => ({ eventId, channelId });
const retry = (why = 'HTTP 500', afterMs?: number): DeliveryOutcome =>
  afterMs === undefined ? { type: 'retry', why } : { type: 'retry', afterMs, why };
/** What storage hands back: a JSON round trip, so nothing survives that would not survive a restart. */
const persist = (state: OutboxState): OutboxState => JSON.parse(JSON.stringify(state));
const queued = (channels = ['a', 'b']) => enqueue(EMPTY_OUTBOX, event, channels, T0).state;

describe('enqueue', () => {
  it('queues one delivery per channel, due at once', () => {
    const state = queued();
    expect(state.pending).toEqual([
      { eventId: 'evt-1', channelId: 'a', event, attempts: 0, firstQueuedAt: T0, nextAttemptAt: T0 },
      { eventId: 'evt-1', channelId: 'b', event, attempts: 0, firstQueuedAt: T0, nextAttemptAt: T0 },
    ]);
    expect(due(state, T0).map((d) => d.channelId)).toEqual(['a', 'b']);
    expect(nextDueAt(state)).toBe(T0);
    expect(nextDueAt(EMPTY_OUTBOX)).toBeUndefined();
  });

  it('is idempotent on event id and channel id, while pending and after settling', () => {
    let state = queued();
    const again = enqueue(state, sampleEvent({ title: 'changed' }), ['a', 'b', 'b'], T0 + 1000);
    expect(again.state.pending).toEqual(state.pending);
    expect(again.reports).toEqual([]);

    state = markSending(state, key('a'), T0);
    state = settle(state, key('a'), { type: 'delivered' }, T0 + 500).state;
    state = enqueue(state, event, ['a', 'b', 'c'], T0 + 1000).state;
    expect(state.pending.map((d) => d.channelId)).toEqual(['b', 'c']);
  });

  it('forgets settled deliveries after a day, and remembers a bounded number', () => {
    let state = queued(['a']);
    state = settle(markSending(state, key('a'), T0), key('a'), { type: 'delivered' }, T0).state;
    expect(enqueue(state, event, ['a'], T0 + REMEMBER_SETTLED_MS - 1).state.pending).toHaveLength(0);
    expect(enqueue(state, event, ['a'], T0 + REMEMBER_SETTLED_MS + 1).state.pending).toHaveLength(1);
  });

  it(`keeps at most ${OUTBOX_LIMIT} deliveries, reporting the oldest it drops`, () => {
    let state = EMPTY_OUTBOX;
    for (let i = 0; i < OUTBOX_LIMIT; i++) state = enqueue(state, sampleEvent({ id: `e${i}` }), ['a'], T0 + i).state;
    const step = enqueue(state, sampleEvent({ id: 'newest' }), ['a', 'b'], T0 + OUTBOX_LIMIT);
    expect(step.state.pending).toHaveLength(OUTBOX_LIMIT);
    expect(step.reports).toEqual([
      { type: 'lost', reason: 'outbox-full', why: `more than ${OUTBOX_LIMIT} deliveries waiting`, eventId: 'e0', channelId: 'a' },
      { type: 'lost', reason: 'outbox-full', why: `more than ${OUTBOX_LIMIT} deliveries waiting`, eventId: 'e1', channelId: 'a' },
    ]);
    expect(step.state.pending.slice(-2).map((d) => d.eventId)).toEqual(['newest', 'newest']);
    // A dropped delivery is not queued again by a repeat of its event.
    expect(enqueue(step.state, sampleEvent({ id: 'e0' }), ['a'], T0 + OUTBOX_LIMIT + 1).state.pending).toHaveLength(OUTBOX_LIMIT);
  });
});

describe('sending and settling', () => {
  it('marks a send before it starts, so it is not sent twice by the same worker', () => {
    const state = markSending(queued(), key('a'), T0 + 10);
    expect(state.pending[0]).toMatchObject({ attempts: 1, inFlightSince: T0 + 10 });
    expect(due(state, T0 + 10).map((d) => d.channelId)).toEqual(['b']);
    expect(nextDueAt(markSending(state, key('b'), T0 + 10))).toBe(T0 + 10 + STALE_IN_FLIGHT_MS);
  });

  it('removes a delivered one, reporting how many attempts it took', () => {
    const step = settle(markSending(queued(), key('a'), T0), key('a'), { type: 'delivered' }, T0 + 300);
    expect(step.reports).toEqual([{ type: 'delivered', attempts: 1, eventId: 'evt-1', channelId: 'a' }]);
    expect(step.state.pending.map((d) => d.channelId)).toEqual(['b']);
    expect(step.state.settled).toEqual([{ eventId: 'evt-1', channelId: 'a', at: T0 + 300 }]);
  });

  it('removes a broken one and reports it, so the caller flags the channel; other events keep their turn', () => {
    let state = enqueue(queued(['a']), sampleEvent({ id: 'evt-2' }), ['a'], T0 + 1).state;
    const outcome = telegramSender.classify(
      400,
      new Headers(),
      '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}',
      T0,
    );
    const step = settle(markSending(state, key('a'), T0), key('a'), outcome, T0 + 200);
    expect(step.reports).toEqual([{ type: 'broken', why: 'HTTP 400: Bad Request: chat not found', eventId: 'evt-1', channelId: 'a' }]);
    state = step.state;
    expect(due(state, T0 + 200).map((d) => d.eventId)).toEqual(['evt-2']);
  });

  it('ignores an answer for a delivery no longer pending', () => {
    const state = dropChannel(markSending(queued(), key('a'), T0), 'a', 'channel removed', T0).state;
    expect(settle(state, key('a'), { type: 'delivered' }, T0 + 1)).toEqual({ state, reports: [] });
  });

  it('drops every delivery to a removed channel, reported', () => {
    const state = enqueue(queued(), sampleEvent({ id: 'evt-2' }), ['a'], T0).state;
    const step = dropChannel(state, 'a', 'channel removed', T0 + 5);
    expect(step.state.pending.map((d) => d.channelId)).toEqual(['b']);
    expect(step.reports).toEqual([
      { type: 'lost', reason: 'dropped', why: 'channel removed', eventId: 'evt-1', channelId: 'a' },
      { type: 'lost', reason: 'dropped', why: 'channel removed', eventId: 'evt-2', channelId: 'a' },
    ]);
  });
});

describe('retries', () => {
  it('back off 15 s, 30 s, 1 min … capped at 5 min, jittered by at most ±20 %', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => backoffMs(n, MID))).toEqual([15, 30, 60, 120, 240, 300, 300].map((s) => s * 1000));
    expect(backoffMs(1, 0)).toBe(12_000);
    expect(backoffMs(1, 0.999_999)).toBe(18_000);
    expect(backoffMs(20, 0)).toBe(240_000);
  });

  it('reschedule after a failure and clear the in-flight mark', () => {
    const step = settle(markSending(queued(), key('a'), T0), key('a'), retry('HTTP 502'), T0 + 1000, MID);
    expect(step.reports).toEqual([]);
    expect(step.state.pending[0]).toEqual({ ...queued().pending[0], attempts: 1, nextAttemptAt: T0 + 16_000, lastWhy: 'HTTP 502' });
    expect(due(step.state, T0 + 15_999).map((d) => d.channelId)).toEqual(['b']);
    expect(due(step.state, T0 + 16_000).map((d) => d.channelId)).toEqual(['b', 'a']);
  });

  it("honour each service's 429 shape when it asks for longer than the backoff", () => {
    const nextAttemptFor = (outcome: DeliveryOutcome) =>
      settle(markSending(queued(), key('a'), T0), key('a'), outcome, T0, MID).state.pending[0]?.nextAttemptAt;
    const telegram429 = telegramSender.classify(
      429,
      new Headers(),
      '{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 33","parameters":{"retry_after":33}}',
      T0,
    );
    expect(nextAttemptFor(telegram429)).toBe(T0 + 33_000);
    const discord429 = discordSender.classify(
      429,
      new Headers(),
      '{"message":"You are being rate limited.","retry_after":64.57,"global":false}',
      T0,
    );
    expect(nextAttemptFor(discord429)).toBe(T0 + 64_570);
    const slackDate = slackSender.classify(429, new Headers({ 'Retry-After': new Date(T0 + 120_000).toUTCString() }), 'rate_limited', T0);
    expect(nextAttemptFor(slackDate)).toBe(T0 + 120_000);
    // A shorter wait than the backoff: the backoff still applies, so a service cannot make us hammer it.
    const short = discordSender.classify(429, new Headers(), '{"message":"You are being rate limited.","retry_after":0.3}', T0);
    expect(nextAttemptFor(short)).toBe(T0 + 15_000);
  });

  it('give up one hour after queueing, reported as lost, never silently', () => {
    let state = queued(['a']);
    let now = T0;
    const reports: OutboxReport[] = [];
    const attemptsAt: number[] = [];
    while (state.pending.length) {
      const next = nextDueAt(state) as number;
      now = Math.max(now, next);
      for (const d of due(state, now)) {
        state = markSending(state, d, now);
        attemptsAt.push(now);
        const step = settle(state, d, retry('HTTP 503'), now, MID);
        state = step.state;
        reports.push(...step.reports);
      }
    }
    expect(attemptsAt.at(-1) as number).toBeLessThanOrEqual(T0 + GIVE_UP_AFTER_MS);
    expect(attemptsAt.map((t) => Math.round((t - T0) / 1000))).toEqual([
      0, 15, 45, 105, 225, 465, 765, 1065, 1365, 1665, 1965, 2265, 2565, 2865, 3165, 3465,
    ]);
    expect(reports).toEqual([
      { type: 'lost', reason: 'lost-after-retries', why: '16 attempts in 58 min; last: HTTP 503', eventId: 'evt-1', channelId: 'a' },
    ]);
  });

  it('give up at once when the service asks to wait past the hour', () => {
    const step = settle(markSending(queued(['a']), key('a'), T0), key('a'), retry('HTTP 429', 2 * 3_600_000), T0 + 100, MID);
    expect(step.state.pending).toEqual([]);
    expect(step.reports).toEqual([
      { type: 'lost', reason: 'lost-after-retries', why: '1 attempt in 0 min; last: HTTP 429', eventId: 'evt-1', channelId: 'a' },
    ]);
  });

  it('still try once after the browser was closed for longer than the hour', () => {
    let state = persist(queued(['a']));
    const later = T0 + 2 * GIVE_UP_AFTER_MS;
    state = recover(state, later).state;
    expect(due(state, later)).toHaveLength(1);
    state = markSending(state, key('a'), later);
    expect(settle(state, key('a'), { type: 'delivered' }, later + 100).reports).toMatchObject([{ type: 'delivered' }]);
    expect(settle(state, key('a'), retry(), later + 100).reports).toMatchObject([{ type: 'lost', reason: 'lost-after-retries' }]);
  });
});

describe('restarts', () => {
  it('sends again a delivery the worker was killed in the middle of, reporting the possible duplicate', () => {
    // The worker persisted the mark, started the request and died before the answer was recorded.
    const stored = persist(markSending(queued(), key('a'), T0));
    const step = recover(stored, T0 + 5_000);
    expect(step.reports).toEqual([
      { type: 'resending', why: 'interrupted mid-send; the channel may already have it', eventId: 'evt-1', channelId: 'a' },
    ]);
    expect(due(step.state, T0 + 5_000).map((d) => d.channelId)).toEqual(['a', 'b']);
    expect(step.state.pending[0]).not.toHaveProperty('inFlightSince');
    expect(step.state.pending[0]?.attempts).toBe(1);
  });

  it('sends a delivery whose mark never reached storage, with nothing to report', () => {
    const stored = persist(queued()); // killed before markSending was persisted: the request never started
    const step = recover(stored, T0 + 5_000);
    expect(step.reports).toEqual([]);
    expect(due(step.state, T0 + 5_000)).toHaveLength(2);
  });

  it('keeps a rescheduled delivery waiting across a restart', () => {
    const stored = persist(settle(markSending(queued(['a']), key('a'), T0), key('a'), retry(), T0, MID).state);
    const state = recover(stored, T0 + 1_000).state;
    expect(due(state, T0 + 1_000)).toEqual([]);
    expect(nextDueAt(state)).toBe(T0 + 15_000);
  });

  it('treats a send in flight far longer than any request as lost with its worker', () => {
    const state = markSending(queued(['a']), key('a'), T0);
    expect(due(state, T0 + STALE_IN_FLIGHT_MS - 1)).toEqual([]);
    expect(due(state, T0 + STALE_IN_FLIGHT_MS)).toHaveLength(1);
  });

  it('delivers every event to every channel at least once through repeated kills', () => {
    let stored = persist(enqueue(queued(['a', 'b', 'c']), sampleEvent({ id: 'evt-2' }), ['a', 'c'], T0).state);
    const received = new Map<string, number>();
    let now = T0;
    for (let wake = 0; wake < 10 && stored.pending.length; wake++) {
      let state = recover(stored, now).state;
      for (const [i, d] of due(state, now).entries()) {
        state = markSending(state, d, now);
        stored = persist(state);
        const k = `${d.eventId}/${d.channelId}`;
        received.set(k, (received.get(k) ?? 0) + 1); // the channel has it…
        if ((wake + i) % 3 === 0) break; // …and the worker dies before recording the answer
        state = settle(state, d, { type: 'delivered' }, now).state;
        stored = persist(state);
      }
      now += 1000;
    }
    expect(stored.pending).toEqual([]);
    expect([...received.keys()].sort()).toEqual(['evt-1/a', 'evt-1/b', 'evt-1/c', 'evt-2/a', 'evt-2/c']);
  });
});

describe('readOutbox', () => {
  it('reads back what was stored', () => {
    const state = markSending(settle(markSending(queued(), key('a'), T0), key('a'), retry(), T0, MID).state, key('b'), T0);
    expect(readOutbox(persist(state))).toEqual({ state, repairs: [] });
    expect(readOutbox(undefined)).toEqual({ state: EMPTY_OUTBOX, repairs: [] });
  });

  it('drops what is damaged and says so', () => {
    const good = queued(['a']).pending[0];
    expect(readOutbox('junk')).toEqual({ state: EMPTY_OUTBOX, repairs: ['outbox was not an object; reset'] });
    expect(
      readOutbox({
        pending: [good, { ...good, attempts: -1 }, { ...good, event: { ...event, type: 'bogus' } }, { ...good, eventId: 'other' }, null],
        settled: [{ eventId: 'e', channelId: 'a', at: T0 }, { eventId: 'e' }],
      }),
    ).toEqual({
      state: { pending: [good], settled: [{ eventId: 'e', channelId: 'a', at: T0 }] },
      repairs: ['4 malformed pending deliveries dropped', '1 malformed settled keys dropped'],
    });
    expect(readOutbox({ pending: 'x' }).repairs).toEqual(['outbox pending was not a list; reset']);
  });
});
