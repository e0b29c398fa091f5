import type { Segment, TimelineState, Transition } from './history';

const MINUTE = 60_000;
/** Tick steps a reader takes in at a glance; the first giving at most `maxTicks` ticks is used. */
const TICK_STEPS_MS = [5, 10, 15, 30, 60, 120, 180, 360, 720].map((m) => m * MINUTE);

/**
 * Tick times on round local clock times ("14:00", "14:30") within [start, end]. `offsetMs(at)` is
 * the local time zone's offset from UTC at that moment (−Date#getTimezoneOffset in ms).
 */
export function roundTicks(start: number, end: number, offsetMs: (at: number) => number, maxTicks = 5): number[] {
  const step = TICK_STEPS_MS.find((s) => (end - start) / s <= maxTicks) ?? (TICK_STEPS_MS.at(-1) as number);
  const ticks: number[] = [];
  const offset = offsetMs(start);
  for (let local = Math.ceil((start + offset) / step) * step; local - offset <= end; local += step) ticks.push(local - offset);
  return ticks;
}

/** A "can't tell" stretch shorter than this between two checks that agree is noise, not a change. */
export const BLIP_MS = 30 * MINUTE;

export interface Change {
  at: number;
  state: TimelineState;
}

/**
 * The changes worth listing, newest first: short "unknown" blips (a failed check or two) are
 * folded away, and the states around them merge. The current state is always kept.
 */
export function recentChanges(transitions: readonly Transition[], limit: number): { changes: Change[]; folded: number } {
  const kept: Change[] = [];
  let folded = 0;
  transitions.forEach((transition, i) => {
    const next = transitions[i + 1];
    const isBlip = transition.state === 'unknown' && next !== undefined && next.at - transition.at < BLIP_MS;
    if (isBlip) {
      folded += 1;
      return;
    }
    if (kept.at(-1)?.state === transition.state) return; // the blip between them is gone: no change
    kept.push({ at: transition.at, state: transition.state });
  });
  return { changes: kept.slice(-limit).reverse(), folded };
}

/** The states that actually appear in the drawn window, in a fixed order, for the legend. */
export function statesShown(segments: readonly Segment[]): TimelineState[] {
  const order: TimelineState[] = ['open', 'queued', 'paused', 'subscribed', 'unknown'];
  return order.filter((state) => segments.some((s) => s.state === state));
}

/**
 * Bar geometry in [0, width]: every segment at least 1 px and the current (last) one at least
 * `minCurrentPx`, so a state that began a moment ago is still visible at the bar's end.
 */
export function barRects(segments: readonly Segment[], start: number, end: number, width: number, minCurrentPx = 8) {
  const x = (at: number) => ((at - start) / (end - start)) * width;
  return segments.map((segment, i) => {
    const last = i === segments.length - 1;
    let from = x(segment.from);
    const to = x(segment.to);
    if (last) from = Math.min(from, width - minCurrentPx);
    return { state: segment.state, x: from, width: Math.max(1, to - from), key: segment.from };
  });
}
