import { describe, expect, it } from 'vitest';
import { reading } from '../../tests/unit/readings';
import type { VerdictKind } from './verdict';
import { INITIAL_WATCH, type WatchState } from './watch-state';
import { type AlertPolicy, applyReadings, needsConfirmation } from './watch-transitions';

const MIN = 60_000;
const HOUR = 60 * MIN;
const POLICY: AlertPolicy = { reopenCooldownMs: 30 * MIN, cantCheckAfterMs: 6 * HOUR, notificationsEnabled: true };

/** Plays checks through the state machine the way the worker does, confirming first opens. */
function play(steps: Array<VerdictKind | [VerdictKind, VerdictKind]>, start: WatchState = INITIAL_WATCH, policy = POLICY, every = 2 * MIN) {
  let state = start;
  const alerts: Array<{ at: number; type: string }> = [];
  steps.forEach((step, i) => {
    const at = (i + 1) * every;
    const kinds = Array.isArray(step) ? step : [step];
    const readings = kinds.map((k, j) => reading(k, at + j * 4000));
    const result = applyReadings(state, readings, at + 5000, policy);
    state = result.state;
    for (const e of result.effects) alerts.push({ at, type: e.type });
  });
  return { state, alerts, reopenAlerts: alerts.filter((a) => a.type === 'alert-reopened').length };
}

describe('confirmation before a reopening counts', () => {
  it('asks for confirmation on a first open, not on an already-confirmed open', () => {
    expect(needsConfirmation(INITIAL_WATCH, reading('open', 0))).toBe(true);
    expect(needsConfirmation(INITIAL_WATCH, reading('paused', 0))).toBe(false);
    const open = play([['open', 'open']]).state;
    expect(needsConfirmation(open, reading('open', 0))).toBe(false);
  });

  it('two consecutive opens after paused confirm the reopening: exactly one alert', () => {
    const { state, reopenAlerts } = play(['paused', 'paused', ['open', 'open'], 'open', 'open']);
    expect(state.confirmed?.availability).toBe('open');
    expect(reopenAlerts).toBe(1);
  });

  it('a lone open followed by paused is not a reopening', () => {
    const { state, reopenAlerts } = play(['paused', ['open', 'paused'], 'paused']);
    expect(state.confirmed?.availability).toBe('paused');
    expect(reopenAlerts).toBe(0);
  });

  it('an unconfirmed single open reading leaves the confirmed state alone', () => {
    const { state, reopenAlerts } = play(['paused', 'open']);
    expect(state.confirmed?.availability).toBe('paused');
    expect(state.latest?.kind).toBe('open');
    expect(reopenAlerts).toBe(0);
  });

  it('open at the very first check after install alerts once', () => {
    expect(play([['open', 'open'], 'open']).reopenAlerts).toBe(1);
  });

  it('an open confirmation that fails with an error confirms nothing', () => {
    const { state, reopenAlerts } = play(['paused', ['open', 'error']]);
    expect(state.confirmed?.availability).toBe('paused');
    expect(reopenAlerts).toBe(0);
  });
});

describe('anti-flap', () => {
  it('no second alert without a confirmed pause in between', () => {
    expect(play(['paused', ['open', 'open'], 'error', 'signed-out', 'open', 'open']).reopenAlerts).toBe(1);
  });

  it('no second alert within the cool-down, even after a pause; one after it', () => {
    const flaps = play(
      ['paused', ['open', 'open'], 'paused', ['open', 'open'], 'paused', ['open', 'open']],
      INITIAL_WATCH,
      POLICY,
      2 * MIN,
    );
    expect(flaps.reopenAlerts).toBe(1);
    const later = play(['paused', ['open', 'open'], 'paused', ['open', 'open']], INITIAL_WATCH, POLICY, 40 * MIN);
    expect(later.reopenAlerts).toBe(2);
  });

  it('a reopening confirmed during the cool-down alerts once the cool-down ends, if still open', () => {
    const steps: Array<VerdictKind | [VerdictKind, VerdictKind]> = ['paused', ['open', 'open'], 'paused', ['open', 'open']];
    for (let i = 0; i < 20; i++) steps.push('open');
    const { alerts } = play(steps, INITIAL_WATCH, POLICY, 2 * MIN);
    expect(alerts.filter((a) => a.type === 'alert-reopened').map((a) => a.at)).toEqual([4 * MIN, 34 * MIN]);
  });

  it('with notifications off, no alert is raised but the state is still confirmed', () => {
    const { state, reopenAlerts } = play(['paused', ['open', 'open']], INITIAL_WATCH, { ...POLICY, notificationsEnabled: false });
    expect(reopenAlerts).toBe(0);
    expect(state.confirmed?.availability).toBe('open');
  });

  it('a subscribed account never gets a reopening alert', () => {
    expect(play(['paused', 'subscribed', 'subscribed']).reopenAlerts).toBe(0);
  });
});

