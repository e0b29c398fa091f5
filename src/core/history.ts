import type { Verdict } from './verdict';
import type { WatchState } from './watch-state';

/** What the timeline shows for a stretch of time. */
export type TimelineState = 'open' | 'queued' | 'paused' | 'subscribed' | 'unknown';

export interface Transition {
  at: number;
  state: TimelineState;
}

export interface DayCounts {
  /** The local calendar day of the browser, YYYY-MM-DD. */
  day: string;
  checks: number;
  open: number;
  paused: number;
  failed: number;
}

/** Transitions plus per-day counts: bounded, so a year of 30-second checks stays small. */
export interface History {
  transitions: Transition[];
  /** Oldest first; a list, not a map, so recording a check copies it cheaply. */
  days: DayCounts[];
}

export const MAX_TRANSITIONS = 500;
export const MAX_DAYS = 400;

export const EMPTY_HISTORY: History = { transitions: [], days: [] };

/** The timeline reading after a check: confirmed availability when the check was good, else unknown. */
export function timelineStateOf(state: WatchState): TimelineState {
  const kind = state.latest?.kind;
  if (kind === 'subscribed') return 'subscribed';
  if (kind === 'queued') return 'queued';
  if (kind === 'open' || kind === 'paused') return state.confirmed?.availability ?? 'unknown';
  return 'unknown';
}

export function recordCheck(history: History, readings: readonly Verdict[], state: WatchState, now: number): History {
  const days = history.days.slice();
  for (const reading of readings) {
    const day = dayKey(reading.at);
    const last = days.at(-1);
    // Readings arrive in time order, so a day is either the newest one or a new one.
    const counts = last?.day === day ? { ...last } : { day, checks: 0, open: 0, paused: 0, failed: 0 };
    counts.checks += 1;
    if (reading.kind === 'open') counts.open += 1;
    // A queue is not yet a way to order: the day counts it with the pauses (the timeline shows it apart).
    else if (reading.kind === 'paused' || reading.kind === 'queued') counts.paused += 1;
    else if (reading.kind !== 'subscribed') counts.failed += 1;
    if (last?.day === day) days[days.length - 1] = counts;
    else days.push(counts);
  }
  const current = timelineStateOf(state);
  const transitions =
    history.transitions.at(-1)?.state === current ? history.transitions : [...history.transitions, { at: now, state: current }];
  return { transitions: transitions.slice(-MAX_TRANSITIONS), days: days.slice(-MAX_DAYS) };
}

/** The local calendar day: "today" must roll over at the user's midnight (08:00 UTC in China), not UTC's. */
export function dayKey(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface Segment {
  from: number;
  to: number;
  state: TimelineState;
}

/** Cuts the transitions into segments covering [start, end], for the popup's chart. */
export function segmentsBetween(transitions: readonly Transition[], start: number, end: number): Segment[] {
  const segments: Segment[] = [];
  transitions.forEach((t, i) => {
    const to = Math.min(end, transitions[i + 1]?.at ?? end);
    const from = Math.max(start, t.at);
    if (to > from) segments.push({ from, to, state: t.state });
  });
  return segments;
}
