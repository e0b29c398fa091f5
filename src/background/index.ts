import browser, { type Tabs } from 'webextension-polyfill';
import { CHATGPT_ORIGIN } from '../core/plus-probe';
import { needsUser } from '../core/verdict';
import { log } from '../shared/log';
import { CHECK_ALARM, ensureAlarm, WATCHDOG_ALARM } from './alarm';
import { runCheck } from './check-runner';
import { registerMessages } from './messages';
import { registerNotificationClicks } from './notifier';
import { current } from './store';
import { renderToolbar } from './toolbar';

// Listeners are registered synchronously at top level so events that woke the worker are delivered.
const report = (what: string) => (error: unknown) => log.warn(`${what} failed`, { error: String(error) });

browser.runtime.onInstalled.addListener(({ reason }) => {
  // Redraw the stored badge first: a check may take 15 s, and an unpacked extension loaded from the
  // command line gets onInstalled (not onStartup) at every browser start.
  void current()
    .then((stored) => renderToolbar(stored, Date.now()))
    .then(() => runCheck(`installed:${reason}`))
    .catch(report('install check'));
});

browser.runtime.onStartup.addListener(() => {
  // The badge does not survive a browser restart; then catch up after the browser was closed.
  void current()
    .then((stored) => renderToolbar(stored, Date.now()))
    .then(() => runCheck('startup'))
    .catch(report('startup check'));
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === CHECK_ALARM) void runCheck('alarm').catch(report('scheduled check'));
  if (alarm.name === WATCHDOG_ALARM) void runCheck('watchdog').catch(report('watchdog check'));
});

browser.permissions.onAdded.addListener(({ origins }) => {
  // Access to chatgpt.com was just granted (Firefox): check at once instead of at the next alarm.
  if (origins?.some((o) => o.startsWith(CHATGPT_ORIGIN))) void runCheck('access-granted').catch(report('access check'));
});

/** A finished visit to chatgpt.com may have fixed sign-in or passed a challenge: check again. */
function onTabUpdated(_tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab): void {
  // Cheap test first: on Chrome this runs for every tab update (tab.url is visible only for chatgpt.com).
  if (change.status !== 'complete' || !tab.url?.startsWith(`${CHATGPT_ORIGIN}/`)) return;
  void current()
    .then((stored) => {
      const latest = stored.watch.latest;
      if (stored.settings.paused || !latest || !needsUser(latest.kind) || Date.now() - latest.at < 10_000) return;
      return runCheck('chatgpt-tab');
    })
    .catch(report('tab check'));
}

if (import.meta.env.MODE === 'firefox') {
  // Firefox filters before waking the event page, so ordinary browsing costs nothing. Chrome has
  // no such filter for tabs.onUpdated (only with the webNavigation permission, not worth its warning).
  browser.tabs.onUpdated.addListener(onTabUpdated, { urls: [`${CHATGPT_ORIGIN}/*`], properties: ['status'] });
} else {
  browser.tabs.onUpdated.addListener(onTabUpdated);
}

registerMessages();
registerNotificationClicks();

// Every worker start: make sure a check is scheduled (no storage read when the alarm exists).
void ensureAlarm(Date.now()).catch(report('worker start'));
