// What a watch's state says in words, for the popup and the options page.

import type { ReasonCode } from '../core/kinds/registry';
import type { Settings } from '../core/stored-fields';
import type { VerdictKind } from '../core/verdict';
import type { WatchDef } from '../core/watch-def';
import type { WatchState } from '../core/watch-state';
import { type MessageKey, t } from './i18n';

export { toneOf } from '../core/tone';
export { headline } from './headline';

const hostOf = (def: Pick<WatchDef, 'url'>) => new URL(def.url).host;

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
  // A waiting room: joining it early is the point.
  if (latest?.kind === 'queued') return 'open-target';
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
    queued: 'resultQueued',
    subscribed: 'resultSubscribed',
    'signed-out': 'resultSignIn',
    blocked: 'resultBlocked',
    'rate-limited': 'resultCantTell',
    error: 'resultCantTell',
  };
  return t(keys[latest.kind]);
}
