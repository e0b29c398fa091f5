import type { VerdictKind } from '../core/verdict';
import type { WatchDef } from '../core/watch-def';
import type { WatchState } from '../core/watch-state';
import { type MessageKey, t } from './i18n';

const hostOf = (def: Pick<WatchDef, 'url'>) => new URL(def.url).host;
export const isPlus = (def: Pick<WatchDef, 'kind'>) => def.kind === 'chatgpt-plus';

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
