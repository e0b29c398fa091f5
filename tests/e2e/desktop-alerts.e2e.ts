// Desktop alerts end to end (issue 9, item 4), on the production build in real headless Chromium:
// "Send test notification" on the options page shows one; with "Play a sound" on, a page watch's
// reopening (the shop simulator) plays the chime in the offscreen document; with "Remind me until I
// act" on, the reminder alarm re-shows the alert and a click stops it; opening the popup stops
// reminders too, and the popup warns about a broken channel with a way to the settings.
//
// Two stand-ins, both inside the extension's own code paths: the reminder alarm is brought forward
// (its 5 minutes are not waited for) by re-creating it in the worker with `when: now`, as Chrome
// would fire it; and the click is `chrome.notifications.onClicked.dispatch(id)` in the worker, which
// runs the listener Chrome runs on a real click (a headless browser has no notification to click).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/core/stored-fields';
import type { WatchState } from '../../src/core/watch-state';
import type { ViewRequest, WorkerResponse } from '../../src/shared/protocol';
import { SHOP_PATHS, type ShopSim, startShopSim } from '../sim/shop/server';
import { type Simulator, startSimulator } from '../sim/simulator';
import { forgetOriginContacts, watchState } from './extension-state';
import { ARTIFACTS, type Extension, launchExtension, waitFor } from './harness';
import { addSites, requestByClick } from './host-grants';

const PRODUCT = `https://shop.example${SHOP_PATHS.product}`;

let chatgpt: Simulator;
let shop: ShopSim;
let ext: Extension;
let options: Page;
let watchId: string;

const toWorker = (request: ViewRequest): Promise<WorkerResponse> =>
  options.evaluate((r) => chrome.runtime.sendMessage(r) as Promise<WorkerResponse>, request);
const inWorker = async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> =>
  (await ext.worker()).evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown);
const settings = async () => ((await ext.storage()).local as { settings: Settings }).settings;
const stateOf = async (id: string) => (await watchState(ext, id)).state as WatchState | undefined;
const reminderAlarm = (id: string) => inWorker((name) => chrome.alarms.get(name), `remind:${id}`);
/** Worker log lines; Playwright may hand one line over more than once, so count distinct ones where it matters. */
const logLines = (text: string) => ext.console.filter((line) => line.includes(text));

/** Access to the shop, as the user's "Site access → Add site" and then the page's own request on a click (DESIGN.md). */
async function allowShop(): Promise<void> {
  await addSites(ext.context, ext.id, ['https://shop.example/*']);
  expect(await requestByClick(options, { origins: ['https://shop.example/*'] })).toBe(true);
}

beforeAll(async () => {
  chatgpt = await startSimulator({ mode: 'paused' });
  shop = await startShopSim();
  ext = await launchExtension({ sim: chatgpt, extraArgs: shop.chromiumArgs({ rules: [`MAP chatgpt.com 127.0.0.1:${chatgpt.port}`] }) });
  options = await ext.context.newPage();
  await options.setViewportSize({ width: 900, height: 1000 });
  await options.goto(`chrome-extension://${ext.id}/src/options/index.html`);
  await options.getByRole('heading', { name: 'Desktop alerts' }).waitFor();
});

afterAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'desktop-alerts-console.txt'), `${ext?.console.join('\n') ?? ''}\n`);
  await ext?.close();
  await shop?.close();
  await chatgpt?.close();
});

