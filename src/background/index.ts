import browser from 'webextension-polyfill';
import { CHATGPT_ORIGIN } from '../core/plus-probe';
import { needsUser } from '../core/verdict';
import { log } from '../shared/log';
import { loadAndRepair } from '../shared/storage';
import { CHECK_ALARM, ensureAlarm } from './alarm';
import { runCheck } from './check-runner';
import { registerMessages } from './messages';
import { registerNotificationClicks } from './notifier';
import { renderToolbar } from './toolbar';

// Listeners are registered synchronously at top level so events that woke the worker are delivered.
const report = (what: string) => (error: unknown) => log.warn(`${what} failed`, { error: String(error) });

browser.runtime.onInstalled.addListener(({ reason }) => {
  void runCheck(`installed:${reason}`).catch(report('install check'));
});

browser.runtime.onStartup.addListener(() => {
  // Catch up after the browser was closed or the machine slept.
  void runCheck('startup').catch(report('startup check'));
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === CHECK_ALARM) void runCheck('alarm').catch(report('scheduled check'));
});

browser.permissions.onAdded.addListener(({ origins }) => {
  // Access to chatgpt.com was just granted (Firefox): check at once instead of at the next alarm.
  if (origins?.some((o) => o.startsWith(CHATGPT_ORIGIN))) void runCheck('access-granted').catch(report('access check'));
});

browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
  // tab.url is only visible for chatgpt.com (host permission); a visit there may have fixed sign-in.
  if (change.status !== 'complete' || !tab.url?.startsWith(`${CHATGPT_ORIGIN}/`)) return;
  void loadAndRepair()
    .then((stored) => {
      const latest = stored.watch.latest;
      if (latest && needsUser(latest.kind) && Date.now() - latest.at > 10_000) return runCheck('chatgpt-tab');
    })
    .catch(report('tab check'));
});

registerMessages();
registerNotificationClicks();

// Every worker start: make sure a check is scheduled, and re-apply the badge (it does not survive a
// browser restart).
void loadAndRepair()
  .then(async (stored) => {
    await ensureAlarm(stored.watch.nextCheckAt, Date.now());
    await renderToolbar(stored.watch, Date.now());
  })
  .catch(report('worker start'));
