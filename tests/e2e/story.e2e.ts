// The product's story in a real browser: signed out → signed in and paused → a false blip → a real
// reopening with exactly one notification → a subscribed account. Checks are driven by "Check now".
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeRequests, SIM_EMAIL, type Simulator, startSimulator } from '../sim/simulator';
import { headline, checkNow as sharedCheckNow, storedState } from './extension-state';
import { ARTIFACTS, type Extension, launchExtension, waitFor } from './harness';

let sim: Simulator;
let ext: Extension;
let popup: Page;

const checkNow = () => sharedCheckNow(ext, popup);
const checkRequests = () => probeRequests(sim);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  sim = await startSimulator({ mode: 'paused' });
  ext = await launchExtension({ sim });
});

afterAll(async () => {
  await ext?.close().catch(() => undefined);
  await sim?.close();
});

describe('the ChatGPT Plus watch, end to end', () => {
  it('fresh install while signed out: "!" and no notification', async () => {
    expect(await waitFor(ext.badge, (b) => b !== '')).toBe('!');
    expect(await ext.title()).toMatch(/^Sign in at chatgpt\.com so Reopen Watch can check \(checked at .+\)\.$/);
    expect(await ext.notifications()).toEqual([]);
    popup = await ext.popup();
    // The page's own heading names the extension (visually hidden); the watch's headline says the state.
    expect(await popup.locator('h1').textContent()).toBe('Reopen Watch');
    await expect.poll(() => headline(popup)).toBe('Sign in at chatgpt.com so Reopen Watch can check');
  });

  it('sign in through the site: paused, WAIT, no notification', async () => {
    const site = await ext.context.newPage();
    await site.goto('https://chatgpt.com/auth/login');
    await expect.poll(() => site.textContent('body')).toContain('Signed in as');
    await site.close();
    await checkNow();
    await waitFor(ext.badge, (b) => b === 'WAIT');
    expect(await ext.title()).toMatch(/^ChatGPT Plus upgrades are paused \(checked at .+\)\.$/);
    expect(await ext.notifications()).toEqual([]);
    await expect.poll(() => headline(popup)).toBe('ChatGPT Plus upgrades are paused');
    await expect.poll(() => popup.locator('.evidence').textContent()).toBe('features contains disable_plus_upgrade_ui');
  });

  it('a single flag-less reading followed by paused: no notification', async () => {
    sim.queue.push('open');
    const before = checkRequests().length;
    await checkNow();
    // The first reading said open, so a confirmation followed: 2 requests, then 1 for the accounts check.
    await waitFor(
      async () => checkRequests().length - before,
      (n) => n >= 3,
    );
    expect(checkRequests().length - before).toBe(3);
    expect(await ext.badge()).toBe('WAIT');
    expect(await ext.notifications()).toEqual([]);
  });

  it('a real reopening: exactly one notification and OPEN', async () => {
    sim.mode = 'open';
    await checkNow();
    await waitFor(ext.badge, (b) => b === 'OPEN');
    expect(await ext.title()).toMatch(/^ChatGPT Plus upgrades are open — you can upgrade now \(checked at .+\)\.$/);
    expect(await waitFor(ext.notifications, (n) => n.length > 0)).toEqual(['reopened:chatgpt-plus']);
    await expect.poll(() => headline(popup)).toBe('ChatGPT Plus upgrades are open — you can upgrade now');
    await popup.locator('main').screenshot({ path: `${ARTIFACTS}/popup-en.png` });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.locator('main').screenshot({ path: `${ARTIFACTS}/popup-en-dark.png` });
    await popup.emulateMedia({ colorScheme: 'light' });

    // Dismiss it, check again while still open: no second notification.
    await (await ext.worker()).evaluate(() => chrome.notifications.clear('reopened:chatgpt-plus'));
    const before = checkRequests().length;
    await checkNow();
    expect(checkRequests().length - before).toBe(2);
    expect(await ext.badge()).toBe('OPEN');
    expect(await ext.notifications()).toEqual([]);
  });

  it('a subscribed account: Plus badge and no reopening alert', async () => {
    sim.mode = 'paused';
    await checkNow();
    await waitFor(ext.badge, (b) => b === 'WAIT');
    sim.mode = 'subscribed';
    await checkNow();
    await waitFor(ext.badge, (b) => b === 'Plus');
    expect(await ext.title()).toMatch(/^You already have ChatGPT Plus — nothing to wait for \(checked at .+\)\.$/);
    expect(await ext.notifications()).toEqual([]);
  });

  it('works from the keyboard: Tab reaches "Check now", Enter runs a check', async () => {
    await popup.reload();
    await popup.locator('main button').first().waitFor();
    const focusedText = () => popup.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 5 && (await focusedText()) !== 'Check now'; i++) await popup.keyboard.press('Tab');
    expect(await focusedText()).toBe('Check now');
    const before = sim.requests.length;
    const latestBefore = (await storedState(ext)).watch.latest?.at ?? 0;
    await popup.keyboard.press('Enter');
    // The check has run once it is stored and "Check now" is enabled again: then count what it sent.
    await waitFor(
      async () => ({
        latestAt: (await storedState(ext)).watch.latest?.at ?? 0,
        enabled: await popup.getByRole('button', { name: 'Check now' }).isEnabled(),
      }),
      (seen) => seen.latestAt > latestBefore && seen.enabled,
      30_000,
      'the check started with Enter to be stored',
    );
    expect(sim.requests.length - before).toBe(2);
  });

  it('never stores the access token or the email, anywhere', async () => {
    const everything = JSON.stringify(await ext.storage());
    expect(sim.issuedTokens.length).toBeGreaterThan(0);
    for (const token of sim.issuedTokens) expect(everything).not.toContain(token);
    expect(everything).not.toContain(SIM_EMAIL);
    const logs = ext.console.join('\n');
    for (const token of sim.issuedTokens) expect(logs).not.toContain(token);
    expect(logs).not.toContain(SIM_EMAIL);
    // Every check request carried the session cookie; only the accounts check carried the token.
    expect(
      checkRequests()
        .filter((r) => r.path === '/api/auth/session')
        .every((r) => !r.withBearer),
    ).toBe(true);
  });
});

describe('after a restart, in Chinese', () => {
  it('restores the badge on startup, keeps history, and speaks Simplified Chinese', async () => {
    const profileDir = ext.profileDir;
    const historyBefore = (await storedState(ext)).history.transitions.length;
    await ext.context.close();
    const zh = await launchExtension({ sim, profileDir, lang: 'zh-CN' });
    try {
      expect(await waitFor(zh.badge, (b) => b !== '')).toBe('Plus');
      expect(await zh.title()).toMatch(/^你已订阅 ChatGPT Plus，无需等待（.+ 检查）。$/);
      expect((await storedState(zh)).history.transitions.length).toBeGreaterThanOrEqual(historyBefore);
      sim.mode = 'paused';
      const page = await zh.popup();
      await page.getByRole('button', { name: '立即检查' }).click();
      await waitFor(zh.badge, (b) => b === '暂停');
      await expect.poll(() => headline(page)).toBe('ChatGPT Plus 已暂停升级');
      await page.locator('main').screenshot({ path: `${ARTIFACTS}/popup-zh_CN.png` });
      expect(await zh.notifications()).toEqual([]);
    } finally {
      await zh.close();
    }
  });
});
