// What saving an edit does to what a watch knows, and when it is checked next. Pure: the worker
// applies the answer inside the watch's queue (src/background/messages.ts).
import { specOf } from './kinds/registry';
import { sameValue } from './same-value';
import { nextDelayMs } from './schedule';
import { intervalMsOf, originOf, readsSame, type WatchDef } from './watch-def';
import { INITIAL_WATCH, type WatchState } from './watch-state';

export interface EditOutcome {
  /** What to write: nothing when the edit changes nothing. */
  patch: { def: WatchDef; state?: WatchState } | null;
  /** The watch's request header must go: it belongs to the origin (over https) it was saved for. */
  dropSecret: boolean;
}

export interface EditContext {
  /** The value type the editor's Test showed (a JSON watch), and whether the user accepted a new one. */
  seen: Partial<Pick<WatchState, 'valueType'>>;
  acceptType: boolean;
  now: number;
  random: number;
}

export function applyEdit(before: { def: WatchDef; state: WatchState }, def: WatchDef, context: EditContext): EditOutcome {
  const { acceptType, now, random } = context;
  // Only a kind whose readings carry value types learns one; from anyone else it is ignored.
  const seen = specOf(def.kind).valueTypes ? context.seen : {};
  const dropSecret =
    specOf(def.kind).secretHeader === true && (originOf(def.url) !== originOf(before.def.url) || !def.url.startsWith('https://'));
  // A different page or rule is a different question: what was confirmed about the old one no longer holds.
  // The count of alerts raised stays: it keeps each alert's event id new (src/core/outbox.ts).
  if (!readsSame(def, before.def)) {
    return { patch: { def, state: { ...INITIAL_WATCH, alertsRaised: before.state.alertsRaised, ...seen } }, dropSecret };
  }
  // A type the watch knows is replaced only when the user accepted the new shape after Test
  // (a plain Save after Test must not turn a changed API into an "open").
  const learns = seen.valueType && seen.valueType !== before.state.valueType && (acceptType || !before.state.valueType);
  let state = learns ? { ...before.state, ...seen } : null;
  if (def.intervalMinutes !== before.def.intervalMinutes) {
    // A new interval counts from the last check, not from whenever the old alarm was due.
    const { latest, failureStreak } = before.state;
    const next = Math.max(now + 1000, (latest?.at ?? now) + nextDelayMs(latest, failureStreak, intervalMsOf(def), random));
    state = { ...(state ?? before.state), nextCheckAt: def.enabled ? next : null };
  }
  // A Save that changes nothing writes nothing (and raises no storage change for the pages).
  if (!state && sameValue(def, before.def)) return { patch: null, dropSecret };
  return { patch: state ? { def, state } : { def }, dropSecret };
}
