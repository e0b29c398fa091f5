// Storage faults, the "can't check" watchdog and hostile input, in the real browser.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SCHEMA_VERSION, STORED_KEYS, type Stored } from '../../src/core/stored-schema';
import { HOSTILE_PLAN, type Simulator, signIn, startSimulator } from '../sim/simulator';
import { checkNow, storedState } from './extension-state';
import { type Extension, launchExtension, waitFor } from './harness';

let sim: Simulator;
let ext: Extension;
let popup: Page;
const HOUR = 3_600_000;

/** Replaces everything in storage.local, as a crash, a bad sync or an old version might leave it. */
async function seed(data: Record<string, unknown>) {
  await (await ext.worker()).evaluate(async (d) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(d);
  }, data);
}

beforeAll(async () => {
  sim = await startSimulator({ mode: 'paused' });
  ext = await launchExtension({ sim });
  await signIn(ext.context);
  popup = await ext.popup();
  await checkNow(ext, popup);
});

afterAll(async () => {
  await ext?.close();
  await sim?.close();
});

describe('storage faults: repaired or reset with a logged reason, and the watch keeps working', () => {
  const paused = { availability: 'paused', since: Date.now() - 5 * HOUR, at: Date.now() - HOUR };
  interface Case {
    name: string;
    /** What storage.local holds, built from the valid state the suite has at that moment. */
    data: (current: Stored) => Record<string, unknown>;
    /** A repair the worker logs; null when nothing needs repairing. */
    reason: string | null;
    schemaVersion: number;
    /** Keys of storage.local afterwards: the extension's own, plus any it does not know, left alone. */
    keys: string[];
    verify?: (s: Stored, raw: Record<string, unknown>, seeded: Record<string, unknown>) => void;
  }
  const cases: Case[] = [
    {
      name: 'garbage',
      data: () => ({ schemaVersion: 1, settings: 'fast', watch: [1, 2], history: { transitions: 'lots', days: null }, junk: { a: 1 } }),
      reason: 'settings was text; reset',
      schemaVersion: SCHEMA_VERSION,
      keys: [...STORED_KEYS, 'junk'],
      verify: (_s, raw) => expect(raw.junk).toEqual({ a: 1 }),
    },
    {
      name: 'an older (unversioned) schema',
      data: () => ({ settings: { intervalMs: 300_000, notificationsEnabled: true }, watch: { confirmed: paused } }),
      reason: 'watch.latest was',
      schemaVersion: SCHEMA_VERSION,
      keys: [...STORED_KEYS],
      verify: (s) => {
        expect(s.settings.intervalMs).toBe(300_000);
        expect(s.watch.confirmed?.since).toBe(paused.since);
      },
    },
    {
      // Going back a version: the newer build's settings and history are kept, not wiped, and so are
      // its version number and the keys this build does not know.
      name: 'a future schema version',
      data: (current) => ({
        ...current,
        schemaVersion: 7,
        settings: { ...current.settings, intervalMs: 300_000 },
        v7: { channels: ['ntfy'] },
      }),
      reason: null,
      schemaVersion: 7,
      keys: [...STORED_KEYS, 'v7'],
      verify: (s, raw, seeded) => {
        expect(s.settings.intervalMs).toBe(300_000);
        const before = (seeded.history as Stored['history']).transitions;
        expect(s.history.transitions.slice(0, before.length)).toEqual(before);
        expect(raw.v7).toEqual({ channels: ['ntfy'] });
      },
    },
    {
      name: 'a half-written state',
      data: () => ({ schemaVersion: 1, settings: { intervalMs: 600_000, notificationsEnabled: false } }),
      reason: 'watch was missing',
      schemaVersion: SCHEMA_VERSION,
      keys: [...STORED_KEYS],
      verify: (s) => expect(s.settings).toEqual({ ...DEFAULT_SETTINGS, intervalMs: 600_000, notificationsEnabled: false }),
    },
  ];
  for (const { name, data, reason, schemaVersion, keys, verify } of cases) {
    it(name, async () => {
      const seeded = data(await storedState(ext));
      await seed(seeded);
      await ext.stopWorker();
      const logged = ext.console.length;
      popup = await ext.popup();
      const s = await checkNow(ext, popup);
      const log = ext.console.slice(logged).join('\n');
      if (reason) expect(log).toContain(reason);
      else expect(log).not.toContain('storage repaired');
      expect(s.schemaVersion).toBe(schemaVersion);
      expect(s.watch.latest?.kind).toBe('paused');
      expect(await ext.badge()).toBe('WAIT');
      const raw = (await ext.storage()).local as Record<string, unknown>;
      expect(Object.keys(raw).sort()).toEqual([...keys].sort());
      verify?.(s, raw, seeded);
    });
  }
});

describe('the "can\'t check" watchdog', () => {
  /** Rewinds the clock of the current failure stretch, as if checks had failed for `hours`. */
  async function failingFor(hours: number) {
    const s = await storedState(ext);
    const start = Date.now() - hours * HOUR;
    await seed({ ...s, watch: { ...s.watch, failingSince: start, lastGoodCheckAt: start, cantCheckAlerted: false } });
  }

  it('stays quiet for a short blip', async () => {
    const s = await storedState(ext);
    await seed({ ...s, settings: { ...s.settings, notificationsEnabled: true } });
    await checkNow(ext, popup); // a good check first, so the stretch starts fresh
    sim.signOutEveryone();
    await checkNow(ext, popup);
    await failingFor(1);
    await checkNow(ext, popup);
    expect(await ext.notifications()).toEqual([]);
    expect(await ext.badge()).toBe('!');
  });

  it('says so exactly once after six hours, shows how long, and clears itself once a check works', async () => {
    await failingFor(7);
    await checkNow(ext, popup);
    expect(await waitFor(ext.notifications, (n) => n.length > 0)).toEqual(['cant-check']);
    await expect.poll(() => popup.locator('.times').textContent()).toMatch(/Last good check\s*[^()]*\(7 hours ago\)/);
    await (await ext.worker()).evaluate(() => chrome.notifications.clear('cant-check'));
    await checkNow(ext, popup);
    await checkNow(ext, popup);
    expect(await ext.notifications()).toEqual([]);

    await failingFor(8);
    const s = await storedState(ext);
    await seed({ ...s, watch: { ...s.watch, cantCheckAlerted: false } });
    await checkNow(ext, popup);
    expect(await waitFor(ext.notifications, (n) => n.length > 0)).toEqual(['cant-check']);
    await signIn(ext.context);
    await checkNow(ext, popup);
    await waitFor(ext.notifications, (n) => n.length === 0);
    expect(await ext.badge()).toBe('WAIT');
  });
});

describe('hostile input and strangers', () => {
  it('renders markup from the site as text, never as HTML', async () => {
    await signIn(ext.context);
    sim.mode = 'hostile';
    const s = await checkNow(ext, popup);
    expect(s.watch.latest?.evidence).toContain('<img src=x');
    await expect.poll(() => popup.locator('.evidence').textContent()).toContain(HOSTILE_PLAN.slice(0, 20));
    expect(await popup.locator('img').count()).toBe(0);
    expect(await popup.title()).toBe('Reopen Watch');
    sim.mode = 'paused';
  });

  it('offers web pages no way to message the extension', async () => {
    const site = await ext.context.newPage();
    await site.goto('https://chatgpt.com/');
    expect(
      await site.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage),
    ).toBe('undefined');
    await site.close();
  });
});
