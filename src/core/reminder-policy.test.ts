import { describe, expect, it } from 'vitest';
import { CHATGPT_WATCH } from './kinds/chatgpt-plus/built-in';
import { REMIND_FOR_MS, reminderDecision } from './reminder-policy';
import { DEFAULT_SETTINGS, type Settings } from './stored-fields';
import { INITIAL_WATCH, type WatchState } from './watch-state';

const ALERT_AT = 1_000_000;
const MIN = 60_000;
const openState: WatchState = {
  ...INITIAL_WATCH,
  confirmed: { availability: 'open', since: ALERT_AT, at: ALERT_AT },
  alertArmed: false,
  lastReopenAlertAt: ALERT_AT,
};
const settings: Settings = { ...DEFAULT_SETTINGS, remindUntilAct: true };
const watch = (over: { settings?: Partial<Settings>; state?: Partial<WatchState>; def?: object } = {}) => ({
  settings: { ...settings, ...over.settings },
  def: { ...CHATGPT_WATCH, ...over.def },
  state: { ...openState, ...over.state },
});

describe('reminderDecision', () => {
  it('reminds every 5 minutes for an hour after the reopening alert: 12 reminders, the 60-minute one last', () => {
    const times = Array.from({ length: 12 }, (_, i) => ALERT_AT + (i + 1) * 5 * MIN);
    const decisions = times.map((at) => reminderDecision(watch(), at));
    expect(decisions.map((d) => d.remind && d.minutes)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    expect(decisions.map((d) => d.remind && d.last)).toEqual([...Array(11).fill(false), true]);
    expect(reminderDecision(watch(), ALERT_AT + REMIND_FOR_MS + 5 * MIN)).toEqual({ remind: false, why: 'hour-over' });
  });

  it('still counts a reminder that fires a little late', () => {
    expect(reminderDecision(watch(), ALERT_AT + 61 * MIN)).toEqual({ remind: true, minutes: 61, last: true });
    expect(reminderDecision(watch(), ALERT_AT + 11 * MIN)).toMatchObject({ remind: true, last: false });
  });

  it('stops for a removed or switched-off watch, when reminders or notifications are off, and when it is no longer open', () => {
    const at = ALERT_AT + 5 * MIN;
    expect(reminderDecision(null, at)).toEqual({ remind: false, why: 'watch-removed' });
    expect(reminderDecision(watch({ settings: { remindUntilAct: false } }), at)).toEqual({ remind: false, why: 'reminders-off' });
    expect(reminderDecision(watch({ settings: { notificationsEnabled: false } }), at)).toEqual({ remind: false, why: 'notifications-off' });
    expect(reminderDecision(watch({ def: { notify: false } }), at)).toEqual({ remind: false, why: 'notifications-off' });
    expect(reminderDecision(watch({ def: { enabled: false } }), at)).toEqual({ remind: false, why: 'watch-off' });
    expect(reminderDecision(watch({ settings: { paused: true } }), at)).toEqual({ remind: false, why: 'watch-off' });
    const paused = { confirmed: { availability: 'paused' as const, since: at, at } };
    expect(reminderDecision(watch({ state: paused }), at)).toEqual({ remind: false, why: 'not-open' });
    const subscribed = {
      latest: {
        kind: 'subscribed' as const,
        reason: 'subscribed' as never,
        status: 200,
        at,
        durationMs: 1,
        bytes: 1,
        requests: 2,
        evidence: '',
      },
    };
    expect(reminderDecision(watch({ state: subscribed }), at)).toEqual({ remind: false, why: 'not-open' });
    expect(reminderDecision(watch({ state: { lastReopenAlertAt: null } }), at)).toEqual({ remind: false, why: 'hour-over' });
  });
});
