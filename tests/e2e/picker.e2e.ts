// Pick on the page end to end (issue 16), in real headless Chromium on the production build: the
// picker goes into a sign-up page of the shop simulator, hover outlines, a click picks the banner's
// notice, ↑ widens once to the banner, **Watch this** adds a text watch whose selector matches one
// element and whose first check reads paused; the banner goes and the watch reads open. Esc then
// leaves nothing in the page. The popup's button injects the same file with activeTab; headless
// Chromium cannot open the popup over a tab, so the worker injects it here with the site granted.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchDef } from '../../src/core/watch-def';
import type { WatchState } from '../../src/core/watch-state';
import type { ViewRequest, WorkerResponse } from '../../src/shared/protocol';
import { type ShopSim, startShopSim } from '../sim/shop/server';
import { type Simulator, startSimulator } from '../sim/simulator';
import { storedState, watchState } from './extension-state';
import { type Extension, launchExtension, waitFor } from './harness';
import { addSites, requestByClick } from './host-grants';

let chatgpt: Simulator;
let shop: ShopSim;
let ext: Extension;
let options: Page;
let tab: Page;
const SITE = 'https://signup.example/*';

const toWorker = (request: ViewRequest) => options.evaluate((r) => chrome.runtime.sendMessage(r) as Promise<WorkerResponse>, request);

/** What the popup's Pick on the page does, from the worker: the picker file into the shop's tab. */
async function injectPicker(url: string) {
  await (await ext.worker()).evaluate(async (pageUrl) => {
    const [target] = await chrome.tabs.query({ url: pageUrl });
    if (target?.id === undefined) throw new Error(`no tab at ${pageUrl}`);
    await chrome.scripting.executeScript({ target: { tabId: target.id }, files: ['picker.js'] });
  }, url);
}

beforeAll(async () => {
  chatgpt = await startSimulator({ mode: 'paused' });
  shop = await startShopSim();
  ext = await launchExtension({ sim: chatgpt, extraArgs: shop.chromiumArgs({ rules: [`MAP chatgpt.com 127.0.0.1:${chatgpt.port}`] }) });
  options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.id}/src/options/index.html`);
  await addSites(ext.context, ext.id, [SITE]);
  expect(await requestByClick(options, { origins: [SITE] })).toBe(true);
  expect(await toWorker({ type: 'update-watch', watchId: 'chatgpt-plus', changes: { enabled: false } })).toEqual({ ok: true });
  tab = await ext.context.newPage();
  await tab.setViewportSize({ width: 1280, height: 900 });
});

afterAll(async () => {
  await ext?.close();
  await shop?.close();
  await chatgpt?.close();
});

describe('Pick on the page', () => {
  let id = '';

  it('picks the banner by hover, click and one widening, and adds a text watch that reads paused', async () => {
    shop.set(shop.urls.signup, 'paused');
    await tab.goto(shop.urls.signup);
    const idsBefore = (await storedState(ext)).watchIds;
    await injectPicker(shop.urls.signup);
    const panel = tab.getByRole('dialog', { name: 'Pick what to watch' });
    await expect.poll(() => panel.count()).toBe(1);

    // Hover outlines what is under the pointer; clicking picks it and does not follow the page.
    const notice = tab.locator('#status-banner .notice');
    const box = await notice.boundingBox();
    if (!box) throw new Error('the notice is not on screen');
    const spot = { x: box.x + box.width - 4, y: box.y + 4 }; // the notice's own text, off its <strong>
    await tab.mouse.move(spot.x, spot.y);
    const hover = tab.locator('reopen-watch-picker .outline.hover');
    await expect.poll(() => hover.isVisible()).toBe(true);
    expect(await hover.boundingBox()).toMatchObject({ x: expect.closeTo(box.x, 0), width: expect.closeTo(box.width, 0) });
    await tab.mouse.click(spot.x, spot.y);
    await expect.poll(() => panel.getByText('Sign-ups are temporarily paused', { exact: false }).count()).toBeGreaterThan(0);
    const picked = tab.locator('reopen-watch-picker .outline.picked');
    await expect.poll(() => picked.isVisible()).toBe(true);

    // Widen once, by key: from the notice to its banner.
    await tab.keyboard.press('ArrowUp');
    const banner = await tab.locator('#status-banner').boundingBox();
    await expect.poll(async () => (await picked.boundingBox())?.y).toBeCloseTo(banner?.y ?? -1, 0);
    await expect.poll(() => panel.locator('code').textContent(), { timeout: 20_000 }).toBe('#status-banner');
    const watchThis = panel.getByRole('button', { name: 'Watch this' });
    await expect.poll(() => watchThis.isEnabled(), { timeout: 20_000 }).toBe(true);
    expect(await panel.getByRole('status').first().textContent()).toMatch(/Reads now: paused/);

    await watchThis.click();
    await expect.poll(() => panel.getByText('Added. First check: paused.').count(), { timeout: 20_000 }).toBe(1);
    const added = (await storedState(ext)).watchIds.filter((w) => !idsBefore.includes(w));
    expect(added).toHaveLength(1);
    id = added[0] ?? '';
    const { def, state } = await watchState(ext, id);
    const rule = (def as WatchDef & { rule: { type: string; selector: string; pausedWhen?: string[] } }).rule;
    expect(def).toMatchObject({ kind: 'page', url: shop.urls.signup, name: 'Sign up – Lambda Peak GPU Cloud' });
    expect((def as { render?: boolean }).render).toBeUndefined();
    expect(rule).toEqual({
      type: 'text',
      selector: '#status-banner',
      pausedWhen: ['Sign-ups are temporarily paused while we add GPU capacity.'],
    });
    expect(await tab.evaluate((s) => document.querySelectorAll(s).length, rule.selector)).toBe(1);
    expect((state as WatchState).latest).toMatchObject({ kind: 'paused', reason: 'text-paused' });
  });

  it('reads open once the banner goes', async () => {
    shop.set(shop.urls.signup, 'open');
    const answer = await toWorker({ type: 'check-now', watchId: id });
    expect(answer).toMatchObject({ ok: true, verdict: { kind: 'open' } });
    await waitFor(
      async () => (await watchState(ext, id)).state as WatchState,
      (s) => s.latest?.kind === 'open',
      10_000,
      'the open reading',
    );
  });

  it('cancels with Esc and leaves nothing in the page', async () => {
    await tab.reload();
    const before = await tab.evaluate(() => document.documentElement.outerHTML);
    await injectPicker(shop.urls.signup);
    await expect.poll(() => tab.getByRole('dialog', { name: 'Pick what to watch' }).count()).toBe(1);
    // Keyboard alone: ↓ starts at the page's main content, → moves on, Esc cancels.
    await tab.keyboard.press('ArrowDown');
    await expect.poll(() => tab.locator('reopen-watch-picker .outline.picked').isVisible()).toBe(true);
    await tab.keyboard.press('Escape');
    await expect.poll(() => tab.locator('reopen-watch-picker').count()).toBe(0);
    expect(await tab.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    // The page works again: its link is followed, not swallowed.
    await tab.getByRole('link', { name: 'Pricing' }).click();
    await expect.poll(() => new URL(tab.url()).pathname).toBe('/pricing');
  });
});
