// Every alert's words, in one place: the desktop notification, its reminder, and the phone/chat
// message say the same thing about the same watch. Titles name the watch, bodies its site.
import type { AlertKind } from '../core/alert-kinds';
import type { WatchDef } from '../core/watch-def';
import { CANT_CHECK_AFTER_MS } from '../core/watch-state';
import { formatTime, t } from './i18n';
import { wordsOf } from './kind-words';

export interface AlertWords {
  title: string;
  body: string;
}

type Watch = Pick<WatchDef, 'kind' | 'name' | 'url'>;
const hostOf = (watch: Watch) => new URL(watch.url).host;
const CANT_CHECK_HOURS = Math.round(CANT_CHECK_AFTER_MS / 3_600_000);

/** The reopening's title, in the kind's words for why it reopened ("RTX 5090 is back in stock"). */
function reopenedTitle(watch: Watch, again: boolean, reason: string | undefined): string {
  const words = wordsOf(watch.kind);
  const own = reason ? words.reopenedTitles?.[reason] : undefined;
  if (own) return t(again ? own.again : own.open, watch.name);
  return t(again ? words.reopenedTitle : words.openTitle, watch.name);
}

/** It reopened; "again" only when a pause was seen (the first check after install may simply find it open). */
export function reopenedWords(watch: Watch, again: boolean, reason?: string): AlertWords {
  const words = wordsOf(watch.kind);
  return { title: reopenedTitle(watch, again, reason), body: t(again ? words.reopenedBody : words.openBody, hostOf(watch)) };
}

/** A waiting room opened in front of a paused watch. */
export function queuedWords(watch: Watch): AlertWords {
  const words = wordsOf(watch.kind);
  return { title: t(words.queuedTitle, watch.name), body: t(words.queuedBody, hostOf(watch)) };
}

export function cantCheckWords(watch: Watch): AlertWords {
  const words = wordsOf(watch.kind);
  return { title: t(words.cantCheckTitle, watch.name), body: t(words.cantCheckBody, CANT_CHECK_HOURS) };
}

/** The reopening alert again, `minutes` after it was first shown: a reminder, not a new reopening. */
export function reminderWords(watch: Watch, minutes: number): AlertWords {
  return { title: t(wordsOf(watch.kind).openTitle, watch.name), body: t('notifyReminderBody', minutes) };
}

/** A phone or chat message: it says when, since it may be read later; its link's button says where it leads. */
export function channelWords(watch: Watch, kind: AlertKind, at: number, reason?: string): AlertWords & { linkLabel: string } {
  const words = wordsOf(watch.kind);
  const linkLabel = t(words.targetAction);
  if (kind === 'reopened') return { title: reopenedTitle(watch, false, reason), body: t('channelReopenedBody', formatTime(at)), linkLabel };
  if (kind === 'queued') return { title: t(words.queuedTitle, watch.name), body: t('channelQueuedBody', formatTime(at)), linkLabel };
  return { title: t(words.cantCheckTitle, watch.name), body: t('channelCantCheckBody', CANT_CHECK_HOURS), linkLabel };
}