describe('desktop alerts in Chromium', () => {
  it('"Send test notification" shows one and says so on the page', async () => {
    await options.getByRole('button', { name: 'Send test notification' }).click();
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Test notification shown.' }).count()).toBe(1);
    expect(await ext.notifications()).toContain('test');
    await inWorker((id) => chrome.notifications.clear(id), 'test');
  });

  it('the sound and reminder switches are saved with the other settings; "Play sound" plays the chime here', async () => {
    expect(await settings()).toMatchObject({ sound: false, remindUntilAct: false });
    await options.getByRole('switch', { name: 'Play a sound with each reopening alert' }).click();
    await options.getByRole('switch', { name: 'Remind me until I act' }).click();
    await waitFor(settings, (s) => s.sound && s.remindUntilAct, 10_000, 'sound and remindUntilAct on in storage');
    await options.getByRole('button', { name: 'Play sound' }).click();
    // No complaint appears: the page's own audio element started.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await options.getByRole('alert').filter({ hasText: 'could not be played' }).count()).toBe(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await options
      .getByRole('region', { name: 'Desktop alerts' })
      .screenshot({ path: join(ARTIFACTS, 'options-desktop-alerts.png') })
      .catch(() => undefined);
  });

  it('a reopening plays the chime in the offscreen document; the reminder re-shows it, a click stops it', async () => {
    await allowShop();
    const added = await toWorker({
      type: 'add-watch',
      watch: {
        name: 'Trailhead 40L Backpack',
        kind: 'page',
        url: PRODUCT,
        rule: { type: 'auto' },
        intervalMinutes: 10,
        notify: true,
        enabled: true,
      },
    });
    expect(added).toMatchObject({ ok: true });
    watchId = added.ok ? (added.watchId as string) : '';
    // Its first check comes from its own alarm a second later: out of stock.
    await waitFor(
      () => stateOf(watchId),
      (s) => s?.confirmed?.availability === 'paused',
      20_000,
      'a first reading: paused',
    );

    shop.set(PRODUCT, 'open');
    await forgetOriginContacts(ext);
    // The check confirms the reopening with a second reading after the site's 10 s spacing.
    expect(await toWorker({ type: 'check-now', watchId })).toMatchObject({ ok: true, verdict: { kind: 'open' } });
    const alert = `reopened:${watchId}`;
    expect(await ext.notifications()).toContain(alert);

    // The chime: the offscreen document (made for reading pages, and for sound) said it started playing.
    await waitFor(
      async () => logLines('chime played').length,
      (n) => n > 0,
      10_000,
      'the worker logging "chime played"',
    );
    expect(await inWorker(() => chrome.offscreen.hasDocument(), null)).toBe(true);
    expect(logLines('chime could not be played')).toEqual([]);

    // One reminder alarm, every 5 minutes.
    const alarm = await reminderAlarm(watchId);
    expect(alarm?.periodInMinutes).toBe(5);
    const alertAt = (await stateOf(watchId))?.lastReopenAlertAt as number;
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(alertAt + 5 * 60_000 - 2_000);

    // The alert is gone from the screen; the reminder, brought forward, shows it again (and chimes again).
    await inWorker((id) => chrome.notifications.clear(id), alert);
    expect(await ext.notifications()).not.toContain(alert);
    const chimes = new Set(logLines('chime played')).size;
    await inWorker((name) => chrome.alarms.create(name, { when: Date.now(), periodInMinutes: 5 }), `remind:${watchId}`);
    await waitFor(ext.notifications, (ids) => ids.includes(alert), 15_000, 'the reopening alert shown again by its reminder');
    await waitFor(
      async () => logLines('reminder shown').length,
      (n) => n > 0,
      5_000,
      'the worker logging "reminder shown"',
    );
    await waitFor(
      async () => logLines('chime played').length,
      (n) => n > chimes,
      10_000,
      'a second chime with the reminder',
    );
    // Not a new reopening: the watch still has the one alert.
    expect((await stateOf(watchId))?.lastReopenAlertAt).toBe(alertAt);
    expect(await reminderAlarm(watchId)).toBeDefined();

    // The user clicks it: the page opens, the alert goes, and so do the reminders.
    const opened = ext.context.waitForEvent('page', { timeout: 10_000 });
    await inWorker((id) => (chrome.notifications.onClicked as unknown as { dispatch(id: string): void }).dispatch(id), alert);
    await (await opened).waitForURL(PRODUCT, { timeout: 10_000 });
    await waitFor(
      () => reminderAlarm(watchId),
      (a) => a === undefined,
      5_000,
      'the reminder alarm cleared by the click',
    );
    expect(await ext.notifications()).not.toContain(alert);
  });

  it('opening the popup stops reminders; it warns about a broken channel and leads to the settings', async () => {
    // A reminder running (as after another reopening), and a channel the worker found broken.
    await inWorker((name) => chrome.alarms.create(name, { delayInMinutes: 5, periodInMinutes: 5 }), `remind:${watchId}`);
    await inWorker(
      () =>
        chrome.storage.local.set({
          channels: [{ id: 'ch-phone', type: 'ntfy', name: 'My phone', enabled: true, topic: 'reopen-watch-e2e' }],
        }),
      null,
    );
    // A new or changed channel starts with a clean slate: the broken mark comes after, as from a failed send.
    await waitFor(
      async () => logLines('channel added').length,
      (n) => n > 0,
      10_000,
      'the worker taking in the new channel',
    );
    await inWorker(
      (at) => chrome.storage.local.set({ channelStatus: { 'ch-phone': { broken: { why: 'HTTP 403: the topic is reserved', at } } } }),
      Date.now(),
    );
    // "Fix in settings" opens the options page, or only focuses it when it is open: closed here to see it open.
    await options.close();
    const popup = await ext.popup();
    await waitFor(
      () => reminderAlarm(watchId),
      (a) => a === undefined,
      10_000,
      'the reminder alarm cleared by opening the popup',
    );
    const warning = popup.getByText('Phone/chat alerts to My phone stopped: HTTP 403: the topic is reserved');
    await warning.waitFor({ timeout: 10_000 });
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-warnings.png') }).catch(() => undefined);
    const settingsPage = ext.context.waitForEvent('page', { timeout: 10_000 });
    await popup.getByRole('button', { name: 'Fix in settings' }).click();
    await (await settingsPage).waitForURL(`chrome-extension://${ext.id}/src/options/index.html`, { timeout: 10_000 });
    await popup.close();
  });
});
