import type { Settings } from '../core/stored-schema';
import { isGoodCheck, type ReasonCode, type VerdictKind } from '../core/verdict';
import type { WatchState } from '../core/watch-state';
import { formatRelative, formatTime, type MessageKey, t } from './i18n';

/** The one visual state everything derives from: badge, tooltip, popup colour. */
export type Tone = 'none' | 'open' | 'paused' | 'subscribed' | 'attention' | 'unknown' | 'off';

export const TONE_COLORS: Record<Tone, string> = {
  none: '#6b7280',
  off: '#6b7280',
  open: '#15803d',
  paused: '#b91c1c',
  subscribed: '#6d28d9',
  attention: '#c2410c',
  unknown: '#6b7280',
};

export function toneOf(state: WatchState): Tone {
  const latest = state.latest;
  if (!latest) return 'none';
  if (latest.kind === 'subscribed') return 'subscribed';
  if (latest.kind === 'signed-out' || latest.kind === 'blocked') return 'attention';
  // open/paused readings and passing failures both show what is confirmed, if anything is.
  return state.confirmed?.availability ?? 'unknown';
}

/** The toolbar's tone: the watch's, unless the user switched watching off. */
export function toolbarTone(state: WatchState, settings: Pick<Settings, 'paused'>): Tone {
  return settings.paused ? 'off' : toneOf(state);
}

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

const HEADLINES: Record<VerdictKind, MessageKey> = {
  open: 'headlineOpen',
  paused: 'headlinePaused',
  subscribed: 'headlineSubscribed',
  'signed-out': 'headlineSignedOut',
  blocked: 'headlineBlocked',
  'rate-limited': 'headlineRateLimited',
  error: 'headlineError',
};

/** The popup's headline: what the latest check says, in words. */
export function headline(state: WatchState): string {
  const kind = state.latest?.kind;
  if (!kind) return t('headlineNone');
  if (state.latest?.reason === 'no-host-access') return t('headlineNoAccess');
  // A lone open reading that failed to confirm is not news; the confirmed state speaks instead.
  if (kind === 'open' && state.confirmed?.availability !== 'open') return t(state.confirmed ? 'headlinePaused' : 'headlineNone');
  return t(HEADLINES[kind]);
}

/** The toolbar tooltip: always a full sentence with the time of the last check. */
export function tooltip(state: WatchState, now: number, settings?: Pick<Settings, 'paused'>): string {
  const latest = state.latest;
  if (settings?.paused) {
    const known = state.confirmed
      ? ` ${t('titleLastKnown', availabilityWord(state.confirmed.availability), formatRelative(state.confirmed.at, now))}`
      : '';
    return t('titleWatchingOff') + known;
  }
  if (!latest) return t('titleNone');
  const time = formatTime(latest.at);
  let sentence: string;
  if (latest.reason === 'no-host-access') sentence = t('titleNoAccess', time);
  else if (latest.kind === 'signed-out') sentence = t('titleSignedOut', time);
  else if (latest.kind === 'blocked') sentence = t('titleBlocked', time);
  else if (latest.kind === 'subscribed') sentence = t('titleSubscribed', time);
  else if ((latest.kind === 'open' || latest.kind === 'paused') && state.confirmed) {
    sentence = t(state.confirmed.availability === 'open' ? 'titleOpen' : 'titlePaused', time);
  } else sentence = t('titleFailed', time);
  if (!isGoodCheck(latest.kind) && state.confirmed) {
    sentence += ` ${t('titleLastKnown', availabilityWord(state.confirmed.availability), formatRelative(state.confirmed.at, now))}`;
  }
  return sentence;
}

function availabilityWord(availability: 'open' | 'paused'): string {
  return t(availability === 'open' ? 'stateOpen' : 'statePaused');
}

const REASON_KEYS: Record<ReasonCode, MessageKey> = {
  'pause-flag': 'reasonPauseFlag',
  'unknown-pause-flag': 'reasonUnknownPauseFlag',
  'no-pause-flag': 'reasonNoPauseFlag',
  'active-subscription': 'reasonActiveSubscription',
  'paid-plan': 'reasonPaidPlan',
  'no-access-token': 'reasonNoAccessToken',
  'token-rejected': 'reasonTokenRejected',
  'login-redirect': 'reasonLoginRedirect',
  'challenge-header': 'reasonChallengeHeader',
  'challenge-page': 'reasonChallengePage',
  'http-429': 'reasonHttp429',
  'http-status': 'reasonHttpStatus',
  'not-json': 'reasonNotJson',
  unrecognised: 'reasonUnrecognised',
  network: 'reasonNetwork',
  timeout: 'reasonTimeout',
  'too-large': 'reasonTooLarge',
  'no-host-access': 'reasonNoHostAccess',
};

export function reasonText(reason: ReasonCode): string {
  return t(REASON_KEYS[reason]);
}

/** The one thing the popup offers most prominently in each state. */
export type PrimaryAction = 'resume' | 'grant' | 'upgrade' | 'sign-in' | 'pass-check' | 'check';

export function primaryAction(state: WatchState, settings: Pick<Settings, 'paused'>, hasAccess: boolean): PrimaryAction {
  if (settings.paused) return 'resume';
  const latest = state.latest;
  if (!hasAccess || latest?.reason === 'no-host-access') return 'grant';
  if (latest?.kind === 'open' && state.confirmed?.availability === 'open') return 'upgrade';
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
