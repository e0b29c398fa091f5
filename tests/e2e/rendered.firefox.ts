// Rendered reading in Firefox ESR (dist-firefox/): the event page is a DOM document, so the page is
// rendered in a hidden frame there, with the same session header rule and frame reader as Chrome's
// offscreen document. A script-built page watched with `render: true`, signed in to its site (a
// SameSite=Lax cookie), reads paused, reopens with exactly one notification, and leaves no tab,
// header rule or reader script behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchState } from '../../src/core/watch-state';
import type { ViewRequest, WorkerResponse } from '../../src/shared/protocol';
import { type ShopSim, startShopSim } from '../sim/shop/server';
import { SPA_STOCK } from '../sim/shop/spa-pages';
import { type Simulator, startSimulator } from '../sim/simulator';
import { type FirefoxExtension, launchFirefoxExtension } from './firefox-harness';
import { waitFor } from './harness';
import { requestByClick } from './host-grants';

let chatgpt: Simulator;
let shop: ShopSim;
let ff: FirefoxExtension;
let id = '';

type Api = typeof globalThis & { browser: typeof chrome };
const toWorker = (request: ViewRequest) =>
  ff.popup.evaluate((r) => (globalThis as Api).browser.runtime.sendMessage(r) as Promise<WorkerResponse>, request);
const stateOf = async (watchId: string) => (await ff.storage())[`state:${watchId}`] as WatchState | undefined;
const tabs = () =>
  ff.popup.evaluate(async () => (await (globalThis as Api).browser.tabs.query({})).map((t) => `${t.id}:${t.active}`).sort());
const leftovers = () =>
  ff.popup.evaluate(async () => {
    const api = (globalThis as Api).browser;
    return {
      rules: (await api.declarativeNetRequest.getSessionRules()).length,
      scripts: (await api.scripting.getRegisteredContentScripts()).length,
    };
  });

beforeAll(async () => {
  chatgpt = await startSimulator({ mode: 'paused' });
  shop = await startShopSim();
  ff = await launchFirefoxExtension(chatgpt, {
    routes: () => shop.proxyRoutes(),
    prefs: { 'extensions.webextOptionalPermissionPrompts': false },
  });
  expect(await toWorker({ type: 'update-watch', watchId: 'chatgpt-plus', changes: { enabled: false } })).toEqual({ ok: true });
});

afterAll(async () => {
  await ff?.close();
  await shop?.close();
  await chatgpt?.close();
});

describe('a rendered page watch in Firefox ESR', () => {
  let tabsBefore: string[] = [];

  it('signed in to the site, reads the page its script built: paused, with the session cookie', async () => {
    expect(await requestByClick(ff.popup, { origins: ['https://spa.example/*'] })).toBe(true);
    const signIn = await ff.browser.newPage();
    await signIn.goto('https://spa.example/login');
    await signIn.close();
    tabsBefore = await tabs();
    const since = Date.now();
    const answer = await toWorker({
      type: 'add-watch',
      watch: { name: 'Members drop', kind: 'page', url: shop.urls.spaMember, rule: { type: 'auto' }, intervalMinutes: 10, render: true },
    });
    expect(answer).toMatchObject({ ok: true });
    id = (answer as { watchId: string }).watchId;
    const checked = await toWorker({ type: 'check-now', watchId: id });
    expect(checked).toMatchObject({ ok: true, verdict: { kind: 'paused', reason: 'structured-data' } });
    const stock = shop.requests({ host: 'spa.example', path: SPA_STOCK, since });
    expect(stock).toHaveLength(1);
    expect(stock[0]?.withSpaSession).toBe(true);
    expect((await stateOf(id))?.confirmed?.availability).toBe('paused');
    expect(await ff.notificationsRaised()).toEqual([]);
  });

  it('reopens when its script shows it in stock: confirmed, exactly one notification', async () => {
    shop.set(shop.urls.spaMember, 'open');
    const answer = await toWorker({ type: 'check-now', watchId: id });
    expect(answer).toMatchObject({ ok: true, verdict: { kind: 'open', reason: 'structured-data' } });
    expect((await stateOf(id))?.confirmed?.availability).toBe('open');
    expect(await waitFor(ff.notificationsRaised, (n) => n.length > 0, 10_000, 'a notification')).toEqual([`reopened:${id}`]);
  });

  it('added no tab and left no header rule or reader script', async () => {
    expect(await tabs()).toEqual(tabsBefore);
    expect(await leftovers()).toEqual({ rules: 0, scripts: 0 });
  });
});
