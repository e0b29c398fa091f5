// The reopening story, short form, in Firefox ESR: signed in → paused → open with one notification.
// Firefox has no requireInteraction; the add-on falls back to a plain notification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_EMAIL, type Simulator, startSimulator } from '../sim/simulator';
import { type FirefoxExtension, launchFirefoxExtension } from './firefox-harness';
import { waitFor } from './harness';

let sim: Simulator;
let ff: FirefoxExtension;

async function checkNow(): Promise<void> {
  const before = sim.requests.length;
  await ff.popup.locator('::-p-aria(Check now)').click();
  await waitFor(async () => sim.requests.length > before, Boolean);
  await waitFor(() => ff.popup.$eval('button.primary', (b) => !(b as HTMLButtonElement).disabled), Boolean);
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
  it('signed in and paused: WAIT, no notification', async () => {
    const site = await ff.newPage();
    await site.goto('https://chatgpt.com/auth/login');
    expect(await site.evaluate(() => document.body.textContent)).toContain('Signed in as');
    await site.close();
    await checkNow();
    expect(await waitFor(ff.badge, (b) => b === 'WAIT')).toBe('WAIT');
    expect(await ff.title()).toMatch(/^ChatGPT Plus upgrades are paused \(checked at .+\)\.$/);
    expect(await ff.notificationsRaised()).toEqual([]);
  });

  it('reopened: OPEN and exactly one notification', async () => {
    sim.mode = 'open';
    await checkNow();
    expect(await waitFor(ff.badge, (b) => b === 'OPEN')).toBe('OPEN');
    expect(await waitFor(ff.notificationsRaised, (n) => n.length > 0)).toEqual(['reopened']);
    await checkNow();
    await new Promise((r) => setTimeout(r, 500));
    expect(await ff.notificationsRaised()).toEqual(['reopened']);
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
    expect(await waitFor(ff.badge, (b) => b === '!')).toBe('!');
    expect(sim.requests.length).toBe(before);
    expect(await ff.title()).toMatch(/^Reopen Watch can't check ChatGPT Plus: it needs access to chatgpt\.com/);
    const grant = await ff.popup.waitForSelector('::-p-aria(Grant access to chatgpt.com)', { timeout: 10_000 });
    expect(grant).not.toBeNull();
  });
});
