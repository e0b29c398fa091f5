import browser from 'webextension-polyfill';
import { targetUrl, type WatchDef } from '../core/watch-def';
import { CANT_CHECK_AFTER_MS, type Effect } from '../core/watch-state';
import { t } from '../shared/i18n';
import { log } from '../shared/log';
import { loadForCheck } from './store';

const REOPENED = 'reopened:';
const CANT_CHECK = 'cant-check:';

/**
 * Chrome keeps a `requireInteraction` notification on screen until dismissed (a reopening can be
 * short, it must not slip away); Firefox rejects the option, so its build leaves it out.
 */
export const REQUIRE_INTERACTION = import.meta.env.MODE !== 'firefox';

/** Notification ids name the watch, so each watch has its own and a click knows where to go. */
export const reopenedId = (watchId: string) => `${REOPENED}${watchId}`;
export const cantCheckId = (watchId: string) => `${CANT_CHECK}${watchId}`;

export async function carryOut(effect: Effect, watch: WatchDef): Promise<void> {
  const plus = watch.kind === 'chatgpt-plus';
  if (effect.type === 'alert-reopened') {
    // "Again" only when a pause was seen: the first check after install may simply find it open.
    const title = plus
      ? t(effect.again ? 'notifyReopenedTitle' : 'notifyOpenTitle')
      : t(effect.again ? 'notifyWatchReopenedTitle' : 'notifyWatchOpenTitle', watch.name);
    const body = plus ? t(effect.again ? 'notifyReopenedBody' : 'notifyOpenBody') : t('notifyWatchOpenBody', new URL(watch.url).host);
    await show(reopenedId(watch.id), title, body);
  } else if (effect.type === 'alert-cant-check') {
    const hours = Math.round(CANT_CHECK_AFTER_MS / 3_600_000);
    const title = plus ? t('notifyCantCheckTitle') : t('notifyWatchCantCheckTitle', watch.name);
    const body = plus ? t('notifyCantCheckBody', hours) : t('notifyWatchCantCheckBody', hours);
    await show(cantCheckId(watch.id), title, body);
  } else {
    await browser.notifications.clear(cantCheckId(watch.id));
  }
}

async function show(id: string, title: string, message: string): Promise<void> {
  const options = { type: 'basic' as const, iconUrl: browser.runtime.getURL('icons/icon-128.png'), title, message, priority: 2 };
  await browser.notifications.create(id, REQUIRE_INTERACTION ? ({ ...options, requireInteraction: true } as typeof options) : options);
  log.info('notification shown', { id });
}

export function registerNotificationClicks(): void {
  browser.notifications.onClicked.addListener((id) => {
    const watchId = id.startsWith(REOPENED) ? id.slice(REOPENED.length) : id.startsWith(CANT_CHECK) ? id.slice(CANT_CHECK.length) : null;
    if (!watchId) return;
    void browser.notifications.clear(id);
    void loadForCheck(watchId).then((loaded) => {
      if (loaded) void browser.tabs.create({ url: targetUrl(loaded.record.def) });
    });
  });
}
