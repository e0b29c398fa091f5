import { describe, expect, it } from 'vitest';
import type { Transition } from './history';
import { barRects, recentChanges, roundTicks, statesShown } from './timeline';

const MIN = 60_000;
const H = 60 * MIN;
const utc = () => 0;
const china = () => 8 * H;

describe('roundTicks', () => {
  it('puts ticks on round local times, not at arbitrary fractions of the window', () => {
    const start = Date.UTC(2026, 10, 28, 9, 47);
    const ticks = roundTicks(start, start + 24 * H, utc);
    expect(ticks.length).toBeLessThanOrEqual(5);
    for (const tick of ticks) expect(new Date(tick).getUTCMinutes()).toBe(0);
    expect(new Date(ticks[0] as number).getUTCHours() % 6).toBe(0);
  });
  it('rounds in the local time zone (UTC+8: local midnight is 16:00 UTC)', () => {
    const start = Date.UTC(2026, 10, 28, 10, 0);
    const ticks = roundTicks(start, start + 12 * H, china);
    expect(ticks.map((t) => new Date(t + 8 * H).getUTCHours() % 3)).toEqual(ticks.map(() => 0));
  });
  it('uses short steps for a short window', () => {
    const start = Date.UTC(2026, 10, 28, 10, 2);
    expect(roundTicks(start, start + 15 * MIN, utc).map((t) => new Date(t).getUTCMinutes())).toEqual([5, 10, 15]);
  });
});

describe('recentChanges', () => {
  const at = (m: number) => m * MIN;
  it('folds a short can’t-tell blip and merges the states around it', () => {
    const transitions: Transition[] = [
      { at: at(0), state: 'paused' },
      { at: at(100), state: 'unknown' },
      { at: at(104), state: 'paused' },
      { at: at(300), state: 'open' },
    ];
    expect(recentChanges(transitions, 4)).toEqual({
      changes: [
        { at: at(300), state: 'open' },
        { at: at(0), state: 'paused' },
      ],
      folded: 1,
    });
  });
  it('keeps a long outage and the current unknown state', () => {
    const transitions: Transition[] = [
      { at: at(0), state: 'paused' },
      { at: at(10), state: 'unknown' },
      { at: at(200), state: 'paused' },
      { at: at(300), state: 'unknown' },
    ];
    expect(recentChanges(transitions, 10).changes.map((c) => c.state)).toEqual(['unknown', 'paused', 'unknown', 'paused']);
  });
  it('limits the list', () => {
    const transitions: Transition[] = Array.from({ length: 10 }, (_, i) => ({ at: i * H, state: i % 2 ? 'open' : 'paused' }));
    expect(recentChanges(transitions, 4).changes).toHaveLength(4);
  });
});

describe('bar', () => {
  it('a reopening a second ago still shows as a visible green end of the bar', () => {
    const segments = [
      { from: 0, to: 999_000, state: 'paused' as const },
      { from: 999_000, to: 1_000_000, state: 'open' as const },
    ];
    const rects = barRects(segments, 0, 1_000_000, 300);
    const current = rects.at(-1);
    expect(current?.state).toBe('open');
    expect(current?.width).toBeGreaterThanOrEqual(8);
    expect((current?.x ?? 0) + (current?.width ?? 0)).toBeCloseTo(300);
  });
  it('the legend lists only states that occurred', () => {
    expect(statesShown([{ from: 0, to: 1, state: 'paused' }])).toEqual(['paused']);
  });
});
