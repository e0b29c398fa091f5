import browser, { type Tabs } from 'webextension-polyfill';
import { BUILT_IN_WATCHES } from '../core/kinds/built-ins';
import type { Stored } from '../core/stored-schema';
import { needsUser } from '../core/verdict';
import { accessPattern } from '../shared/host-access';
import { log } from '../shared/log';
import { registerChannelChanges } from './channel-changes';
import { runCheck } from './check-runner';
import { registerMessages } from './messages';
import { registerNotificationClicks } from './notifier';
import { OUTBOX_ALARM, recoverOutbox, sendDue } from './outbox-sender';
import { clearRenderLeftovers } from './page-reader';
import { remindAgain } from './reminders';
import { parseAlarm, reconcileAlarms, reminderOf, SWEEP_ALARM, sweepSoon } from './scheduler';
import { renderToolbarFor } from './toolbar';
import { loadAll, loadForCheck } from './worker-storage';

// Listeners are registered synchronously at top level so events that woke the worker are delivered.
const report = (what: string) => (error: unknown) => log.warn(`${what} failed`, { error: String(error) });

/** Work that needs every watch: migrate, repair, redraw the badge, make alarms match. */
async function resync(): Promise<Stored> {
  const stored = await loadAll();
  const now = Date.now();
  await renderToolbarFor(stored, now);
  await reconcileAlarms(stored, now);
  return stored;
}

async function startUp(trigger: string): Promise<void> {
  void recoverOutbox(); // channels (issue 9): sends a dead worker left marked in flight go again; never throws
  try {
    const stored = await resync();
    log.info('started', { trigger, watches: stored.watchIds.length });
  } catch (error) {
    // Storage unreadable for a moment: the sweep does it all again soon, so no watch is left without an alarm.
    await sweepSoon().catch(report('retry after start-up'));
    throw error;
  }
}

browser.runtime.onInstalled.addListener(({ reason }) => {
  // A first install checks the built-in watches at once; an update keeps every watch's schedule. (An
  // unpacked extension loaded from the command line gets "install" at every browser start.)
  void startUp(`installed:${reason}`)
    .then(async () => {
      if (reason !== 'install') return;
      // A first install opens the welcome page (src/welcome/): the first watch is one step from there.
      void browser.tabs.create({ url: browser.runtime.getURL('src/welcome/index.html') }).catch(report('opening the welcome page'));
      for (const { id } of BUILT_IN_WATCHES) {
        const loaded = await loadForCheck(id);
        if (loaded?.record.def.enabled && !loaded.record.state.latest) await runCheck(id, 'installed');
      }
    })
    .catch(report('install'));
});

browser.runtime.onStartup.addListener(() => {
  // The badge does not survive a browser restart; overdue watches are due at once (catch-up).
  void startUp('startup').catch(report('startup'));
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === OUTBOX_ALARM) {
    void sendDue(); // channels (issue 9): retries and interrupted sends; never throws
    return;
  }
  if (alarm.name === SWEEP_ALARM) {
    // A worker killed mid-render left its frame's header rule and reader registered: taken back here.
    void clearRenderLeftovers().catch(report('clearing rendering leftovers'));
    void resync().catch((error: unknown) => {
      report('alarm sweep')(error);
      return sweepSoon().catch(report('retry after the sweep'));
    });
    return;
  }
  const reminded = reminderOf(alarm.name);
  if (reminded !== null) {
    void remindAgain(reminded).catch(report('reminder'));
    return;
  }
  const parsed = parseAlarm(alarm.name);
  if (parsed) void runCheck(parsed.id, parsed.trigger).catch(report('scheduled check'));
});

browser.permissions.onAdded.addListener(({ origins }) => {
  // Access was just granted (Firefox asks at runtime): check the watches that were waiting for it.
  if (!origins?.length) return;
  void loadAll()
    .then(async (stored) => {
      for (const id of stored.watchIds) {
        const record = stored.watches[id];
        if (!record?.def.enabled || record.state.latest?.reason !== 'no-host-access') continue;
        if (origins.includes(accessPattern(record.def))) await runCheck(id, 'access-granted');
      }
    })
    .catch(report('access check'));
});

/**
 * A finished visit to a built-in watch's site (its host is the manifest's, so its tabs' addresses
 * are visible) may have fixed sign-in or passed a challenge: check again.
 */
function onTabUpdated(_tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab): void {
  // Cheap test first: on Chrome this runs for every tab update (tab.url is visible only for those sites).
  if (change.status !== 'complete' || !tab.url) return;
  const url = tab.url;
  const watch = BUILT_IN_WATCHES.find((w) => url.startsWith(w.url));
  if (!watch) return;
  void loadForCheck(watch.id)
    .then((loaded) => {
      const latest = loaded?.record.state.latest;
      if (!loaded || loaded.settings.paused || !loaded.record.def.enabled) return;
      if (!latest || !needsUser(latest.kind) || Date.now() - latest.at < 10_000) return;
      return runCheck(watch.id, 'site-tab');
    })
    .catch(report('tab check'));
}

if (import.meta.env.MODE === 'firefox') {
  // Firefox filters before waking the event page, so ordinary browsing costs nothing. Chrome has
  // no such filter for tabs.onUpdated (only with the webNavigation permission, not worth its warning).
  browser.tabs.onUpdated.addListener(onTabUpdated, { urls: BUILT_IN_WATCHES.map((w) => `${w.url}*`), properties: ['status'] });
} else {
  browser.tabs.onUpdated.addListener(onTabUpdated);
}

registerMessages();
registerChannelChanges();
registerNotificationClicks();
