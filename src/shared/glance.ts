// What a watch's row says at a glance, the same in the popup and the options page: its tone
// (access counted: a site never granted needs the person), its word, and where it sorts.
import { specOf } from '../core/kinds/registry';
import type { WatchRecord } from '../core/stored-schema';
import { type Tone, toneOf } from '../core/tone';
import type { WatchDef } from '../core/watch-def';
import type { Availability, Confirmed, WatchState } from '../core/watch-state';
import type { MessageKey } from './i18n';

/** A watch whose site the extension may not read cannot be checked until the person grants it. */
const lacksAccess = (state: WatchState, access: boolean) => !access || state.latest?.reason === 'no-host-access';

/** The row's tone: `off` when switched off (or all watching is), `attention` without site access. */
export function rowTone(def: Pick<WatchDef, 'enabled'>, state: WatchState, access: boolean, paused = false): Tone {
  if (paused || !def.enabled) return 'off';
  return lacksAccess(state, access) ? 'attention' : toneOf(state);
}

const TONE_WORDS: Record<Tone, MessageKey> = {
  none: 'toneNone',
  open: 'stateOpen',
  queued: 'stateQueued',
  paused: 'statePaused',
  subscribed: 'stateSubscribed',
  attention: 'toneAttention',
  unknown: 'stateUnknown',
  off: 'toneOff',
};

/** The word for what is confirmed, in its kind's terms for the reason that confirmed it ("in stock"). */
export function confirmedWordKey(kind: WatchDef['kind'], confirmed: Pick<Confirmed, 'availability' | 'reason'>): MessageKey {
  const own = specOf(kind).words.stateWords as Record<string, Partial<Record<Availability, MessageKey>>> | undefined;
  return (confirmed.reason && own?.[confirmed.reason]?.[confirmed.availability]) || TONE_WORDS[confirmed.availability];
}

/** The one or two words for a row: "open", "sold out", "needs you", "can't tell", "off". */
export function rowWordKey(def: Pick<WatchDef, 'enabled' | 'kind'>, state: WatchState, access: boolean): MessageKey {
  const tone = rowTone(def, state, access);
  return state.confirmed && state.confirmed.availability === tone ? confirmedWordKey(def.kind, state.confirmed) : TONE_WORDS[tone];
}

/** What needs the person first: open, queued, needs you, can't tell, paused, off (DESIGN.md's popup). */
const RANK: Record<Tone, number> = { open: 0, queued: 1, attention: 2, unknown: 3, none: 3, paused: 4, subscribed: 4, off: 5 };

/** When the row's state last changed: the timeline's last change, else what is known of it. */
export function changedAt(record: WatchRecord): number {
  return record.history.transitions.at(-1)?.at ?? record.state.confirmed?.since ?? record.state.latest?.at ?? 0;
}

/** The popup's order: by rank, then the most recent change first; ties keep the person's list order. */
export function byGlance(records: readonly WatchRecord[], access: (record: WatchRecord) => boolean): WatchRecord[] {
  const keyed = records.map((record, index) => ({
    record,
    index,
    rank: RANK[rowTone(record.def, record.state, access(record))],
    at: changedAt(record),
  }));
  keyed.sort((a, b) => a.rank - b.rank || b.at - a.at || a.index - b.index);
  return keyed.map((k) => k.record);
}
