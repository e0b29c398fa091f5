// Conditions in Firefox ESR (dist-firefox/), the same three stories as conditions.e2e.ts: a scalper's
// price stays WAIT and list price reopens once; another size coming back is no alert; a waiting
// room in front of a paused drop is one "queue" alert and badge Q, the product behind it one reopening.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchState } from '../../src/core/watch-state';
import type { ViewRequest, WorkerResponse } from '../../src/shared/protocol';
import { type ShopSim, startShopSim } from '../sim/shop/server';
import { type Simulator, startSimulator } from '../sim/simulator';
import { consolePage, gpuPage, shoePage, waitingRoomPage } from './condition-pages';
import { type FirefoxExtension, launchFirefoxExtension } from './firefox-harness';
import { waitFor } from './harness';
import { requestByClick } from './host-grants';

let chatgpt: Simulator;
let shop: ShopSim;
let ff: FirefoxExtension;
const GPU = 'https://shop.example/products/rtx-5090-fe';
const SHOE = 'https://shop.example/products/trail-runner-gtx';
const DROP = 'https://shop.example/products/console-pro';

type Api = typeof globalThis & { browser: typeof chrome };
const toWorker = (request: ViewRequest) =>
  ff.popup.evaluate((r) => (globalThis as Api).browser.runtime.sendMessage(r) as Promise<WorkerResponse>, request);
const stateOf = async (watchId: string) => (await ff.storage())[`state:${watchId}`] as WatchState | undefined;
const alertsFor = async (id: string) => (await ff.notificationsRaised()).filter((n) => n.endsWith(`:${id}`));
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

/** As if the 10 s per-origin gap had passed (src/background/origin-gate.ts keeps contacts in storage.session). */
async function checkNow(id: string) {
  await ff.popup.evaluate(async () => {
    const session = (globalThis as Api).browser.storage.session;
    await session.remove(Object.keys(await session.get(null)).filter((key) => key.startsWith('origin:')));
  });
  const answer = await toWorker({ type: 'check-now', watchId: id });
  expect(answer).toMatchObject({ ok: true });
  return (answer as { verdict: NonNullable<WatchState['latest']> }).verdict;
}

async function addWatch(name: string, url: string, rule: Record<string, unknown>): Promise<string> {
  const answer = await toWorker({
    type: 'add-watch',
    watch: { name, kind: 'page', url, rule: { type: 'auto', ...rule }, intervalMinutes: 10 },
  });
  expect(answer, `add ${name}`).toMatchObject({ ok: true });
  return (answer as { watchId: string }).watchId;
}

beforeAll(async () => {
  chatgpt = await startSimulator({ mode: 'paused' });
  shop = await startShopSim();
  ff = await launchFirefoxExtension(chatgpt, {
    routes: () => shop.proxyRoutes(),
    prefs: { 'extensions.webextOptionalPermissionPrompts': false },
  });
  expect(await toWorker({ type: 'update-watch', watchId: 'chatgpt-plus', changes: { enabled: false } })).toEqual({ ok: true });
  expect(await requestByClick(ff.popup, { origins: ['https://shop.example/*'] })).toBe(true);
});

afterAll(async () => {
  await ff?.close();
  await shop?.close();
  await chatgpt?.close();
});

describe('conditions in Firefox ESR', () => {
  it('a scalper’s price stays WAIT with no alert; list price reopens with exactly one', async () => {
    shop.set(GPU, gpuPage('OutOfStock', '1999.00'));
    const id = await addWatch('RTX 5090 FE', GPU, { maxPrice: 1999, currency: 'USD' });
    expect(await checkNow(id)).toMatchObject({ kind: 'paused', reason: 'structured-data' });
    shop.set(GPU, gpuPage('InStock', '2899.00'));
    expect(await checkNow(id)).toMatchObject({ kind: 'paused', reason: 'price-above' });
    await settle();
    expect(await alertsFor(id)).toEqual([]);
    expect(await ff.badge()).toBe('WAIT');
    shop.set(GPU, gpuPage('InStock', '1999.00'));
    expect(await checkNow(id)).toMatchObject({ kind: 'open', reason: 'structured-data' });
    expect(
      await waitFor(
        () => alertsFor(id),
        (a) => a.length > 0,
        10_000,
        'the reopening alert',
      ),
    ).toEqual([`reopened:${id}`]);
    expect(await ff.badge()).toBe('OPEN');
    expect(await toWorker({ type: 'update-watch', watchId: id, changes: { enabled: false } })).toEqual({ ok: true });
  });

  it('another size coming back is no alert for size 42', async () => {
    shop.set(SHOE, shoePage([]));
    const id = await addWatch('Trail Runner GTX, size 42', SHOE, { variant: '42' });
    expect(await checkNow(id)).toMatchObject({ kind: 'paused' });
    shop.set(SHOE, shoePage(['41', '43']));
    expect(await checkNow(id)).toMatchObject({ kind: 'paused', reason: 'structured-data' });
    await settle();
    expect(await alertsFor(id)).toEqual([]);
  });

  it('a waiting room in front of a paused drop: one queue alert and Q; the product behind it: one reopening', async () => {
    shop.set(DROP, consolePage('OutOfStock'));
    const id = await addWatch('Console Pro drop', DROP, {});
    expect(await checkNow(id)).toMatchObject({ kind: 'paused' });
    shop.set(DROP, waitingRoomPage());
    expect(await checkNow(id)).toMatchObject({ kind: 'queued', reason: 'queue-page' });
    expect(
      await waitFor(
        () => alertsFor(id),
        (a) => a.length > 0,
        10_000,
        'the queue alert',
      ),
    ).toEqual([`queued:${id}`]);
    expect(await ff.badge()).toBe('Q');
    shop.set(DROP, consolePage('InStock'));
    expect(await checkNow(id)).toMatchObject({ kind: 'open' });
    expect(
      await waitFor(
        () => alertsFor(id),
        (a) => a.length > 1,
        10_000,
        'the reopening alert',
      ),
    ).toEqual([`queued:${id}`, `reopened:${id}`]);
    expect((await stateOf(id))?.confirmed?.availability).toBe('open');
  });
});
