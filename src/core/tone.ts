import type { WatchState } from './watch-state';

/** The one visual state of a watch that badge, tooltip and popup colour derive from. */
export const WATCH_TONES = ['none', 'open', 'queued', 'paused', 'subscribed', 'attention', 'unknown'] as const;
export type WatchTone = (typeof WATCH_TONES)[number];
/** The toolbar's tone adds `off`: the user switched watching off. */
export type Tone = WatchTone | 'off';

export function toneOf(state: WatchState): WatchTone {
  const latest = state.latest;
  if (!latest) return 'none';
  if (latest.kind === 'subscribed') return 'subscribed';
  // A waiting room in front of the page: the person can join it now. A confirmed open stays open
  // (DESIGN.md: OPEN if any watch is confirmed open).
  if (latest.kind === 'queued') return state.confirmed?.availability === 'open' ? 'open' : 'queued';
  if (latest.kind === 'signed-out' || latest.kind === 'blocked') return 'attention';
  // open/paused readings and passing failures both show what is confirmed, if anything is.
  return state.confirmed?.availability ?? 'unknown';
}
