// Counts the desktop notifications the service worker creates, for the Chromium suites that must
// tell "exactly one alert" from "the same id created twice".
import type { Extension } from './harness';

/** The worker's global while counting; a test that restarts the worker on purpose reads it too. */
export type Counted = typeof globalThis & { alertsCreated?: string[] };

/**
 * Wraps `notifications.create` in the worker's global (the polyfill looks it up at each call).
 * getAll() alone cannot tell one notification from the same id created twice; the worker's log
 * lines arrive through Playwright more than once each, so they cannot count either.
 */
export async function countAlerts(ext: Pick<Extension, 'worker'>): Promise<void> {
  await (await ext.worker()).evaluate(() => {
    const scope = globalThis as Counted;
    if (scope.alertsCreated) return;
    scope.alertsCreated = [];
    const api = chrome.notifications;
    const create = api.create.bind(api) as (...args: unknown[]) => unknown;
    (api as unknown as { create: (...args: unknown[]) => unknown }).create = (...args: unknown[]) => {
      scope.alertsCreated?.push(typeof args[0] === 'string' ? args[0] : '(no id)');
      return create(...args);
    };
  });
}

/** Every notification id created since countAlerts(), in order; fails if the worker was replaced meanwhile. */
export async function alertsCreated(ext: Pick<Extension, 'worker'>): Promise<string[]> {
  const created = await (await ext.worker()).evaluate(() => (globalThis as Counted).alertsCreated ?? null);
  if (created === null) throw new Error('the service worker was restarted unnoticed: its notification count is lost');
  return created;
}
