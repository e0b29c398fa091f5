// Storage faults, the "can't check" watchdog and hostile input, in the real browser.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHATGPT_WATCH_ID as PLUS } from '../../src/core/kinds/chatgpt-plus/built-in';
import { KEYS } from '../../src/core/storage-keys';
import { DEFAULT_SETTINGS, SCHEMA_VERSION } from '../../src/core/stored-schema';
import { HOSTILE_PLAN, type Simulator, signIn, startSimulator } from '../sim/simulator';
import { checkNow, type StoredView, storedState } from './extension-state';
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
  /** The keys 2.0 keeps with only the built-in watch. */
  const OWN = ['schemaVersion', 'settings', 'watchIds', 'summary', ...[KEYS.def, KEYS.state, KEYS.history].map((key) => key(PLUS))];
  /** A second watch (switched off, so it is neither checked nor counted on the badge). */
  const shop = {
    id: 'shop1',
    name: 'GPU at the shop',
    kind: 'page',
    url: 'https://shop.example/gpu',
    rule: { type: 'auto' },
    intervalMinutes: 5,
    notify: true,
    enabled: false,
  };
  /** A watch of a kind this build does not know (a newer build's, say): dropped from the list, its key left alone. */
  const foreignWatch = { id: 'bad', name: 'Feed', kind: 'rss', url: 'https://example.com/feed', intervalMinutes: 5 };
  interface Case {
    name: string;
    /** What storage.local holds, built from the valid state the suite has at that moment. */
    data: (current: StoredView) => Record<string, unknown>;
    /** Repairs the worker logs; null when nothing needs repairing; undefined when either is fine. */
    reasons: string[] | null | undefined;
    schemaVersion: number;
    /** Keys of storage.local afterwards: the extension's own, plus any it does not know, left alone. */
    keys: (seeded: Record<string, unknown>) => string[];
    verify?: (s: StoredView, seeded: Record<string, unknown>) => void;
  }
  const cases: Case[] = [
    {
      name: '1.x-shaped garbage',
      data: () => ({ schemaVersion: 1, settings: 'fast', watch: [1, 2], history: { transitions: 'lots', days: null }, junk: { a: 1 } }),
      reasons: [
        'settings was text; reset',
        `state:${PLUS} was a list; reset`,
        `history:${PLUS}.transitions was text; reset`,
        `history:${PLUS}.days was null; reset`,
      ],
      schemaVersion: SCHEMA_VERSION,
      // 1.x's `watch` and `history` moved under the built-in watch's keys and are gone.
      keys: () => [...OWN, 'junk'],
      verify: (s) => {
        expect(s.raw.junk).toEqual({ a: 1 });
        expect(s.settings).toEqual(DEFAULT_SETTINGS);
        expect(s.watchIds).toEqual([PLUS]);
        expect(s.plus.intervalMinutes).toBe(2);
      },
    },
    {
      name: '2.0-shaped garbage: each field repaired on its own, what is valid kept',
      data: (current) => ({
        schemaVersion: SCHEMA_VERSION,
        settings: 'fast',
        watchIds: 'all',
        summary: 7,
        [KEYS.def(PLUS)]: { ...current.plus, intervalMinutes: 5 },
        [KEYS.state(PLUS)]: { ...current.watch, latest: 'paused', alertArmed: 'yes' },
        [KEYS.history(PLUS)]: { transitions: [...current.history.transitions, { at: 'soon', state: 'maybe' }], days: null },
        [KEYS.def('shop1')]: shop,
        [KEYS.state('shop1')]: 'x',
        [KEYS.def('bad')]: foreignWatch,
        junk: { a: 1 },
      }),
      reasons: [
        'settings was text; reset',
        'watchIds was text; rebuilt from the stored watches',
        `state:${PLUS}.latest was text; reset`,
        `state:${PLUS}.alertArmed was text; reset`,
        `history:${PLUS}.transitions: dropped 1 malformed entries`,
        `history:${PLUS}.days was null; reset`,
        'state:shop1 was text; reset',
        'watch:bad is not a valid watch',
      ],
      schemaVersion: SCHEMA_VERSION,
      keys: () => [...OWN, ...[KEYS.def, KEYS.state, KEYS.history].map((key) => key('shop1')), KEYS.def('bad'), 'junk'],
      verify: (s, seeded) => {
        const before = seeded[KEYS.state(PLUS)] as StoredView['watch'];
        // What was confirmed survives the repair of the fields beside it.
        expect(s.watch.confirmed).toMatchObject({ availability: 'paused', since: before.confirmed?.since });
        const transitions = (seeded[KEYS.history(PLUS)] as StoredView['history']).transitions.slice(0, -1);
        expect(s.history.transitions.slice(0, transitions.length)).toEqual(transitions);
        expect(s.plus.intervalMinutes).toBe(5);
        expect(s.settings).toEqual(DEFAULT_SETTINGS);
        expect([...s.watchIds].sort()).toEqual([PLUS, 'shop1']);
        expect(s.raw[KEYS.def('shop1')]).toEqual(shop);
        expect(s.raw[KEYS.state('shop1')]).toMatchObject({ latest: null, confirmed: null });
        expect(s.raw[KEYS.def('bad')]).toEqual(foreignWatch);
        expect(s.raw.junk).toEqual({ a: 1 });
      },
    },
    {
      name: 'an older (unversioned) schema',
      data: () => ({ settings: { intervalMs: 300_000, notificationsEnabled: true }, watch: { confirmed: paused } }),
      reasons: [`state:${PLUS}.latest was missing; reset`],
      schemaVersion: SCHEMA_VERSION,
      keys: () => OWN,
      verify: (s) => {
        expect(s.plus.intervalMinutes).toBe(5);
        expect(s.watch.confirmed?.since).toBe(paused.since);
      },
    },
    {
      // Going back a version: the newer build's settings and history are kept, not wiped, and so are
      // its version number and the keys this build does not know.
      name: 'a future schema version',
      data: (current) => ({
        ...current.raw,
        schemaVersion: 7,
        [KEYS.def(PLUS)]: { ...current.plus, intervalMinutes: 5 },
        v7: { channels: ['ntfy'] },
      }),
      reasons: null,
      schemaVersion: 7,
      keys: (seeded) => Object.keys(seeded),
      verify: (s, seeded) => {
        expect(s.plus.intervalMinutes).toBe(5);
        const before = (seeded[KEYS.history(PLUS)] as StoredView['history']).transitions;
        expect(s.history.transitions.slice(0, before.length)).toEqual(before);
        expect(s.raw.v7).toEqual({ channels: ['ntfy'] });
      },
    },
    {
      // 1.x wrote its watch only after the first check: a missing one is simply "not checked yet".
      name: 'a half-written 1.x state',
      data: () => ({ schemaVersion: 1, settings: { intervalMs: 600_000, notificationsEnabled: false } }),
      reasons: undefined,
      schemaVersion: SCHEMA_VERSION,
      keys: () => OWN,
      verify: (s) => {
        // As stored: switches added since (sound, remindUntilAct) are written only once set; they read as off.
        expect(s.settings).toEqual({ notificationsEnabled: false, paused: false });
        expect(s.plus.intervalMinutes).toBe(10);
      },
    },
    {
      name: 'a half-written 2.0 state: a watch listed but never written, no summary',
      data: (current) => ({
        schemaVersion: SCHEMA_VERSION,
        settings: { notificationsEnabled: false, paused: false },
        watchIds: [PLUS, 'shop1'],
        [KEYS.def(PLUS)]: current.plus,
      }),
      reasons: ['watch:shop1 is listed but missing; dropped'],
      schemaVersion: SCHEMA_VERSION,
      keys: () => OWN,
      verify: (s) => {
        expect(s.watchIds).toEqual([PLUS]);
        expect(s.plus.intervalMinutes).toBe(10);
        expect(s.settings).toEqual({ notificationsEnabled: false, paused: false });
      },
    },
  ];
  for (const { name, data, reasons, schemaVersion, keys, verify } of cases) {
    it(name, async () => {
      const seeded = data(await storedState(ext));
      await seed(seeded);
      await ext.stopWorker();
      const logged = ext.console.length;
      popup = await ext.popup();
      const s = await checkNow(ext, popup);
      const log = ext.console.slice(logged).join('\n');
      for (const reason of reasons ?? []) expect(log).toContain(reason);
      if (reasons === null) expect(log).not.toContain('storage repaired');
      expect(s.schemaVersion).toBe(schemaVersion);
      expect(s.watch.latest?.kind).toBe('paused');
      expect(await ext.badge()).toBe('WAIT');
      expect(Object.keys(s.raw).sort()).toEqual([...new Set(keys(seeded))].sort());
      verify?.(s, seeded);
    });
  }
});

