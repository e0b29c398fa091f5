// The first five minutes (issue 18) in real headless Chromium on the production build: the welcome
// page that opens on install (en and zh-CN, light and dark), its ways to a first watch, and the
// popup read at a glance with several watches (ordered by what needs the person, words per kind).
// Screenshots go to tests/artifacts/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type History, recordCheck } from '../../src/core/history';
import { KEYS } from '../../src/core/storage-keys';
import type { Verdict } from '../../src/core/verdict';
import type { WatchDef } from '../../src/core/watch-def';
import { INITIAL_WATCH, type WatchState } from '../../src/core/watch-state';
import { applyReadings } from '../../src/core/watch-transitions';
import { type Simulator, startSimulator } from '../sim/simulator';
import { ARTIFACTS, type Extension, launchExtension } from './harness';
import { addSites, requestByClick } from './host-grants';

const WELCOME = '/src/welcome/index.html';

async function welcomePage(ext: Extension): Promise<Page> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const page = ext.context.pages().find((p) => p.url().endsWith(WELCOME));
    if (page) {
      await page.getByRole('heading', { level: 1 }).waitFor();
      return page;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no welcome page opened on install');
}

async function shoot(page: Page, name: string, dark = false): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
}

const local = async (ext: Extension) => (await ext.storage()).local as Record<string, unknown>;
const plusEnabled = async (ext: Extension) => ((await local(ext))[KEYS.def('chatgpt-plus')] as WatchDef | undefined)?.enabled;

