// Drives the real service worker modules against @webext-core/fake-browser.
import { fakeBrowser } from '@webext-core/fake-browser';
import { expect, vi } from 'vitest';
import { checkAlarm, watchdogAlarm } from '../../src/background/scheduler';
import { CHATGPT_WATCH_ID } from '../../src/core/kinds/chatgpt-plus/built-in';
import { KEYS } from '../../src/core/storage-keys';
import { fakePermissions } from './fake-polyfill';

export const OWN_VIEW = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/src/popup/index.html' };
export const PLUS = CHATGPT_WATCH_ID;
export const CHECK_ALARM = checkAlarm(PLUS);
export const WATCHDOG_ALARM = watchdogAlarm(PLUS);

export const send = (message: unknown, sender: object) =>
  fakeBrowser.runtime.onMessage.trigger(message, sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1], () => undefined);

/** Sets the built-in watch's interval, as the popup does. */
export const setInterval = (intervalMs: number) =>
  send({ type: 'update-watch', watchId: PLUS, changes: { intervalMinutes: intervalMs / 60_000 } }, OWN_VIEW);

export const fireAlarm = (name: string) =>
  fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: Date.now() } as Parameters<typeof fakeBrowser.alarms.onAlarm.trigger>[0]);

/**
 * Everything in storage.local, plus the built-in watch's state, history and definition under the
 * short names 1.x used (`watch`, `history`, `plus`), which most assertions are about.
 */
export const stored = async () => {
  const raw = (await fakeBrowser.storage.local.get(null)) as Record<string, any>;
  return { ...raw, watch: raw[KEYS.state(PLUS)], history: raw[KEYS.history(PLUS)], plus: raw[KEYS.def(PLUS)] } as Record<string, any>;
};

let runCheckFn: (id: string, trigger: string) => Promise<unknown> = async () => undefined;

/** Loads the worker fresh, as the browser does when it starts it, and lets its start-up settle. */
export async function startWorker(options: { install?: boolean; wakeOnly?: boolean } = {}): Promise<void> {
  // The previous worker is gone: its listeners and its memory with it.
  for (const event of [
    fakeBrowser.runtime.onInstalled,
    fakeBrowser.runtime.onStartup,
    fakeBrowser.runtime.onMessage,
    fakeBrowser.alarms.onAlarm,
    fakeBrowser.tabs.onUpdated,
    fakeBrowser.notifications.onClicked,
    fakeBrowser.storage.onChanged,
  ]) {
    (event as unknown as { removeAllListeners(): void }).removeAllListeners();
  }
  fakePermissions.listeners.clear();
  vi.resetModules();
  await import('../../src/background/index');
  ({ runCheck: runCheckFn } = await import('../../src/background/check-runner'));
  // A plain wake (an alarm, a message) runs no start-up work; a browser start or install does.
  if (options.wakeOnly) return;
  if (options.install) await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
  else await fakeBrowser.runtime.onStartup.trigger();
  await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(CHECK_ALARM)).toBeDefined());
}

export function runCheck(trigger: string, id = PLUS): Promise<unknown> {
  return runCheckFn(id, trigger);
}

/** As if minutes had passed since any site was last contacted (the per-origin spacing is in storage.session). */
export const forgetOriginSpacing = () => fakeBrowser.storage.session.clear();

/**
 * Runs a check with fake timers so the confirmation delay passes instantly. Each call stands for a
 * check some minutes after the last, so the per-origin spacing (kept in storage.session) is cleared.
 */
export async function check(trigger = 'test', id = PLUS): Promise<void> {
  await fakeBrowser.storage.session.clear();
  // The clock moves with the timers: a page's confirmation waits out its site's 10 s spacing.
  vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
  const done = runCheckFn(id, trigger);
  await vi.advanceTimersByTimeAsync(30_000);
  await done;
  vi.useRealTimers();
}
