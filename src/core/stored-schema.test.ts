import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY } from './history';
import { DEFAULT_SETTINGS, loadStored, SCHEMA_VERSION } from './stored-schema';
import { INITIAL_WATCH } from './watch-state';

const verdict = {
  kind: 'paused',
  reason: 'pause-flag',
  status: 200,
  at: 1000,
  durationMs: 80,
  bytes: 900,
  requests: 2,
  evidence: 'features contains disable_plus_upgrade_ui',
};
const good = {
  schemaVersion: 2,
  settings: { intervalMs: 300_000, notificationsEnabled: false, paused: false },
  watch: { ...INITIAL_WATCH, latest: verdict, confirmed: { availability: 'paused', since: 500, at: 1000 }, lastGoodCheckAt: 1000 },
  history: { transitions: [{ at: 500, state: 'paused' }], days: [{ day: '2026-11-27', checks: 3, open: 0, paused: 3, failed: 0 }] },
};

describe('loadStored', () => {
  it('a fresh install gets defaults, silently, and is written', () => {
    const { data, repairs, changed } = loadStored({});
    expect(data).toEqual({ schemaVersion: SCHEMA_VERSION, settings: DEFAULT_SETTINGS, watch: INITIAL_WATCH, history: EMPTY_HISTORY });
    expect(repairs).toEqual([]);
    expect(changed).toBe(true);
  });

  it('clean current data passes through untouched', () => {
    const { data, repairs, changed } = loadStored(structuredClone(good));
    expect(data).toEqual(good);
    expect(repairs).toEqual([]);
    expect(changed).toBe(false);
  });

  it('migrates unversioned (version 0) data, keeping what is valid', () => {
    const { schemaVersion: _, ...legacy } = structuredClone(good);
    const { data, changed } = loadStored(legacy);
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(data.settings).toEqual(good.settings);
    expect(data.watch.confirmed).toEqual(good.watch.confirmed);
    expect(changed).toBe(true);
  });

  it('migrates 1.0 data (version 1): settings gain the pause switch, nothing else changes', () => {
    const { paused: _, ...settings10 } = good.settings;
    const { data, repairs, changed } = loadStored({ ...structuredClone(good), schemaVersion: 1, settings: settings10 });
    expect(data).toEqual(good);
    expect(repairs).toEqual([]);
    expect(changed).toBe(true);
  });

  it('keeps data from a newer build (a downgrade) instead of wiping it, and its version number', () => {
    const { data, repairs, changed } = loadStored({ ...structuredClone(good), schemaVersion: 99 });
    expect(data.watch).toEqual(good.watch);
    expect(data.settings).toEqual(good.settings);
    expect(data.history).toEqual(good.history);
    expect(data.schemaVersion).toBe(99);
    expect(repairs).toEqual([]);
    expect(changed).toBe(false);
  });

  it('rejects a stored reason code this build does not know, keeping the rest of the state', () => {
    const raw = structuredClone(good) as Record<string, any>;
    raw.watch.latest = { ...verdict, reason: 'renamed-in-a-later-version' };
    const { data, repairs } = loadStored(raw);
    expect(data.watch.latest).toBeNull();
    expect(data.watch.confirmed).toEqual(good.watch.confirmed);
    expect(repairs).toEqual(['watch.latest was an object; reset']);
  });

  it.each([
    ['text', 'one'],
    ['negative', -1],
    ['fraction', 1.5],
  ])('resets a %s schema version', (_n, version) => {
    const { data, repairs } = loadStored({ ...structuredClone(good), schemaVersion: version });
    expect(data.settings).toEqual(DEFAULT_SETTINGS);
    expect(repairs[0]).toMatch(/is not a version; reset/);
  });

  it('repairs wrong types field by field and says which', () => {
    const raw = structuredClone(good) as Record<string, any>;
    raw.settings.intervalMs = 'fast';
    raw.watch.alertArmed = 'yes';
    raw.watch.latest = { ...verdict, kind: 'maybe' };
    raw.watch.failureStreak = -3;
    const { data, repairs, changed } = loadStored(raw);
    expect(data.settings).toEqual({ intervalMs: DEFAULT_SETTINGS.intervalMs, notificationsEnabled: false, paused: false });
    expect(data.watch.alertArmed).toBe(true);
    expect(data.watch.latest).toBeNull();
    expect(data.watch.failureStreak).toBe(0);
    expect(data.watch.confirmed).toEqual(good.watch.confirmed);
    expect(repairs).toEqual([
      'settings.intervalMs was text; reset',
      'watch.latest was an object; reset',
      'watch.alertArmed was text; reset',
      'watch.failureStreak was a number; reset',
    ]);
    expect(changed).toBe(true);
  });

  it('clamps an out-of-range interval', () => {
    const raw = structuredClone(good);
    raw.settings.intervalMs = 1000;
    expect(loadStored(raw).data.settings.intervalMs).toBe(30_000);
  });

  it('fills a half-written state (missing keys) from defaults and keeps the rest', () => {
    const { data, repairs } = loadStored({ schemaVersion: 2, settings: good.settings });
    expect(data.settings).toEqual(good.settings);
    expect(data.watch).toEqual(INITIAL_WATCH);
    expect(repairs).toEqual(['watch was missing; set to defaults', 'history was missing; set to defaults']);
  });

  it('keeps the good history entries and drops the malformed ones', () => {
    const raw = structuredClone(good) as Record<string, any>;
    raw.history.transitions.push({ at: 'later', state: 'open' }, null, { at: 900, state: 'open' });
    raw.history.days.push({ day: 'yesterday', checks: 1, open: 0, paused: 0, failed: 1 });
    const { data, repairs } = loadStored(raw);
    expect(data.history.transitions).toEqual([
      { at: 500, state: 'paused' },
      { at: 900, state: 'open' },
    ]);
    expect(data.history.days.map((d) => d.day)).toEqual(['2026-11-27']);
    expect(repairs).toEqual(['history.transitions: dropped 2 malformed entries', 'history.days: dropped 1 malformed entries']);
  });

  it.each([
    ['a string', 'garbage'],
    ['a list', [1, 2]],
    ['null', null],
    ['a number', 7],
  ])('survives %s as the whole storage', (_n, raw) => {
    const { data } = loadStored(raw);
    expect(data.watch).toEqual(INITIAL_WATCH);
  });

  it('survives garbage in every key', () => {
    const { data, repairs } = loadStored({ schemaVersion: 2, settings: 'x', watch: [], history: 5 });
    expect(data.history).toEqual(EMPTY_HISTORY);
    expect(repairs).toHaveLength(3);
  });
});
