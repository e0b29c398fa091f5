import type { Tone, WatchTone } from './tone';
import { WATCH_TONES } from './tone';

/**
 * What the toolbar needs about all watches, kept at a constant size so a check reads and writes
 * the same few bytes with 100 watches as with one: counts per tone, a few names to show.
 */
export interface Summary {
  counts: Record<WatchTone, number>;
  /** Up to NAMES_KEPT names of watches confirmed open / needing the user; counts tell how many more. */
  open: string[];
  attention: string[];
  lastCheckAt: number | null;
}

export const NAMES_KEPT = 3;

export const EMPTY_SUMMARY: Summary = {
  counts: { none: 0, open: 0, queued: 0, paused: 0, subscribed: 0, attention: 0, unknown: 0 },
  open: [],
  attention: [],
  lastCheckAt: null,
};

export interface SummaryEntry {
  name: string;
  enabled: boolean;
  tone: WatchTone;
  lastCheckAt: number | null;
}

/** The whole summary from every watch: at start-up and whenever the list of watches changes. */
export function summarize(entries: readonly SummaryEntry[]): Summary {
  const summary = structuredClone(EMPTY_SUMMARY);
  for (const entry of entries) {
    if (!entry.enabled) continue;
    summary.counts[entry.tone] += 1;
    if (entry.tone === 'open' && summary.open.length < NAMES_KEPT) summary.open.push(entry.name);
    if (entry.tone === 'attention' && summary.attention.length < NAMES_KEPT) summary.attention.push(entry.name);
    if (entry.lastCheckAt !== null) summary.lastCheckAt = Math.max(summary.lastCheckAt ?? 0, entry.lastCheckAt);
  }
  return summary;
}

/** One watch's check moved it from `before` to `after`: the summary follows without reading the others. */
export function updateSummary(summary: Summary, name: string, before: WatchTone, after: WatchTone, checkedAt: number): Summary {
  const next: Summary = { ...summary, counts: { ...summary.counts }, lastCheckAt: Math.max(summary.lastCheckAt ?? 0, checkedAt) };
  if (before !== after) {
    next.counts[before] = Math.max(0, next.counts[before] - 1);
    next.counts[after] += 1;
  }
  next.open = follow(summary.open, name, after === 'open');
  next.attention = follow(summary.attention, name, after === 'attention');
  return next;
}

function follow(names: readonly string[], name: string, present: boolean): string[] {
  const without = names.filter((n) => n !== name);
  return present && without.length < NAMES_KEPT ? [...without, name] : without;
}

export const enabledCount = (summary: Summary) => WATCH_TONES.reduce((sum, tone) => sum + summary.counts[tone], 0);

/**
 * The badge's tone over all enabled watches (DESIGN.md): open if any is open, else queued, else needs-user,
 * else can't-tell-with-nothing-confirmed, else paused; quiet otherwise (`subscribed` when the only
 * watch is a subscribed ChatGPT account).
 */
export function aggregateTone(summary: Summary, paused: boolean): Tone {
  if (paused) return 'off';
  const { counts } = summary;
  if (counts.open > 0) return 'open';
  if (counts.queued > 0) return 'queued';
  if (counts.attention > 0) return 'attention';
  if (counts.unknown > 0) return 'unknown';
  if (counts.paused > 0) return 'paused';
  if (counts.subscribed === 1 && enabledCount(summary) === 1) return 'subscribed';
  return 'none';
}
