import type { VerdictKind } from '../core/verdict';
import type { WatchDef } from '../core/watch-def';
import type { WatchState } from '../core/watch-state';
import { t } from './i18n';
import { wordsOf } from './kind-words';

const hostOf = (def: Pick<WatchDef, 'url'>) => new URL(def.url).host;

/** A watch's state in words: what its latest check says, with what is confirmed taking precedence. */
export function headline(def: Pick<WatchDef, 'kind' | 'url'>, state: WatchState): string {
  const kind = state.latest?.kind;
  const host = hostOf(def);
  if (!kind) return t('headlineNone');
  const words = wordsOf(def.kind);
  if (state.latest?.reason === 'no-host-access') return t(words.headlineNoAccess, host);
  // A lone open reading that failed to confirm is not news; the confirmed state speaks instead.
  let shown: VerdictKind = kind;
  if (kind === 'open' && state.confirmed?.availability !== 'open') {
    if (!state.confirmed) return t('headlineNone');
    shown = 'paused';
  }
  return t(words.headlines[shown], host);
}
