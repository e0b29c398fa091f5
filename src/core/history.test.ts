import { describe, expect, it } from 'vitest';
import { reading } from '../../tests/unit/readings';
import { EMPTY_HISTORY, MAX_TRANSITIONS, recordCheck, segmentsBetween } from './history';
import type { VerdictKind } from './verdict';
import { INITIAL_WATCH, type WatchState } from './watch-state';

const stateAfter = (kind: VerdictKind, at: number, availability: 'open' | 'paused' | null): WatchState => ({
  ...INITIAL_WATCH,
  latest: reading(kind, at),
  confirmed: availability ? { availability, since: at, at } : null,
});

describe('recordCheck', () => {
  it('adds a transition only when the timeline state changes', () => {
    let h = EMPTY_HISTORY;
    h = recordCheck(h, [reading('paused', 1)], stateAfter('paused', 1, 'paused'), 1);
    h = recordCheck(h, [reading('paused', 2)], stateAfter('paused', 2, 'paused'), 2);
    h = recordCheck(h, [reading('error', 3)], stateAfter('error', 3, 'paused'), 3);
    h = recordCheck(h, [reading('open', 4), reading('open', 5)], stateAfter('open', 5, 'open'), 5);
    expect(h.transitions).toEqual([
      { at: 1, state: 'paused' },
      { at: 3, state: 'unknown' },
      { at: 5, state: 'open' },
    ]);
    expect(h.days).toEqual([{ day: '1970-01-01', checks: 5, open: 2, paused: 2, failed: 1 }]);
  });

  it('stays bounded: a year of 30-second checks that flap every hour', () => {
    let h = EMPTY_HISTORY;
    const start = Date.UTC(2026, 0, 1);
    // Fed an hour (120 checks) at a time: the same counts and transitions, a hundredth of the calls.
    for (let hour = 0; hour < 365 * 24; hour++) {
      const kind = hour % 2 === 0 ? 'open' : 'paused';
      const at = start + hour * 3_600_000;
      const readings = Array.from({ length: 120 }, (_, i) => reading(kind, at + i * 30_000));
      h = recordCheck(h, readings, stateAfter(kind, at, kind), at);
    }
    expect(h.transitions.length).toBe(MAX_TRANSITIONS);
    expect(h.days.length).toBe(365);
    expect(h.days.every((d) => d.checks === 2880)).toBe(true);
    expect(JSON.stringify(h).length).toBeLessThan(256 * 1024);
  });
});

describe('segmentsBetween', () => {
  it('cuts transitions into segments clipped to the window', () => {
    const transitions = [
      { at: 0, state: 'paused' as const },
      { at: 50, state: 'open' as const },
      { at: 80, state: 'unknown' as const },
    ];
    expect(segmentsBetween(transitions, 20, 100)).toEqual([
      { from: 20, to: 50, state: 'paused' },
      { from: 50, to: 80, state: 'open' },
      { from: 80, to: 100, state: 'unknown' },
    ]);
    expect(segmentsBetween(transitions, 90, 100)).toEqual([{ from: 90, to: 100, state: 'unknown' }]);
  });
});
