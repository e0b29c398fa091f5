// The reopening story, short form, in Firefox ESR: signed in → paused → open with one notification.
// Firefox has no requireInteraction; the add-on falls back to a plain notification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_EMAIL, type Simulator, startSimulator } from '../sim/simulator';
import { type StoredView, viewOf } from './extension-state';
import { type FirefoxExtension, launchFirefoxExtension } from './firefox-harness';
import { waitFor } from './harness';

let sim: Simulator;
let ff: FirefoxExtension;

const stored = async () => viewOf(await ff.storage());

/** Clicks "Check now" and waits until the reading is stored and the button is enabled again (the check's end). */
async function checkNow(): Promise<StoredView> {
  const before = (await stored()).watch.latest?.at ?? 0;
  await ff.popup.locator('::-p-aria(Check now)').click();
  await waitFor(
    async () => ({
      latestAt: (await stored()).watch.latest?.at ?? 0,
      enabled: await ff.popup.$eval('::-p-aria(Check now)', (b) => !(b as HTMLButtonElement).disabled),
    }),
    (seen) => seen.latestAt > before && seen.enabled,
    30_000,
    `a reading newer than ${before} stored and "Check now" enabled again`,
  );
  return stored();
}

beforeAll(async () => {
  sim = await startSimulator({ mode: 'paused' });
  ff = await launchFirefoxExtension(sim);
});

afterAll(async () => {
  await ff?.close();
  await sim?.close();
});

describe('Firefox ESR', () => {
  it('opened the welcome page on install', async () => {
    const welcome = await waitFor(
      async () => {
        // Pages opened by the add-on show their address only from inside (as firefox-harness.ts finds its popup).
        for (const page of await ff.browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.endsWith('/src/welcome/index.html')) return page;
        }
        return undefined;
      },
      (page) => page !== undefined,
      20_000,
      'a welcome tab',
    );
    await welcome?.waitForSelector('h1');
    expect(await welcome?.$eval('h1', (h) => h.textContent)).toBe('Welcome to Reopen Watch');
    await welcome?.close();
  });

  it('signed in and paused: WAIT, no notification', async () => {
    const site = await ff.newPage();
    await site.goto('https://chatgpt.com/auth/login');
    expect(await site.evaluate(() => document.body.textContent)).toContain('Signed in as');
    await site.close();
    await checkNow();
    await waitFor(ff.badge, (b) => b === 'WAIT');
    expect(await ff.title()).toMatch(/^ChatGPT Plus upgrades are paused \(checked at .+\)\.$/);
    expect(await ff.notificationsRaised()).toEqual([]);
  });

  it('reopened: OPEN and exactly one notification', async () => {
    sim.mode = 'open';
    await checkNow();
    await waitFor(ff.badge, (b) => b === 'OPEN');
    expect(await waitFor(ff.notificationsRaised, (n) => n.length > 0)).toEqual(['reopened:chatgpt-plus']);
    const alertedAt = (await stored()).watch.lastReopenAlertAt;
    expect(alertedAt).not.toBeNull();
    // A second check while still open: the worker records any alert it raises before the check ends,
    // so the stored alert time staying put is the event that says "no second notification".
    const again = await checkNow();
    expect(again.watch.latest?.kind).toBe('open');
    expect(again.watch.lastReopenAlertAt).toBe(alertedAt);
    expect(await ff.notificationsRaised()).toEqual(['reopened:chatgpt-plus']);
    const everything = JSON.stringify(await ff.storage());
    for (const token of sim.issuedTokens) expect(everything).not.toContain(token);
    expect(everything).not.toContain(SIM_EMAIL);
  });
});

describe('Firefox: host access withheld', () => {
  it('shows "!" and offers "Grant access to chatgpt.com" instead of failing silently', async () => {
    await ff.popup.evaluate(() =>
      (globalThis as unknown as { browser: typeof chrome }).browser.permissions.remove({ origins: ['https://chatgpt.com/*'] }),
    );
    const before = sim.requests.length;
    await ff.popup.locator('::-p-aria(Check now)').click();
    await waitFor(ff.badge, (b) => b === '!');
    expect(sim.requests.length).toBe(before);
    expect(await ff.title()).toMatch(
      /^Reopen Watch needs your permission to read chatgpt\.com \(checked at .+\)\. Last known: open, .+\.$/,
    );
    const grant = await ff.popup.waitForSelector('::-p-aria(Grant access to chatgpt.com)', { timeout: 10_000 });
    expect(grant).not.toBeNull();
  });
});
