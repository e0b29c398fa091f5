// The toolbar's badge and tooltip over every watch (the service worker's only text).

import type { Settings } from '../core/stored-fields';
import type { WatchRecord } from '../core/stored-schema';
import { aggregateTone, enabledCount, type Summary } from '../core/summary';
import type { Tone } from '../core/tone';
import { isGoodCheck } from '../core/verdict';
import type { WatchDef } from '../core/watch-def';
import type { WatchState } from '../core/watch-state';
import { headline } from './headline';
import { formatList, formatRelative, formatTime, joinSentences, type MessageKey, t, tPlural } from './i18n';
import { wordsOf } from './kind-words';

export const TONE_COLORS: Record<Tone, string> = {
  none: '#6b7280',
  off: '#6b7280',
  open: '#15803d',
  queued: '#1d4ed8',
  paused: '#b91c1c',
  subscribed: '#6d28d9',
  attention: '#c2410c',
  unknown: '#6b7280',
};

const BADGE_TEXT: Record<Tone, MessageKey | ''> = {
  none: '',
  off: 'badgeOff',
  open: 'badgeOpen',
  queued: 'badgeQueued',
  paused: 'badgeWait',
  subscribed: 'badgeSubscribed',
  attention: '',
  unknown: '',
};

export function badgeText(tone: Tone): string {
  if (tone === 'attention') return '!';
  if (tone === 'unknown') return '?';
  const key = BADGE_TEXT[tone];
  return key ? t(key) : '';
}

/** The toolbar's tone for the given summary and settings. */
export const toolbarTone = (summary: Summary, settings: Pick<Settings, 'paused'>): Tone => aggregateTone(summary, settings.paused);

/**
 * The toolbar tooltip, in full sentences with check times. One watch: its own detailed sentence.
 * Several: what is open, who needs the user, how many are paused or can't tell, the last check.
 */
export function tooltip(summary: Summary, settings: Pick<Settings, 'paused'>, detail: WatchRecord | null, now: number): string {
  if (settings.paused) return t('titleWatchingOffAll');
  if (detail?.def.enabled && enabledCount(summary) === 1) return watchTooltip(detail.def, detail.state, now);
  const { counts } = summary;
  const parts: string[] = [];
  const names = (list: string[], total: number) =>
    total > list.length ? t('namesAndMore', formatList(list), total - list.length) : formatList(list);
  if (counts.open > 0) parts.push(t('titleSomeOpen', names(summary.open, counts.open)));
  if (counts.queued > 0) parts.push(tPlural('titleQueuedCount', counts.queued));
  if (counts.attention > 0) parts.push(t('titleSomeNeedYou', names(summary.attention, counts.attention)));
  if (counts.paused > 0) parts.push(tPlural('titlePausedCount', counts.paused));
  if (counts.unknown > 0) parts.push(tPlural('titleUnknownCount', counts.unknown));
  if (parts.length === 0 && summary.lastCheckAt === null) return t('titleNoneAll');
  if (summary.lastCheckAt !== null) parts.push(t('titleLastCheckAll', formatTime(summary.lastCheckAt)));
  return joinSentences(parts);
}

function watchTooltip(def: WatchDef, state: WatchState, now: number): string {
  const latest = state.latest;
  const words = wordsOf(def.kind);
  if (!latest) return t(words.toolbarNone, def.name);
  const time = formatTime(latest.at);
  // A built-in watch's headlines name it already; other watches are named first (their words say which).
  let sentence = t(words.toolbarTitle, def.name, headline(def, state), time);
  if (!isGoodCheck(latest.kind) && state.confirmed) {
    sentence = joinSentences([
      sentence,
      t('titleLastKnown', availabilityWord(state.confirmed.availability), formatRelative(state.confirmed.at, now)),
    ]);
  }
  return sentence;
}

function availabilityWord(availability: 'open' | 'paused'): string {
  return t(availability === 'open' ? 'stateOpen' : 'statePaused');
}
