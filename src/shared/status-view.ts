import type { Settings } from '../core/stored-fields';
import type { WatchRecord } from '../core/stored-schema';
import { aggregateTone, enabledCount, type Summary } from '../core/summary';
import { type Tone, toneOf, type WatchTone } from '../core/tone';
import { isGoodCheck, type ReasonCode, type VerdictKind } from '../core/verdict';
import type { WatchDef } from '../core/watch-def';
import type { WatchState } from '../core/watch-state';
import { formatList, formatRelative, formatTime, type MessageKey, t, tPlural } from './i18n';

export { type Tone, toneOf } from '../core/tone';

export const TONE_COLORS: Record<Tone, string> = {
  none: '#6b7280',
  off: '#6b7280',
  open: '#15803d',
  paused: '#b91c1c',
  subscribed: '#6d28d9',
  attention: '#c2410c',
  unknown: '#6b7280',
};

const BADGE_TEXT: Record<Tone, MessageKey | ''> = {
  none: '',
  off: 'badgeOff',
  open: 'badgeOpen',
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

const hostOf = (def: Pick<WatchDef, 'url'>) => new URL(def.url).host;
const isPlus = (def: Pick<WatchDef, 'kind'>) => def.kind === 'chatgpt-plus';

const PLUS_HEADLINES: Record<VerdictKind, MessageKey> = {
  open: 'headlineOpen',
  paused: 'headlinePaused',
  subscribed: 'headlineSubscribed',
  'signed-out': 'headlineSignedOut',
  blocked: 'headlineBlocked',
  'rate-limited': 'headlineRateLimited',
  error: 'headlineError',
};

const WATCH_HEADLINES: Record<VerdictKind, MessageKey> = {
  open: 'watchHeadlineOpen',
  paused: 'watchHeadlinePaused',
  subscribed: 'watchHeadlineOpen',
  'signed-out': 'watchHeadlineSignedOut',
  blocked: 'watchHeadlineBlocked',
  'rate-limited': 'watchHeadlineRateLimited',
  error: 'watchHeadlineError',
};

/** A watch's state in words: what its latest check says, with what is confirmed taking precedence. */
export function headline(def: Pick<WatchDef, 'kind' | 'url'>, state: WatchState): string {
  const kind = state.latest?.kind;
  const host = hostOf(def);
  if (!kind) return t('headlineNone');
  if (state.latest?.reason === 'no-host-access') return isPlus(def) ? t('headlineNoAccess') : t('watchHeadlineNoAccess', host);
  // A lone open reading that failed to confirm is not news; the confirmed state speaks instead.
  let shown: VerdictKind = kind;
  if (kind === 'open' && state.confirmed?.availability !== 'open') {
    if (!state.confirmed) return t('headlineNone');
    shown = 'paused';
  }
  return isPlus(def) ? t(PLUS_HEADLINES[shown]) : t(WATCH_HEADLINES[shown], host);
}

const TONE_WORDS: Record<WatchTone | 'off', MessageKey> = {
  none: 'toneNone',
  open: 'stateOpen',
  paused: 'statePaused',
  subscribed: 'stateSubscribed',
  attention: 'toneAttention',
  unknown: 'stateUnknown',
  off: 'toneOff',
};

/** The one or two words for a watch's row: "open", "paused", "needs you", "can't tell", "off". */
export function stateWord(def: Pick<WatchDef, 'enabled'>, state: WatchState): string {
  return t(TONE_WORDS[def.enabled ? toneOf(state) : 'off']);
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
  if (counts.attention > 0) parts.push(t('titleSomeNeedYou', names(summary.attention, counts.attention)));
  if (counts.paused > 0) parts.push(tPlural('titlePausedCount', counts.paused));
  if (counts.unknown > 0) parts.push(tPlural('titleUnknownCount', counts.unknown));
  if (parts.length === 0 && summary.lastCheckAt === null) return t('titleNoneAll');
  if (summary.lastCheckAt !== null) parts.push(t('titleLastCheckAll', formatTime(summary.lastCheckAt)));
  return parts.join(' ');
}

function watchTooltip(def: WatchDef, state: WatchState, now: number): string {
  const latest = state.latest;
  if (!latest) return isPlus(def) ? t('titleNone') : t('watchTitleNone', def.name);
  const time = formatTime(latest.at);
  let sentence: string;
  if (isPlus(def)) {
    if (latest.reason === 'no-host-access') sentence = t('titleNoAccess', time);
    else if (latest.kind === 'signed-out') sentence = t('titleSignedOut', time);
    else if (latest.kind === 'blocked') sentence = t('titleBlocked', time);
    else if (latest.kind === 'subscribed') sentence = t('titleSubscribed', time);
    else if ((latest.kind === 'open' || latest.kind === 'paused') && state.confirmed) {
      sentence = t(state.confirmed.availability === 'open' ? 'titleOpen' : 'titlePaused', time);
    } else sentence = t('titleFailed', time);
  } else {
    sentence = t('watchTitle', def.name, headline(def, state), time);
  }
  if (!isGoodCheck(latest.kind) && state.confirmed) {
    sentence += ` ${t('titleLastKnown', availabilityWord(state.confirmed.availability), formatRelative(state.confirmed.at, now))}`;
  }
  return sentence;
}

function availabilityWord(availability: 'open' | 'paused'): string {
  return t(availability === 'open' ? 'stateOpen' : 'statePaused');
}

/** "pause-flag" → "reasonPauseFlag": every reason code has a message under this name (tested). */
export function reasonKey(reason: ReasonCode): MessageKey {
  return `reason${reason.replace(/(^|-)([a-z0-9])/g, (_m, _dash, c: string) => c.toUpperCase())}` as MessageKey;
}

/** Why a watch reads as it does, in words, naming its site. */
export function reasonText(reason: ReasonCode, def: Pick<WatchDef, 'url'>): string {
  return t(reasonKey(reason), hostOf(def));
}

/** The one thing the popup offers most prominently for a watch. */
export type PrimaryAction = 'resume' | 'grant' | 'open-target' | 'sign-in' | 'pass-check' | 'check';

export function primaryAction(state: WatchState, settings: Pick<Settings, 'paused'>, hasAccess: boolean): PrimaryAction {
  if (settings.paused) return 'resume';
  const latest = state.latest;
  if (!hasAccess || latest?.reason === 'no-host-access') return 'grant';
  if (latest?.kind === 'open' && state.confirmed?.availability === 'open') return 'open-target';
  if (latest?.kind === 'signed-out') return 'sign-in';
  if (latest?.kind === 'blocked') return 'pass-check';
  return 'check';
}

/** What a manual check found, as the end of "Checked just now — …". */
export function checkResult(state: WatchState): string {
  const latest = state.latest;
  if (!latest) return t('resultCantTell');
  if (latest.reason === 'no-host-access') return t('resultNoAccess');
  if (latest.kind === 'open') return t(state.confirmed?.availability === 'open' ? 'resultOpen' : 'resultCantTell');
  const keys: Record<Exclude<VerdictKind, 'open'>, MessageKey> = {
    paused: 'resultStillPaused',
    subscribed: 'resultSubscribed',
    'signed-out': 'resultSignIn',
    blocked: 'resultBlocked',
    'rate-limited': 'resultCantTell',
    error: 'resultCantTell',
  };
  return t(keys[latest.kind]);
}
