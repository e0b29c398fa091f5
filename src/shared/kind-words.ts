import { specOf, type WatchKind } from '../core/kinds/registry';
import type { KindWords } from '../core/kinds/spec';
import type { MessageKey } from './i18n';

/**
 * A kind's words as message keys (src/core/kinds/specs.test.ts proves each exists in both locales).
 * Every key takes the same arguments for every kind: titles the watch's name, bodies and
 * headlines its host; a key that needs fewer ignores the rest.
 */
export const wordsOf = (kind: WatchKind): KindWords<MessageKey> => specOf(kind).words as KindWords<MessageKey>;