describe('what is known survives what is not', () => {
  it('failures keep the last confirmed availability and its since', () => {
    const { state } = play(['paused', 'paused', 'error', 'blocked', 'rate-limited', 'signed-out']);
    expect(state.confirmed).toMatchObject({ availability: 'paused', since: 2 * MIN + 5000, at: 4 * MIN + 5000 });
    expect(state.latest?.kind).toBe('signed-out');
    expect(state.lastGoodCheckAt).toBe(4 * MIN + 5000);
  });

  it('counts consecutive errors for backoff and resets on a good check', () => {
    expect(play(['error', 'rate-limited', 'error']).state.failureStreak).toBe(3);
    expect(play(['error', 'rate-limited', 'paused']).state.failureStreak).toBe(0);
    expect(play(['error', 'signed-out']).state.failureStreak).toBe(1);
  });
});

describe('the "can\'t check" alert', () => {
  const failing = (kind: VerdictKind, hours: number) => Array.from({ length: hours * 6 + 1 }, () => kind);

  it('fires exactly once after six hours of signed-out', () => {
    const { alerts } = play(['paused', ...failing('signed-out', 8)], INITIAL_WATCH, POLICY, 10 * MIN);
    expect(alerts.filter((a) => a.type === 'alert-cant-check')).toHaveLength(1);
  });

  it('does not fire for a short blip, and is cleared by a good check', () => {
    const blip = play(['paused', ...failing('blocked', 2), 'paused'], INITIAL_WATCH, POLICY, 10 * MIN);
    expect(blip.alerts).toEqual([]);
    const long = play(['paused', ...failing('blocked', 7), 'paused'], INITIAL_WATCH, POLICY, 10 * MIN);
    expect(long.alerts.map((a) => a.type)).toEqual(['alert-cant-check', 'clear-cant-check']);
    expect(long.state.cantCheckAlerted).toBe(false);
  });

  it('counts from the first failure, also when nothing ever succeeded', () => {
    const { alerts, state } = play(failing('error', 7), INITIAL_WATCH, POLICY, 10 * MIN);
    expect(alerts.map((a) => a.type)).toEqual(['alert-cant-check']);
    expect(state.failingSince).toBe(10 * MIN);
  });
});

describe('alertsRaised (the channels’ event ids follow it)', () => {
  it('counts every alert raised, reopened and can’t-check, and nothing else', () => {
    const { state, alerts } = play(
      ['paused', ['open', 'open'], 'open', 'paused', 'paused', ['open', 'open']],
      INITIAL_WATCH,
      POLICY,
      20 * MIN,
    );
    expect(alerts.filter((a) => a.type === 'alert-reopened')).toHaveLength(2);
    expect(state.alertsRaised).toBe(2);
    const failing = play(
      Array.from({ length: 8 }, () => 'error' as const),
      INITIAL_WATCH,
      POLICY,
      HOUR,
    ).state;
    expect(failing.alertsRaised).toBe(1);
  });

  it('counts none when notifications are off (no alert is raised)', () => {
    expect(play(['paused', ['open', 'open']], INITIAL_WATCH, { ...POLICY, notificationsEnabled: false }).state.alertsRaised).toBe(0);
  });
});

describe('a queue in front of a paused watch', () => {
  const queueAlerts = (alerts: Array<{ type: string }>) => alerts.filter((a) => a.type === 'alert-queued').length;

  it('paused → queued raises one queue alert, and queued → open is one reopening as usual', () => {
    const { state, alerts, reopenAlerts } = play(['paused', 'queued', 'queued', 'queued', ['open', 'open'], 'open']);
    expect(queueAlerts(alerts)).toBe(1);
    expect(reopenAlerts).toBe(1);
    expect(alerts.map((a) => a.type)).toEqual(['alert-queued', 'alert-reopened']);
    expect(state.confirmed?.availability).toBe('open');
  });

  it('a queue is neither open nor a failure: nothing confirmed changes, no backoff, no "can\'t check"', () => {
    const { state } = play(['paused', 'queued']);
    expect(state.confirmed?.availability).toBe('paused');
    expect(state.failureStreak).toBe(0);
    expect(state.failingSince).toBeNull();
    expect(needsConfirmation(state, reading('open', 0))).toBe(true);
    const long = play(['paused', ...Array<VerdictKind>(300).fill('queued')], INITIAL_WATCH, POLICY, 2 * MIN);
    expect(long.alerts.map((a) => a.type)).toEqual(['alert-queued']);
  });

  it('a queue that flaps raises one alert per 30 minutes, not one per flap', () => {
    const flaps = play(['paused', 'queued', 'paused', 'queued', 'paused', 'queued'], INITIAL_WATCH, POLICY, 5 * MIN);
    expect(queueAlerts(flaps.alerts)).toBe(1);
    const later = play(['paused', 'queued', 'paused', 'paused', 'queued'], INITIAL_WATCH, POLICY, 10 * MIN);
    expect(queueAlerts(later.alerts)).toBe(2);
  });

  it('no queue alert without a confirmed pause before it, or with notifications off', () => {
    expect(queueAlerts(play(['queued', 'queued']).alerts)).toBe(0);
    expect(queueAlerts(play(['paused', 'queued'], INITIAL_WATCH, { ...POLICY, notificationsEnabled: false }).alerts)).toBe(0);
    // Open, then a queue: the product was orderable; a queue in front of it now is not news to alert.
    expect(queueAlerts(play([['open', 'open'], 'queued']).alerts)).toBe(0);
  });

  it('counts the queue alert among the alerts raised (its channel event id)', () => {
    const { state } = play(['paused', 'queued', ['open', 'open']]);
    expect(state.alertsRaised).toBe(2);
  });
});
