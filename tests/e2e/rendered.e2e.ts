// Rendered reading end to end (issue 16), in real headless Chromium on the production build, against
// the shop simulator's pages that build themselves with scripts (tests/sim/shop/spa-pages.ts): a
// plain check reads needs-rendering and the popup offers rendering; one click turns it on; a
// rendered paused → open flip raises exactly one alert; the session cookie reaches the frame; a
// page that frames-denies is read anyway, one that hangs ends in can't tell within the cap, one
// that frame-busts says so. Throughout: no tab is ever added or focused, and nothing is left
// behind (frames, header rules, reader scripts).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchState } from '../../src/core/watch-state';
import type { ViewRequest, WorkerResponse } from '../../src/shared/protocol';
import { type ShopSim, startShopSim } from '../sim/shop/server';
import { SPA_STOCK } from '../sim/shop/spa-pages';
import { type Simulator, startSimulator } from '../sim/simulator';
import { alertsCreated, countAlerts } from './alert-count';
import { watchState } from './extension-state';
import { type Extension, launchExtension, waitFor } from './harness';
import { addSites, requestByClick } from './host-grants';

let chatgpt: Simulator;
let shop: ShopSim;
let ext: Extension;
let options: Page;
const SITE = 'https://spa.example/*';

const toWorker = (request: ViewRequest) => options.evaluate((r) => chrome.runtime.sendMessage(r) as Promise<WorkerResponse>, request);
const stateOf = async (id: string) => (await watchState(ext, id)).state as WatchState;
const defOf = async (id: string) => (await watchState(ext, id)).def as { render?: boolean; intervalMinutes: number };

async function addWatch(name: string, url: string, extra: Record<string, unknown> = {}): Promise<string> {
  const answer = await toWorker({
    type: 'add-watch',
    watch: { name, kind: 'page', url, rule: { type: 'auto' }, intervalMinutes: 10, ...extra },
  });
  expect(answer, `add ${name}`).toMatchObject({ ok: true });
  return (answer as { watchId: string }).watchId;
}

async function checkNow(id: string) {
  const answer = await toWorker({ type: 'check-now', watchId: id });
  expect(answer).toMatchObject({ ok: true });
  return (answer as { verdict: NonNullable<WatchState['latest']> }).verdict;
}

/** The user's tabs and which one is focused, as the worker sees them. */
const tabs = async () =>
  (await ext.worker()).evaluate(async () =>
    (await chrome.tabs.query({})).map((t) => `${t.id}:${t.url ?? t.pendingUrl ?? ''}:${t.active ? 'active' : ''}`).sort(),
  );

/** What rendering could leave: frames of the site (CDP targets), session rules, registered scripts. */
async function leftovers() {
  const inWorker = await (await ext.worker()).evaluate(async () => ({
    rules: (await chrome.declarativeNetRequest.getSessionRules()).length,
    scripts: (await chrome.scripting.getRegisteredContentScripts()).length,
  }));
  const cdp = await ext.context.newCDPSession(options);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string }> };
  await cdp.detach();
  return { ...inWorker, frames: targetInfos.filter((t) => t.type === 'iframe' && t.url.startsWith('https://spa.example')).length };
}

const alertsFor = async (id: string) => (await alertsCreated(ext)).filter((n) => n.endsWith(id)).length;

let tabsBefore: string[] = [];

