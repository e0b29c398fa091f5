import { describe, expect, it } from 'vitest';
import { chromeStored } from '../../tests/unit/chrome-stored';
import { EMPTY_HISTORY } from './history';
import { CHATGPT_WATCH, CHATGPT_WATCH_ID } from './kinds/chatgpt-plus/built-in';
import { KEYS } from './storage-keys';
import { DEFAULT_SETTINGS, loadStored, loadWatch, SCHEMA_VERSION } from './stored-schema';
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
const state = { ...INITIAL_WATCH, latest: verdict, confirmed: { availability: 'paused', since: 500, at: 1000 }, lastGoodCheckAt: 1000 };
const history = { transitions: [{ at: 500, state: 'paused' }], days: [{ day: '2026-11-27', checks: 3, open: 0, paused: 3, failed: 0 }] };
/** What 1.0 stored (schema 1) and 1.1 (schema 2). */
const v10 = { schemaVersion: 1, settings: { intervalMs: 300_000, notificationsEnabled: false }, watch: state, history };
const v11 = { ...v10, schemaVersion: 2, settings: { ...v10.settings, paused: true } };
const shop = {
  id: 'shop1',
  name: 'GPU',
  kind: 'page',
  url: 'https://shop.test/gpu',
  rule: { type: 'auto' },
  intervalMinutes: 5,
  notify: true,
  enabled: true,
};

