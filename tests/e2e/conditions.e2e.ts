// Conditions end to end (issue 17), in real headless Chromium on the production build, against
// the shop simulator: a graphics card that comes back first at a scalper's price (stays WAIT, no
// alert) and then at list price (one alert); a shoe whose other size comes back while the one
// watched stays sold out (no alert); a waiting room in front of a paused drop (one "queue" alert,
// badge Q), then the product opening behind it (one reopening alert).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchState } from '../../src/core/watch-state';
import type { ViewRequest, WorkerResponse } from '../../src/shared/protocol';
import { type ShopSim, startShopSim } from '../sim/shop/server';
import { type Simulator, startSimulator } from '../sim/simulator';
import { alertsCreated, countAlerts } from './alert-count';
import { consolePage, gpuPage, shoePage, waitingRoomPage } from './condition-pages';
import { forgetOriginContacts, watchState } from './extension-state';
import { type Extension, launchExtension, waitFor } from './harness';
import { addSites, requestByClick } from './host-grants';

let chatgpt: Simulator;
let shop: ShopSim;
let ext: Extension;
let options: Page;
const SITE = 'https://shop.example/*';
const GPU = 'https://shop.example/products/rtx-5090-fe';
const SHOE = 'https://shop.example/products/trail-runner-gtx';
const DROP = 'https://shop.example/products/console-pro';

const toWorker = (request: ViewRequest) => options.evaluate((r) => chrome.runtime.sendMessage(r) as Promise<WorkerResponse>, request);
const stateOf = async (id: string) => (await watchState(ext, id)).state as WatchState;

async function addWatch(name: string, url: string, rule: Record<string, unknown>): Promise<string> {
  const answer = await toWorker({
    type: 'add-watch',
    watch: { name, kind: 'page', url, rule: { type: 'auto', ...rule }, intervalMinutes: 10 },
  });
  expect(answer, `add ${name}`).toMatchObject({ ok: true });
  return (answer as { watchId: string }).watchId;
}

async function checkNow(id: string) {
  await forgetOriginContacts(ext);
  const answer = await toWorker({ type: 'check-now', watchId: id });
  expect(answer).toMatchObject({ ok: true });
  return (answer as { verdict: NonNullable<WatchState['latest']> }).verdict;
}

/** Notification ids created for a watch (`reopened:<id>`, `queued:<id>`), in order. */
const alertsFor = async (id: string) => (await alertsCreated(ext)).filter((n) => n.endsWith(`:${id}`));
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

