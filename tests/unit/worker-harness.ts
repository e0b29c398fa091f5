// Drives the real service worker modules against @webext-core/fake-browser.
import { fakeBrowser } from '@webext-core/fake-browser';
import { expect, vi } from 'vitest';
import { CHECK_ALARM } from '../../src/background/alarm';
import { fakePermissions } from './fake-polyfill';

export const OWN_PAGE = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/src/popup/index.html' };

export const send = (message: unknown, sender: object) =>
  fakeBrowser.runtime.onMessage.trigger(message, sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1], () => undefined);

export const fireAlarm = (name: string) =>
  fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: Date.now() } as Parameters<typeof fakeBrowser.alarms.onAlarm.trigger>[0]);

export const stored = async () => (await fakeBrowser.storage.local.get(null)) as Record<string, any>;

let runCheckFn: (trigger: string) => Promise<void> = async () => undefined;

/** Loads the worker fresh, as the browser does when it starts it, and lets its start-up settle. */
export async function startWorker(): Promise<void> {
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
  await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(CHECK_ALARM)).toBeDefined());
}

export function runCheck(trigger: string): Promise<void> {
  return runCheckFn(trigger);
}

/** Runs a check with fake timers so the confirmation delay passes instantly. */
export async function check(trigger = 'test'): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  const done = runCheckFn(trigger);
  await vi.advanceTimersByTimeAsync(10_000);
  await done;
  vi.useRealTimers();
}
