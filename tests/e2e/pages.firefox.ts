// 2.0 in Firefox ESR (dist-firefox/, its event page parses with its own DOMParser): a page watch on
// the shop simulator's JSON-LD product page is added, reads paused, and when the product is back in
// stock reopens with exactly one notification. The shop hosts reach the simulator through a loopback
// CONNECT proxy; optional host access is granted without a prompt by the pref DESIGN.md names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchState } from '../../src/core/watch-state';
import type { ViewRequest, WorkerResponse } from '../../src/shared/protocol';
import { type ShopSim, startShopSim } from '../sim/shop/server';
import { type Simulator, startSimulator } from '../sim/simulator';
import { type FirefoxExtension, launchFirefoxExtension } from './firefox-harness';
import { waitFor } from './harness';
import { requestByClick } from './host-grants';
import { fromBrowser, NAMES, originPatternOf, watchEntry } from './shop-watches';

let chatgpt: Simulator;
let shop: ShopSim;
let ff: FirefoxExtension;
let id = '';

type Api = typeof globalThis & { browser: typeof chrome };

/** Sends a message to the event page from the popup (an extension page), as the options page does. */
function toWorker(request: ViewRequest): Promise<WorkerResponse> {
  return ff.popup.evaluate((r) => (globalThis as Api).browser.runtime.sendMessage(r) as Promise<WorkerResponse>, request);
}

const stateOf = async (watchId: string) => (await ff.storage())[`state:${watchId}`] as WatchState | undefined;
const granted = () => ff.popup.evaluate(async () => (await (globalThis as Api).browser.permissions.getAll()).origins ?? []);

/** `permissions.request` from a real click, as the options page asks when a watch is added. */
async function allowByClick(origins: string[]): Promise<boolean> {
  return requestByClick(ff.popup, { origins });
}

beforeAll(async () => {
  chatgpt = await startSimulator({ mode: 'paused' });
  shop = await startShopSim();
  ff = await launchFirefoxExtension(chatgpt, {
    routes: () => shop.proxyRoutes(),
    prefs: { 'extensions.webextOptionalPermissionPrompts': false },
  });
  // The built-in watch is not what this suite is about: switched off, the badge is the page watch's alone.
  expect(await toWorker({ type: 'update-watch', watchId: 'chatgpt-plus', changes: { enabled: false } })).toEqual({ ok: true });
});

afterAll(async () => {
  await ff?.close();
  await shop?.close();
  await chatgpt?.close();
});

describe('a page watch in Firefox ESR', () => {
  it('is added with access to its site, checked by its alarm, and reads paused: WAIT, no notification', async () => {
    expect(await allowByClick([originPatternOf(shop.urls.product)])).toBe(true);
    expect(await granted()).toContain('https://shop.example/*');
    const answer = await toWorker({ type: 'add-watch', watch: watchEntry(shop, 'product', 10) });
    expect(answer).toMatchObject({ ok: true });
    id = (answer as { watchId: string }).watchId;
    const state = await waitFor(
      () => stateOf(id),
      (s) => s?.latest != null,
      60_000,
      'the first (alarm) check of the page watch',
    );
    expect(state?.latest).toMatchObject({ kind: 'paused', reason: 'structured-data', status: 200 });
    expect(state?.latest?.evidence).toMatch(/OutOfStock/);
    expect(state?.confirmed?.availability).toBe('paused');
    await waitFor(ff.badge, (b) => b === 'WAIT', 10_000, 'badge WAIT');
    expect(await ff.title()).toContain(NAMES.product);
    expect(await ff.notificationsRaised()).toEqual([]);
  });

  it('reopens when the product is back in stock: confirmed, OPEN, exactly one notification', async () => {
    shop.set(shop.urls.product, 'open');
    const since = Date.now();
    const answer = await toWorker({ type: 'check-now', watchId: id });
    expect(answer).toMatchObject({ ok: true, verdict: { kind: 'open', reason: 'structured-data' } });
    // Read twice (the confirmation), ≥ 10 s apart.
    const reads = shop.requests({ host: 'shop.example', since }).filter(fromBrowser);
    expect(reads).toHaveLength(2);
    expect((reads[1]?.at ?? 0) - (reads[0]?.at ?? 0)).toBeGreaterThanOrEqual(10_000);
    const state = await stateOf(id);
    expect(state?.confirmed?.availability).toBe('open');
    expect(state?.lastReopenAlertAt).not.toBeNull();
    await waitFor(ff.badge, (b) => b === 'OPEN', 10_000, 'badge OPEN');
    expect(await ff.title()).toContain(NAMES.product);
    expect(await waitFor(ff.notificationsRaised, (n) => n.length > 0, 10_000, 'a notification')).toEqual([`reopened:${id}`]);
  });

  it('checked again while open, unchanged: a 304, no second notification', async () => {
    const alertedAt = (await stateOf(id))?.lastReopenAlertAt;
    const since = Date.now();
    const answer = await toWorker({ type: 'check-now', watchId: id });
    expect(answer).toMatchObject({ ok: true, verdict: { kind: 'open' } });
    const reads = shop.requests({ host: 'shop.example', since }).filter(fromBrowser);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ conditional: true, status: 304 });
    expect((await stateOf(id))?.lastReopenAlertAt).toBe(alertedAt);
    expect(await ff.notificationsRaised()).toEqual([`reopened:${id}`]);
  });
});
