import browser from 'webextension-polyfill';
import { alertNotificationId, alertOfNotification } from '../core/alert-kinds';
import { targetUrl } from '../core/kinds/registry';
import type { Settings } from '../core/stored-fields';
import type { WatchDef } from '../core/watch-def';
import type { Effect } from '../core/watch-transitions';
import { cantCheckWords, queuedWords, reminderWords, reopenedWords } from '../shared/alert-words';
import { t } from '../shared/i18n';
import { log } from '../shared/log';
import { notificationsBlocked } from '../shared/notification-permission';
import { playChime } from './chime';
import { armReminder, noteActed, stopReminder } from './scheduler';
import { loadForCheck } from './worker-storage';

/** One id: a second test replaces the first instead of piling up. */
export const TEST_ID = 'test';

/**
 * Chrome keeps a `requireInteraction` notification on screen until dismissed (a reopening can be
 * short, it must not slip away); Firefox rejects the option, so its build leaves it out.
 */
export const REQUIRE_INTERACTION = import.meta.env.MODE !== 'firefox';

export async function carryOut(effect: Effect, watch: WatchDef, settings: Settings): Promise<void> {
  if (effect.type === 'alert-reopened') {
    const { title, body } = reopenedWords(watch, effect.again, effect.reason);
    // The queue it opened behind is over: its "join it now" would only mislead now.
    await browser.notifications.clear(alertNotificationId('queued', watch.id));
    await show(alertNotificationId('reopened', watch.id), title, body);
    if (settings.sound) await playChime();
    if (settings.remindUntilAct) await armReminder(watch.id);
  } else if (effect.type === 'alert-queued') {
    const { title, body } = queuedWords(watch);
    await show(alertNotificationId('queued', watch.id), title, body);
    if (settings.sound) await playChime();
  } else if (effect.type === 'alert-cant-check') {
    const { title, body } = cantCheckWords(watch);
    await show(alertNotificationId('cant-check', watch.id), title, body);
  } else {
    await browser.notifications.clear(alertNotificationId('cant-check', watch.id));
  }
}

/** The reopening alert once more, under the same id (so a click still goes there): a reminder, not a new reopening. */
export async function remindReopened(watch: WatchDef, minutes: number, sound: boolean): Promise<void> {
  const { title, body } = reminderWords(watch, minutes);
  await show(alertNotificationId('reopened', watch.id), title, body);
  if (sound) await playChime();
}

/** "Send test notification": shown, or blocked (the browser says notifications are denied, or refuses to create one). */
export async function showTest(): Promise<'shown' | 'blocked'> {
  if (await notificationsBlocked()) return 'blocked';
  try {
    await show(TEST_ID, t('notifyTestTitle'), t('notifyTestBody'));
    return 'shown';
  } catch (error) {
    log.warn('test notification refused', { error: String(error) });
    return 'blocked';
  }
}

async function show(id: string, title: string, message: string): Promise<void> {
  const options = { type: 'basic' as const, iconUrl: browser.runtime.getURL('icons/icon-128.png'), title, message, priority: 2 };
  await browser.notifications.create(id, REQUIRE_INTERACTION ? ({ ...options, requireInteraction: true } as typeof options) : options);
  log.info('notification shown', { id });
}

export function registerNotificationClicks(): void {
  browser.notifications.onClicked.addListener((id) => {
    if (id === TEST_ID) void browser.notifications.clear(id);
    const alert = alertOfNotification(id);
    if (!alert) return;
    const { watchId } = alert;
    void browser.notifications.clear(id);
    // The user acted on the reopening: no more reminders of it.
    if (alert.kind === 'reopened') void stopReminder(watchId).then(() => noteActed(watchId, Date.now()));
    void loadForCheck(watchId)
      .then((loaded) => (loaded ? browser.tabs.create({ url: targetUrl(loaded.record.def) }) : undefined))
      .catch((error: unknown) => log.warn('alert click not followed', { watchId, error: String(error) }));
  });
}