describe('the "can\'t check" watchdog', () => {
  /** Rewinds the clock of the current failure stretch, as if checks had failed for `hours`. */
  async function failingFor(hours: number) {
    const s = await storedState(ext);
    const start = Date.now() - hours * HOUR;
    await seed({ ...s.raw, [KEYS.state(PLUS)]: { ...s.watch, failingSince: start, lastGoodCheckAt: start, cantCheckAlerted: false } });
  }

  it('stays quiet for a short blip', async () => {
    const s = await storedState(ext);
    await seed({ ...s.raw, settings: { ...s.settings, notificationsEnabled: true } });
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
    expect(await waitFor(ext.notifications, (n) => n.length > 0)).toEqual(['cant-check:chatgpt-plus']);
    await expect.poll(() => popup.locator('.times').textContent()).toMatch(/Last good check\s*[^()]*\(7 hours ago\)/);
    await (await ext.worker()).evaluate(() => chrome.notifications.clear('cant-check:chatgpt-plus'));
    await checkNow(ext, popup);
    await checkNow(ext, popup);
    expect(await ext.notifications()).toEqual([]);

    await failingFor(8);
    const s = await storedState(ext);
    await seed({ ...s.raw, [KEYS.state(PLUS)]: { ...s.watch, cantCheckAlerted: false } });
    await checkNow(ext, popup);
    expect(await waitFor(ext.notifications, (n) => n.length > 0)).toEqual(['cant-check:chatgpt-plus']);
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
