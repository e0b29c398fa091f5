import { describe, expect, it } from 'vitest';
import { reading } from '../../tests/unit/readings';
import { clampInterval, DEFAULT_INTERVAL_MS, MAX_BACKOFF_MS, MIN_INTERVAL_MS, nextDelayMs } from './schedule';
import type { VerdictKind } from './verdict';

const v = (kind: VerdictKind, retryAfterMs?: number) => reading(kind, 0, { retryAfterMs });
const MID = 0.5; // no jitter

describe('nextDelayMs', () => {
  it('uses the interval after a good check, jittered by at most ±15 %', () => {
    expect(nextDelayMs(v('paused'), 0, DEFAULT_INTERVAL_MS, MID)).toBe(DEFAULT_INTERVAL_MS);
    expect(nextDelayMs(v('paused'), 0, DEFAULT_INTERVAL_MS, 0)).toBe(DEFAULT_INTERVAL_MS * 0.85);
    expect(nextDelayMs(v('paused'), 0, DEFAULT_INTERVAL_MS, 0.999999)).toBeCloseTo(DEFAULT_INTERVAL_MS * 1.15, -2);
  });

  it('spreads delays across the jitter range', () => {
    const delays = Array.from({ length: 200 }, (_, i) => nextDelayMs(v('open'), 0, 600_000, i / 200));
    expect(Math.min(...delays)).toBe(510_000);
    expect(Math.max(...delays)).toBeGreaterThan(688_000);
  });

  it('backs off exponentially on errors and rate limits, capped at 30 minutes', () => {
    const steps = [1, 2, 3, 4, 5, 8].map((streak) => nextDelayMs(v('error'), streak, DEFAULT_INTERVAL_MS, MID));
    expect(steps).toEqual([4, 8, 16, 30, 30, 30].map((m) => m * 60_000));
    expect(nextDelayMs(v('rate-limited'), 1, 30_000, MID)).toBe(60_000);
    expect(nextDelayMs(v('error'), 20, 60 * 60_000, MID)).toBe(MAX_BACKOFF_MS);
  });

  it('honours Retry-After even beyond the backoff cap, within reason', () => {
    expect(nextDelayMs(v('rate-limited', 45 * 60_000), 1, DEFAULT_INTERVAL_MS, MID)).toBe(45 * 60_000);
    expect(nextDelayMs(v('rate-limited', 5_000), 1, DEFAULT_INTERVAL_MS, MID)).toBe(4 * 60_000);
    expect(nextDelayMs(v('error', 100 * 3_600_000), 1, DEFAULT_INTERVAL_MS, MID)).toBe(6 * 3_600_000);
  });

  it('slows down while the user must act', () => {
    expect(nextDelayMs(v('signed-out'), 0, 30_000, MID)).toBe(10 * 60_000);
    expect(nextDelayMs(v('blocked'), 0, 60 * 60_000, MID)).toBe(60 * 60_000);
  });

  it('never goes below 30 seconds, the store minimum', () => {
    expect(nextDelayMs(v('open'), 0, 1, 0)).toBe(MIN_INTERVAL_MS);
    expect(nextDelayMs(null, 0, 30_000, 0)).toBe(MIN_INTERVAL_MS);
  });

  it('clamps intervals to 30 s – 60 min', () => {
    expect(clampInterval(5)).toBe(MIN_INTERVAL_MS);
    expect(clampInterval(10 * 3_600_000)).toBe(3_600_000);
    expect(clampInterval(Number.NaN)).toBe(DEFAULT_INTERVAL_MS);
  });
});