describe('welcome page (en)', () => {
  let sim: Simulator;
  let ext: Extension;
  let page: Page;

  beforeAll(async () => {
    sim = await startSimulator();
    ext = await launchExtension({ sim, extraArgs: [`--host-resolver-rules=MAP chatgpt.com 127.0.0.1:${sim.port}`] });
    page = await welcomePage(ext);
    await page.setViewportSize({ width: 960, height: 900 });
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  it('opens once on install and says what Reopen Watch does, then asks what to watch', async () => {
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Welcome to Reopen Watch');
    await expect(page.getByRole('heading', { name: 'What do you want to watch?' }).isVisible()).resolves.toBe(true);
    for (const name of ['ChatGPT Plus', 'A product or a page', 'A JSON API', 'A file of watches'])
      await expect(page.getByRole('heading', { name, exact: true }).isVisible(), name).resolves.toBe(true);
    // The page kinds are explained in the toolbar's own words.
    await expect(page.getByText('Choose Watch this page').isVisible()).resolves.toBe(true);
    await expect(page.getByText('choose Pick on the page').isVisible()).resolves.toBe(true);
    expect(ext.context.pages().filter((p) => p.url().endsWith(WELCOME))).toHaveLength(1);
  });

  it('offers the built-in ChatGPT watch without imposing it: one switch turns it off and on', async () => {
    const toggle = page.getByRole('switch', { name: 'Watch ChatGPT Plus' });
    // Signed out in the simulator: its first check asks for a sign-in, one click away.
    await expect.poll(() => page.getByRole('link', { name: 'Sign in at chatgpt.com' }).count()).toBe(1);
    await expect(toggle.isChecked()).resolves.toBe(true);
    await shoot(page, 'welcome-en.png');
    await shoot(page, 'welcome-en-dark.png', true);
    await toggle.click();
    await expect.poll(() => plusEnabled(ext)).toBe(false);
    await expect(page.getByText('Off. Switch it on here').isVisible()).resolves.toBe(true);
    await toggle.click();
    await expect.poll(() => plusEnabled(ext)).toBe(true);
  });

  it('leads to the options page: a JSON watch’s add form, then the channels for phone alerts', async () => {
    await page.getByRole('link', { name: 'Add a JSON watch' }).click();
    await page.waitForURL(/options\/index\.html#add-json$/);
    const form = page.getByRole('form', { name: 'Add a watch' });
    await form.waitFor();
    await expect(form.getByRole('radio', { name: 'JSON endpoint' }).isChecked()).resolves.toBe(true);
    await page.goBack();
    await page.getByRole('switch', { name: 'Alerts on my phone or in chat too' }).click();
    await page.waitForURL(/options\/index\.html#channels$/);
    const heading = page.locator('#channels-heading');
    await heading.waitFor();
    // Scrolled to, not left below the fold of a short window.
    await page.setViewportSize({ width: 960, height: 500 });
    await page.reload();
    await heading.waitFor();
    await expect
      .poll(() =>
        heading.evaluate((el) => ({ top: el.getBoundingClientRect().top > 0, inView: el.getBoundingClientRect().bottom < innerHeight })),
      )
      .toEqual({ top: true, inView: true });
  });
});

describe('welcome page (zh-CN)', () => {
  let sim: Simulator;
  let ext: Extension;

  beforeAll(async () => {
    sim = await startSimulator();
    ext = await launchExtension({ sim, lang: 'zh-CN', extraArgs: [`--host-resolver-rules=MAP chatgpt.com 127.0.0.1:${sim.port}`] });
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  it('speaks Chinese', async () => {
    const page = await welcomePage(ext);
    await page.setViewportSize({ width: 960, height: 900 });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('欢迎使用 Reopen Watch');
    await expect.poll(() => page.getByRole('link', { name: /chatgpt\.com/ }).count()).toBe(1);
    await shoot(page, 'welcome-zh_CN.png');
    await shoot(page, 'welcome-zh_CN-dark.png', true);
  });
});

/** A state and history the way the worker builds them: readings through the state machine. */
function played(steps: Array<Array<Partial<Verdict> & Pick<Verdict, 'kind' | 'at'>>>): { state: WatchState; history: History } {
  let state = INITIAL_WATCH;
  let history: History = { transitions: [], days: [] };
  for (const batch of steps) {
    const readings = batch.map((r) => ({
      reason: 'phrase-paused' as const,
      status: 200,
      durationMs: 40,
      bytes: 900,
      requests: 1,
      evidence: '',
      ...r,
    }));
    const at = readings.at(-1)?.at as number;
    state = applyReadings(state, readings as Verdict[], at, {
      reopenCooldownMs: 1_800_000,
      cantCheckAfterMs: 21_600_000,
      notificationsEnabled: false,
    }).state;
    history = recordCheck(history, readings as Verdict[], state, at);
  }
  // Not due while the test looks: the worker leaves them as they are.
  return { state: { ...state, nextCheckAt: Date.now() + 3_600_000 }, history };
}

describe('popup at a glance', () => {
  let sim: Simulator;
  let ext: Extension;

  beforeAll(async () => {
    sim = await startSimulator();
    ext = await launchExtension({ sim, extraArgs: [`--host-resolver-rules=MAP chatgpt.com 127.0.0.1:${sim.port}`] });
    await addSites(ext.context, ext.id, ['https://gpu.example/*', 'https://beta.example/*']);
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  it('lists what needs the person first, in each kind’s words, with one time per row', async () => {
    const now = Date.now();
    const min = 60_000;
    const page = (id: string, name: string, url: string): WatchDef => ({
      id,
      name,
      kind: 'page',
      url,
      rule: { type: 'auto' },
      intervalMinutes: 5,
      notify: true,
      enabled: true,
    });
    const watches = {
      // Sold out for two days: paused, sorts low.
      console: [
        page('console', 'Game console', 'https://gpu.example/console'),
        played([[{ kind: 'paused', at: now - 2 * 1440 * min, reason: 'structured-data' }]]),
      ],
      // Back in stock three minutes ago: first.
      gpu: [
        page('gpu', 'RTX 5090', 'https://gpu.example/rtx-5090'),
        played([
          [{ kind: 'paused', at: now - 600 * min, reason: 'structured-data' }],
          [
            { kind: 'open', at: now - 3 * min, reason: 'structured-data' },
            { kind: 'open', at: now - 3 * min + 4000, reason: 'structured-data' },
          ],
        ]),
      ],
      // A sign-up paused in words: "paused", not "sold out".
      beta: [page('beta', 'Beta sign-up', 'https://beta.example/join'), played([[{ kind: 'paused', at: now - 50 * min }]])],
      // A site never granted: needs the person.
      shop: [
        page('shop', 'Camera', 'https://camera.example/x'),
        played([[{ kind: 'paused', at: now - 30 * min, reason: 'structured-data' }]]),
      ],
    } as const;
    const ids = Object.keys(watches);
    const worker = await ext.worker();
    const write: Record<string, unknown> = { watchIds: ['chatgpt-plus', ...ids] };
    for (const [id, [def, { state, history }]] of Object.entries(watches)) {
      write[KEYS.def(id)] = def;
      write[KEYS.state(id)] = state;
      write[KEYS.history(id)] = history;
    }
    await worker.evaluate((items) => chrome.storage.local.set(items), write);

    const popup = await ext.popup();
    // The person's own grant of the two sites (the third stays ungranted), as a Grant click asks it.
    expect(await requestByClick(popup, { origins: ['https://gpu.example/*', 'https://beta.example/*'] })).toBe(true);
    await expect.poll(() => popup.locator('.watch-name').allTextContents()).toHaveLength(5);
    await expect.poll(() => popup.locator('.watch-name').first().textContent()).toBe('RTX 5090');
    const names = await popup.locator('.watch-name').allTextContents();
    // Open, then needs you (the signed-out ChatGPT watch and the site never granted, newest change first), then paused.
    expect(names[0]).toBe('RTX 5090');
    expect(names.slice(1, 3).sort()).toEqual(['Camera', 'ChatGPT Plus']);
    expect(names.slice(3)).toEqual(['Beta sign-up', 'Game console']);
    const meta = async (name: string) => (await popup.locator('li.watch', { hasText: name }).locator('.watch-meta').textContent()) ?? '';
    expect(await meta('RTX 5090')).toMatch(/^in stock · 3 minutes ago$/);
    expect(await meta('Game console')).toMatch(/^sold out · 2 days ago$/);
    expect(await meta('Beta sign-up')).toMatch(/^paused · 50 minutes ago$/);
    expect(await meta('Camera')).toMatch(/^needs you/);
    await expect(
      popup.locator('li.watch', { hasText: 'Camera' }).getByRole('button', { name: 'Grant access to camera.example' }).count(),
    ).resolves.toBe(1);
    // Not a web page (the popup opened as a tab here): a way to add one instead of a dead end.
    const add = popup.getByRole('button', { name: 'Add a watch' });
    await expect(add.isVisible()).resolves.toBe(true);
    // Sticky: in reach below a list longer than the window, without scrolling.
    await popup.setViewportSize({ width: 380, height: 420 });
    await expect.poll(() => add.evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    await expect(popup.evaluate(() => document.documentElement.scrollHeight > innerHeight)).resolves.toBe(true);
    // The options row agrees: the site never granted shows Grant there too, the granted ones do not.
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.id}/src/options/index.html`);
    const row = (name: string) => options.locator('.watch-row', { hasText: name });
    await expect
      .poll(() =>
        row('Camera')
          .getByRole('button', { name: /^Grant access/ })
          .count(),
      )
      .toBe(1);
    await expect(row('Camera').locator('.state-word').textContent()).resolves.toBe('needs you');
    await expect(
      row('RTX 5090')
        .getByRole('button', { name: /^Grant access/ })
        .count(),
    ).resolves.toBe(0);
    await expect(row('RTX 5090').locator('.state-word').textContent()).resolves.toBe('in stock');
    await options.close();
    await popup.setViewportSize({ width: 380, height: 640 });
    await shoot(popup, 'popup-glance-en.png');
    await shoot(popup, 'popup-glance-en-dark.png', true);
  });
});
