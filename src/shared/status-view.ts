import { isGoodCheck, type ReasonCode, type VerdictKind } from '../core/verdict';
import type { WatchState } from '../core/watch-state';
import { formatRelative, formatTime, type MessageKey, t } from './i18n';

/** The one visual state everything derives from: badge, tooltip, popup colour. */
export type Tone = 'none' | 'open' | 'paused' | 'subscribed' | 'attention' | 'unknown';

export const TONE_COLORS: Record<Tone, string> = {
  none: '#6b7280',
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

const BADGE_TEXT: Record<Tone, MessageKey | ''> = {
  none: '',
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
export function tooltip(state: WatchState, now: number): string {
  const latest = state.latest;
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