beforeAll(async () => {
  chatgpt = await startSimulator({ mode: 'paused' });
  shop = await startShopSim();
  ext = await launchExtension({ sim: chatgpt, extraArgs: shop.chromiumArgs({ rules: [`MAP chatgpt.com 127.0.0.1:${chatgpt.port}`] }) });
  options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.id}/src/options/index.html`);
  await addSites(ext.context, ext.id, [SITE]);
  expect(await requestByClick(options, { origins: [SITE] })).toBe(true);
  expect(await toWorker({ type: 'update-watch', watchId: 'chatgpt-plus', changes: { enabled: false } })).toEqual({ ok: true });
  tabsBefore = await tabs();
});

afterAll(async () => {
  await ext?.close();
  await shop?.close();
  await chatgpt?.close();
});

describe('a page that builds itself with scripts', () => {
  let id = '';

  it('reads needs-rendering plainly, and the popup offers to read it after rendering', async () => {
    id = await addWatch('Trail shoe drop', shop.urls.spaJsonLd, { intervalMinutes: 1 });
    expect(await checkNow(id)).toMatchObject({ kind: 'error', reason: 'needs-rendering' });
    // Only the shell was asked for: a plain check runs no script.
    expect(shop.requests({ host: 'spa.example', path: SPA_STOCK })).toEqual([]);
    const popup = await ext.popup();
    const offer = popup.getByRole('button', { name: 'Read it after rendering' });
    await expect.poll(() => offer.count()).toBe(1);
    expect(await popup.getByText('This page builds itself with scripts').count()).toBe(1);
    const since = Date.now();
    await offer.click();
    // One click: rendering on (at least every 2 minutes), and a check at once that reads the built page.
    await waitFor(
      () => stateOf(id),
      (s) => s.latest?.reason === 'structured-data',
      30_000,
      'the rendered check',
    );
    expect(await defOf(id)).toMatchObject({ render: true, intervalMinutes: 2 });
    const state = await stateOf(id);
    expect(state.latest).toMatchObject({ kind: 'paused', evidence: expect.stringMatching(/OutOfStock/) });
    expect(state.confirmed?.availability).toBe('paused');
    const framed = shop.requests({ host: 'spa.example', since });
    // The plain GET, then the frame's own load of the page, its script and its stock request.
    expect(framed.some((r) => r.pathname === new URL(shop.urls.spaJsonLd).pathname && r.headers['sec-fetch-dest'] === 'iframe')).toBe(true);
    expect(framed.filter((r) => r.pathname === SPA_STOCK)).toHaveLength(1);
    await expect.poll(() => popup.getByRole('button', { name: 'Read it after rendering' }).count()).toBe(0);
    await expect.poll(() => popup.getByText('rendered', { exact: false }).count()).toBeGreaterThan(0);
    await popup.close();
  });

  it('reopens when its script shows it in stock: confirmed, exactly one alert', async () => {
    await countAlerts(ext);
    shop.set(shop.urls.spaJsonLd, 'open');
    const since = Date.now();
    const verdict = await checkNow(id);
    expect(verdict).toMatchObject({ kind: 'open', reason: 'structured-data' });
    expect((await stateOf(id)).confirmed?.availability).toBe('open');
    // Two rendered reads (the check and its confirmation), each one stock request.
    expect(shop.requests({ host: 'spa.example', path: SPA_STOCK, since })).toHaveLength(2);
    await waitFor(
      () => alertsFor(id),
      (n) => n >= 1,
      10_000,
      'the reopening alert',
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await alertsFor(id)).toBe(1);
    expect(await checkNow(id)).toMatchObject({ kind: 'open' });
    expect(await alertsFor(id)).toBe(1);
  });

  it('carries the site session (SameSite=Lax) into the frame and the page’s own requests', async () => {
    const signIn = await ext.context.newPage();
    await signIn.goto('https://spa.example/login');
    await signIn.close();
    const since = Date.now();
    const member = await addWatch('Members drop', shop.urls.spaMember, { render: true });
    expect(await checkNow(member)).toMatchObject({ kind: 'paused', reason: 'structured-data' });
    const stock = shop.requests({ host: 'spa.example', path: SPA_STOCK, since });
    expect(stock.length).toBeGreaterThan(0);
    expect(stock.every((r) => r.withSpaSession)).toBe(true);
    const frameLoads = shop.requests({ host: 'spa.example', since }).filter((r) => r.headers['sec-fetch-dest'] === 'iframe');
    expect(frameLoads.length).toBeGreaterThan(0);
    expect(frameLoads.every((r) => r.withSpaSession)).toBe(true);
  });

  it('reads a page that refuses frames (X-Frame-Options: DENY, frame-ancestors none), for itself only', async () => {
    const denied = await addWatch('Locked drop', shop.urls.spaDeny, { render: true });
    expect(await checkNow(denied)).toMatchObject({ kind: 'paused', reason: 'structured-data' });
    // The header rule was the extension's own frame's alone: a tab still gets the headers.
    const tab = await ext.context.newPage();
    const response = await tab.goto(shop.urls.spaDeny);
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    await tab.close();
  });

  it('ends a page that never finishes loading in can’t tell within the cap', async () => {
    const hanging = await addWatch('Forever drop', shop.urls.spaHang, { render: true });
    const verdict = await checkNow(hanging);
    expect(verdict).toMatchObject({ kind: 'error', reason: 'render-timeout', evidence: expect.stringMatching(/still loading after 20 s/) });
    // From the check's start (after its turn at the site): the plain GET, then the 20 s cap, not the 25 s deadline.
    expect(verdict.durationMs).toBeGreaterThanOrEqual(20_000);
    expect(verdict.durationMs).toBeLessThan(23_000);
  }, 60_000);

  it('says a frame-busting page refuses to be framed, with the browser’s words', async () => {
    const busted = await addWatch('Busted drop', shop.urls.spaBust, { render: true });
    const verdict = await checkNow(busted);
    expect(verdict).toMatchObject({
      kind: 'error',
      reason: 'render-refused',
      evidence: expect.stringMatching(/leave the frame.*SecurityError/),
    });
  });

  it('never added or focused a tab, and left nothing behind', async () => {
    expect(await tabs()).toEqual(tabsBefore);
    expect(await leftovers()).toEqual({ frames: 0, rules: 0, scripts: 0 });
  });
});