describe('loadStored (schema 3: one key per watch)', () => {
  it('a fresh install gets the ChatGPT Plus watch and defaults, silently, all to be written', () => {
    const { data, repairs, writes } = loadStored({});
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(data.watchIds).toEqual([CHATGPT_WATCH_ID]);
    expect(data.watches[CHATGPT_WATCH_ID]).toEqual({ def: CHATGPT_WATCH, state: INITIAL_WATCH, history: EMPTY_HISTORY });
    expect(data.settings).toEqual(DEFAULT_SETTINGS);
    expect(repairs).toEqual([]);
    expect(Object.keys(writes).sort()).toEqual(
      [
        'schemaVersion',
        'settings',
        'summary',
        'watchIds',
        KEYS.def(CHATGPT_WATCH_ID),
        KEYS.state(CHATGPT_WATCH_ID),
        KEYS.history(CHATGPT_WATCH_ID),
      ].sort(),
    );
  });

  it('migrates 1.0 data: the single watch becomes the chatgpt-plus watch, state and history intact', () => {
    const { data, repairs, writes, removals } = loadStored(structuredClone(v10));
    expect(repairs).toEqual([]);
    const plus = data.watches[CHATGPT_WATCH_ID];
    expect(plus?.state).toEqual(state);
    expect(plus?.history).toEqual(history);
    expect(plus?.def.intervalMinutes).toBe(5);
    expect(data.settings).toEqual({ notificationsEnabled: false, paused: false, remindUntilAct: false, sound: false });
    expect(writes[KEYS.state(CHATGPT_WATCH_ID)]).toEqual(state);
    expect(removals.sort()).toEqual(['history', 'watch']);
  });

  it('migrates 1.1 data, keeping the off switch', () => {
    const { data } = loadStored(structuredClone(v11));
    expect(data.settings.paused).toBe(true);
    expect(data.watches[CHATGPT_WATCH_ID]?.history).toEqual(history);
  });

  it('clean current data passes through with nothing to write', () => {
    const current = loadStored(structuredClone(v10));
    const stored = { ...structuredClone(v10), ...current.writes };
    for (const key of current.removals) delete (stored as Record<string, unknown>)[key];
    const again = loadStored(stored);
    expect(again.repairs).toEqual([]);
    expect(again.writes).toEqual({});
    expect(again.removals).toEqual([]);
  });

  it('clean data as Chrome hands it back (object keys sorted) has nothing to write: a full load rewrites no definition', () => {
    const text = { ...shop, id: 'shop2', rule: { type: 'text', selector: '#buy', pausedWhen: ['sold out'], openWhen: ['add to cart'] } };
    const api = { ...shop, id: 'api1', kind: 'json', rule: { type: 'json', pointer: '/a', test: 'equals', value: { n: 1, b: [2] } } };
    const first = loadStored({ ...structuredClone(v10), [KEYS.def('shop2')]: text, [KEYS.def('api1')]: api });
    const stored = chromeStored({ ...structuredClone(v10), [KEYS.def('shop2')]: text, [KEYS.def('api1')]: api, ...first.writes });
    for (const key of first.removals) delete (stored as Record<string, unknown>)[key];
    const again = loadStored(stored);
    expect(again.repairs).toEqual([]);
    expect(again.writes).toEqual({});
  });

  it('reads a watch whose id is __proto__ or constructor as an ordinary watch', () => {
    const odd = (id: string) => ({ ...shop, id });
    const { data, repairs } = loadStored({
      ...loadStored(structuredClone(v10)).writes,
      watchIds: [CHATGPT_WATCH_ID, '__proto__', 'constructor'],
      [KEYS.def('__proto__')]: odd('__proto__'),
      [KEYS.def('constructor')]: odd('constructor'),
    });
    expect(repairs.filter((r) => !r.includes('missing; set to defaults'))).toEqual([]);
    expect(data.watchIds).toEqual([CHATGPT_WATCH_ID, '__proto__', 'constructor']);
    expect(Object.keys(data.watches).sort()).toEqual([CHATGPT_WATCH_ID, '__proto__', 'constructor'].sort());
    expect(Object.getPrototypeOf(data.watches)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(data.watches, '__proto__')?.value?.def.id).toBe('__proto__');
  });

  it('keeps data from a newer build (a downgrade) and its version number; leaves unknown keys alone', () => {
    const current = { ...loadStored(structuredClone(v10)).writes, schemaVersion: 9, 'someone-else': 1 };
    const { data, repairs, removals, writes } = loadStored(current);
    expect(data.schemaVersion).toBe(9);
    expect(data.watches[CHATGPT_WATCH_ID]?.state).toEqual(state);
    expect(repairs).toEqual([]);
    expect(removals).toEqual([]);
    expect(writes).not.toHaveProperty('someone-else');
  });

  it('never rewrites what a newer build stored, even fields this build does not know', () => {
    const current = loadStored(structuredClone(v10)).writes;
    const def = { ...(current[KEYS.def(CHATGPT_WATCH_ID)] as object), channels: ['ch-1'] };
    const { writes } = loadStored({ ...current, schemaVersion: 4, [KEYS.def(CHATGPT_WATCH_ID)]: def });
    expect(writes).not.toHaveProperty(KEYS.def(CHATGPT_WATCH_ID));
    expect(writes).not.toHaveProperty(KEYS.state(CHATGPT_WATCH_ID));
  });

  it('says so when 1.x settings were garbage, instead of replacing them silently', () => {
    const { data, repairs } = loadStored({ ...structuredClone(v10), settings: 'fast' });
    expect(data.settings).toEqual(DEFAULT_SETTINGS);
    expect(repairs).toContain('settings was text; reset');
  });

  it('repairs one watch field by field and never loses the others', () => {
    const current = {
      ...loadStored(structuredClone(v10)).writes,
      watchIds: [CHATGPT_WATCH_ID, 'shop1'],
      [KEYS.def('shop1')]: shop,
      [KEYS.state('shop1')]: { ...state, latest: { ...verdict, reason: 'renamed-later' }, alertArmed: 'yes' },
    };
    const { data, repairs } = loadStored(current);
    expect(data.watchIds).toEqual([CHATGPT_WATCH_ID, 'shop1']);
    expect(data.watches.shop1?.state.latest).toBeNull();
    expect(data.watches.shop1?.state.confirmed).toEqual(state.confirmed);
    expect(data.watches.shop1?.history).toEqual(EMPTY_HISTORY);
    expect(repairs).toEqual(['state:shop1.latest was an object; reset', 'state:shop1.alertArmed was text; reset']);
  });

  it("keeps a verdict's evidence message when well-formed; a malformed one costs only the message, never the verdict", () => {
    const message = { key: 'evPauseFlag', args: ['disable_plus_upgrade_ui'] };
    const nested = { key: 'evStep', args: ['/api/auth/session', { key: 'evUnreachable', args: ['chatgpt.com'] }] };
    const deep = [1, 2, 3, 4].reduce<unknown>((inner) => ({ key: 'evStep', args: ['/x', inner] }), { key: 'evHttp', args: ['500'] });
    const load = (evidenceMessage: unknown) =>
      loadStored({
        ...loadStored(structuredClone(v10)).writes,
        watchIds: [CHATGPT_WATCH_ID, 'shop1'],
        [KEYS.def('shop1')]: shop,
        [KEYS.state('shop1')]: { ...state, latest: { ...verdict, evidenceMessage } },
      });
    for (const good of [message, nested]) {
      const { data, repairs } = load(good);
      expect(data.watches.shop1?.state.latest?.evidenceMessage).toEqual(good);
      expect(repairs).toEqual([]);
    }
    for (const bad of [
      'features contains x',
      { key: 'pauseFlag', args: [] },
      { key: 'evPauseFlag' },
      { key: 'evPauseFlag', args: [7] },
      { key: 'evPauseFlag', args: ['x'.repeat(201)] },
      { key: 'evPauseFlag', args: Array(10).fill('x') },
      deep,
    ]) {
      const { data, repairs, writes } = load(bad);
      expect(data.watches.shop1?.state.latest).toEqual(verdict);
      expect(repairs).toEqual(['state:shop1.latest.evidenceMessage was malformed; dropped']);
      expect(writes[KEYS.state('shop1')]).toMatchObject({ latest: verdict });
    }
  });

  it('finds a watch whose id never made it into the list, and drops an invalid one with a reason', () => {
    const current = {
      ...loadStored(structuredClone(v10)).writes,
      [KEYS.def('shop1')]: shop,
      [KEYS.def('bad')]: { ...shop, id: 'bad', url: 'ftp://x' },
    };
    const { data, repairs } = loadStored(current);
    expect(data.watchIds).toEqual([CHATGPT_WATCH_ID, 'shop1']);
    expect(repairs).toContain('found 2 watches missing from the list');
    expect(repairs.some((r) => r.startsWith('watch:bad is not a valid watch'))).toBe(true);
  });

  it("keeps a watch's channel choice; a damaged one costs only the choice (every channel), never the watch", () => {
    const base = loadStored(structuredClone(v10)).writes;
    const chosen = loadStored({
      ...base,
      watchIds: [CHATGPT_WATCH_ID, 'shop1'],
      [KEYS.def('shop1')]: { ...shop, channels: ['ch-a', 'ch-b'] },
    });
    expect(chosen.data.watches.shop1?.def.channels).toEqual(['ch-a', 'ch-b']);
    expect(chosen.repairs).toEqual([]);
    const damaged = loadStored({ ...base, watchIds: [CHATGPT_WATCH_ID, 'shop1'], [KEYS.def('shop1')]: { ...shop, channels: 'ch-a' } });
    expect(damaged.data.watches.shop1?.def).toEqual(shop);
    expect(damaged.repairs).toContain('watch:shop1 had an unusable channel list; it alerts every channel');
  });

  it('restores the built-in watch if it is missing; it can be switched off, not deleted', () => {
    const { data, repairs } = loadStored({ schemaVersion: 3, settings: DEFAULT_SETTINGS, watchIds: ['shop1'], [KEYS.def('shop1')]: shop });
    expect(data.watchIds).toEqual([CHATGPT_WATCH_ID, 'shop1']);
    expect(repairs).toContain('the ChatGPT Plus watch was missing; restored');
  });

  it.each([
    ['a string', 'garbage'],
    ['a list', [1, 2]],
    ['null', null],
  ])('survives %s as the whole storage', (_n, raw) => {
    expect(loadStored(raw).data.watches[CHATGPT_WATCH_ID]?.state).toEqual(INITIAL_WATCH);
  });

  it('summarises every enabled watch for the toolbar', () => {
    const current = {
      ...loadStored(structuredClone(v10)).writes,
      watchIds: [CHATGPT_WATCH_ID, 'shop1'],
      [KEYS.def('shop1')]: shop,
      [KEYS.state('shop1')]: { ...state, latest: { ...verdict, kind: 'open' }, confirmed: { availability: 'open', since: 1, at: 2 } },
    };
    const { summary } = loadStored(current).data;
    expect(summary.counts).toMatchObject({ paused: 1, open: 1 });
    expect(summary.open).toEqual(['GPU']);
  });
});

describe('loadWatch (what one check reads)', () => {
  it('reads one watch with the settings and summary', () => {
    const stored = loadStored(structuredClone(v10)).writes;
    const loaded = loadWatch(stored, CHATGPT_WATCH_ID);
    expect(loaded?.record.state).toEqual(state);
    expect(loaded?.repairs).toEqual([]);
  });
  it('asks for a full load on older data or a missing summary', () => {
    expect(loadWatch(structuredClone(v10), CHATGPT_WATCH_ID)).toBeNull();
    const { summary: _, ...noSummary } = loadStored(structuredClone(v10)).writes;
    expect(loadWatch(noSummary, CHATGPT_WATCH_ID)).toBeNull();
  });
});
