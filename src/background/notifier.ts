import browser from 'webextension-polyfill';
import { CHATGPT_ORIGIN, PRICING_URL } from '../core/plus-probe';
import { CANT_CHECK_AFTER_MS, type Effect } from '../core/watch-state';
import { t } from '../shared/i18n';
import { log } from '../shared/log';

const REOPENED_ID = 'reopened';
const CANT_CHECK_ID = 'cant-check';

/** Where a click on each notification takes the user. */
const CLICK_TARGETS: Record<string, string> = {
  [REOPENED_ID]: PRICING_URL,
  [CANT_CHECK_ID]: `${CHATGPT_ORIGIN}/`,
};

export async function carryOut(effect: Effect): Promise<void> {
  if (effect.type === 'alert-reopened') {
    // "Again" only when a pause was seen: the first check after install may simply find it open.
    if (effect.again) await show(REOPENED_ID, t('notifyReopenedTitle'), t('notifyReopenedBody'));
    else await show(REOPENED_ID, t('notifyOpenTitle'), t('notifyOpenBody'));
  } else if (effect.type === 'alert-cant-check') {
    await show(CANT_CHECK_ID, t('notifyCantCheckTitle'), t('notifyCantCheckBody', Math.round(CANT_CHECK_AFTER_MS / 3_600_000)));
  } else {
    await browser.notifications.clear(CANT_CHECK_ID);
  }
}

/**
 * Chrome keeps a `requireInteraction` notification on screen until dismissed (a reopening can be
 * short, it must not slip away); Firefox rejects the option, so its build leaves it out.
 */
export const REQUIRE_INTERACTION = import.meta.env.MODE !== 'firefox';

async function show(id: string, title: string, message: string): Promise<void> {
  const options = { type: 'basic' as const, iconUrl: browser.runtime.getURL('icons/icon-128.png'), title, message, priority: 2 };
  await browser.notifications.create(id, REQUIRE_INTERACTION ? ({ ...options, requireInteraction: true } as typeof options) : options);
  log.info('notification shown', { id });
}

export function registerNotificationClicks(): void {
  browser.notifications.onClicked.addListener((id) => {
    const url = CLICK_TARGETS[id];
    if (!url) return;
    void browser.tabs.create({ url });
    void browser.notifications.clear(id);
  });
}