beforeAll(async () => {
  chatgpt = await startSimulator({ mode: 'paused' });
  shop = await startShopSim();
  ext = await launchExtension({ sim: chatgpt, extraArgs: shop.chromiumArgs({ rules: [`MAP chatgpt.com 127.0.0.1:${chatgpt.port}`] }) });
  options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.id}/src/options/index.html`);
  await addSites(ext.context, ext.id, [SITE]);
  expect(await requestByClick(options, { origins: [SITE] })).toBe(true);
  expect(await toWorker({ type: 'update-watch', watchId: 'chatgpt-plus', changes: { enabled: false } })).toEqual({ ok: true });
  await countAlerts(ext);
});

afterAll(async () => {
  await ext?.close();
  await shop?.close();
  await chatgpt?.close();
});

describe('a price ceiling: RTX 5090 FE at ≤ 1,999 USD', () => {
  let id = '';

  it('sold out reads paused', async () => {
    shop.set(GPU, gpuPage('OutOfStock', '1999.00'));
    id = await addWatch('RTX 5090 FE', GPU, { maxPrice: 1999, currency: 'USD' });
    expect(await checkNow(id)).toMatchObject({ kind: 'paused', reason: 'structured-data' });
    expect(await ext.badge()).toBe('WAIT');
  });

  it('back in stock at a scalper’s price stays WAIT, with the price as evidence, and raises no alert', async () => {
    shop.set(GPU, gpuPage('InStock', '2899.00'));
    const verdict = await checkNow(id);
    expect(verdict).toMatchObject({
      kind: 'paused',
      reason: 'price-above',
      evidence: 'JSON-LD availability InStock at 2899.00 USD, above 1999',
    });
    expect((await stateOf(id)).confirmed?.availability).toBe('paused');
    await settle();
    expect(await alertsFor(id)).toEqual([]);
    expect(await ext.badge()).toBe('WAIT');
  });

  it('at list price it reopens: confirmed, exactly one alert, OPEN', async () => {
    shop.set(GPU, gpuPage('InStock', '1999.00'));
    expect(await checkNow(id)).toMatchObject({
      kind: 'open',
      reason: 'structured-data',
      evidence: expect.stringContaining('at 1999.00 USD'),
    });
    expect((await stateOf(id)).confirmed?.availability).toBe('open');
    await waitFor(
      () => alertsFor(id),
      (a) => a.length >= 1,
      10_000,
      'the reopening alert',
    );
    await settle();
    expect(await alertsFor(id)).toEqual([`reopened:${id}`]);
    expect(await ext.badge()).toBe('OPEN');
    // Out of the way of the badge for the suites below.
    expect(await toWorker({ type: 'update-watch', watchId: id, changes: { enabled: false } })).toEqual({ ok: true });
  });
});

describe('the variant you need: size 42', () => {
  let id = '';

  it('sold out in every size reads paused', async () => {
    shop.set(SHOE, shoePage([]));
    id = await addWatch('Trail Runner GTX, size 42', SHOE, { variant: '42' });
    expect(await checkNow(id)).toMatchObject({ kind: 'paused', reason: 'structured-data' });
  });

  it('another size coming back changes nothing: still paused, no alert', async () => {
    shop.set(SHOE, shoePage(['43']));
    expect(await checkNow(id)).toMatchObject({
      kind: 'paused',
      reason: 'structured-data',
      evidence: expect.stringContaining('OutOfStock'),
    });
    await settle();
    expect(await alertsFor(id)).toEqual([]);
    expect(await ext.badge()).toBe('WAIT');
  });

  it('a size the page does not have says so, listing the sizes it has', async () => {
    const answer = await toWorker({
      type: 'test-watch',
      watch: { name: 'x', kind: 'page', url: SHOE, rule: { type: 'auto', variant: '47' }, intervalMinutes: 10 },
    });
    expect(answer).toMatchObject({
      ok: true,
      verdict: { kind: 'error', reason: 'variant-missing', found: { variants: ['40', '41', '42', '43', '44'] } },
    });
  });
});

describe('the queue before a drop', () => {
  let id = '';

  it('a sold-out drop reads paused', async () => {
    shop.set(DROP, consolePage('OutOfStock'));
    id = await addWatch('Console Pro drop', DROP, {});
    expect(await checkNow(id)).toMatchObject({ kind: 'paused', reason: 'structured-data' });
  });

  it('a waiting room in front of it: queued, one "queue has opened" alert, badge Q', async () => {
    shop.set(DROP, waitingRoomPage());
    expect(await checkNow(id)).toMatchObject({ kind: 'queued', reason: 'queue-page' });
    await waitFor(
      () => alertsFor(id),
      (a) => a.length >= 1,
      10_000,
      'the queue alert',
    );
    expect(await ext.badge()).toBe('Q');
    expect(await checkNow(id)).toMatchObject({ kind: 'queued' });
    await settle();
    expect(await alertsFor(id)).toEqual([`queued:${id}`]);
    const state = await stateOf(id);
    expect(state.confirmed?.availability).toBe('paused');
    expect((await watchState(ext, id)).history).toMatchObject({
      transitions: expect.arrayContaining([expect.objectContaining({ state: 'queued' })]),
    });
  });

  it('the product opening behind it is one reopening alert', async () => {
    shop.set(DROP, consolePage('InStock'));
    expect(await checkNow(id)).toMatchObject({ kind: 'open', reason: 'structured-data' });
    await waitFor(
      () => alertsFor(id),
      (a) => a.length >= 2,
      10_000,
      'the reopening alert',
    );
    await settle();
    expect(await alertsFor(id)).toEqual([`queued:${id}`, `reopened:${id}`]);
    expect(await ext.badge()).toBe('OPEN');
  });
});
