// The popup read at a glance (issue 18): what sorts first, and what each row says.
import { describe, expect, it } from 'vitest';
import { reading } from '../../tests/unit/readings';
import { EMPTY_HISTORY } from '../core/history';
import { loadStored } from '../core/stored-schema';
import type { Verdict } from '../core/verdict';
import type { WatchDef } from '../core/watch-def';
import { INITIAL_WATCH, type WatchState } from '../core/watch-state';
import { type AlertPolicy, applyReadings } from '../core/watch-transitions';
import { byGlance, confirmedWordKey, rowTone, rowWordKey } from './glance';

const POLICY: AlertPolicy = { reopenCooldownMs: 1_800_000, cantCheckAfterMs: 21_600_000, notificationsEnabled: true };
const page = (id: string, extra: Partial<WatchDef> = {}): WatchDef => ({
  id,
  name: id,
  kind: 'page',
  url: `https://shop.example/${id}`,
  rule: { type: 'auto' },
  intervalMinutes: 5,
  notify: true,
  enabled: true,
  ...extra,
});

/** A state reached the way the worker reaches it: readings through the state machine. */
function stateAfter(readings: Verdict[][], start: WatchState = INITIAL_WATCH): WatchState {
  return readings.reduce((state, batch) => applyReadings(state, batch, (batch.at(-1)?.at ?? 0) + 1, POLICY).state, start);
}
const inStock = (at: number) => reading('open', at, { reason: 'structured-data' });
const soldOut = (at: number) => reading('paused', at, { reason: 'structured-data' });
const record = (def: WatchDef, state: WatchState, changedAt?: number) => ({
  def,
  state,
  history: changedAt === undefined ? EMPTY_HISTORY : { transitions: [{ at: changedAt, state: 'unknown' as const }], days: [] },
});

describe('the words of a row', () => {
  it('says a product page read from its offers as a shop does: in stock, sold out, above your price', () => {
    const open = stateAfter([[inStock(1000), inStock(2000)]]);
    expect(open.confirmed?.reason).toBe('structured-data');
    expect(rowWordKey(page('gpu'), open, true)).toBe('stateInStock');
    expect(rowWordKey(page('gpu'), stateAfter([[soldOut(1000)]]), true)).toBe('stateSoldOut');
    expect(rowWordKey(page('gpu'), stateAfter([[reading('paused', 1000, { reason: 'price-above' })]]), true)).toBe('stateAboveCeiling');
  });

  it('keeps open / paused for a sign-up read from its words, and for ChatGPT Plus', () => {
    expect(rowWordKey(page('beta'), stateAfter([[reading('paused', 1000, { reason: 'phrase-paused' })]]), true)).toBe('statePaused');
    const plus = { ...page('plus'), kind: 'chatgpt-plus' as const, rule: null };
    expect(rowWordKey(plus, stateAfter([[reading('paused', 1000, { reason: 'pause-flag' })]]), true)).toBe('statePaused');
  });

  it('keeps the confirmed word while checks fail, and says so when the site cannot be read', () => {
    const failing = stateAfter([[soldOut(1000)], [reading('error', 2000, { reason: 'http-status' })]]);
    expect(rowWordKey(page('gpu'), failing, true)).toBe('stateSoldOut');
    expect(rowTone(page('gpu'), failing, false)).toBe('attention');
    expect(rowWordKey(page('gpu'), failing, false)).toBe('toneAttention');
    expect(rowWordKey(page('gpu', { enabled: false }), failing, true)).toBe('toneOff');
  });

  it('words what was stored before 2.5 (no reason kept) plainly, and keeps a stored reason across loading', () => {
    expect(confirmedWordKey('page', { availability: 'open' })).toBe('stateOpen');
    const state = stateAfter([[soldOut(1000)]]);
    const loaded = loadStored({ schemaVersion: 3, watchIds: ['gpu'], 'watch:gpu': page('gpu'), 'state:gpu': state });
    expect(loaded.data.watches.gpu?.state.confirmed).toEqual(state.confirmed);
  });
});

describe('the popup order', () => {
  it('puts what needs the person first: open, queued, needs you, can’t tell, paused, off', () => {
    const rows = [
      record(page('off', { enabled: false }), stateAfter([[inStock(1), inStock(2)]])),
      record(page('paused'), stateAfter([[soldOut(1)]])),
      record(page('unknown'), stateAfter([[reading('error', 1, { reason: 'http-status' })]])),
      record(page('no-access'), stateAfter([[soldOut(1)]])),
      record(page('queued'), stateAfter([[soldOut(1)], [reading('queued', 2, { reason: 'queue-page' })]])),
      record(page('open'), stateAfter([[inStock(1), inStock(2)]])),
      record(page('never'), INITIAL_WATCH),
    ];
    const order = byGlance(rows, (r) => r.def.id !== 'no-access').map((r) => r.def.id);
    expect(order).toEqual(['open', 'queued', 'no-access', 'unknown', 'never', 'paused', 'off']);
  });

  it('orders one rank by the latest change first, and keeps the list order for ties', () => {
    const paused = stateAfter([[soldOut(1)]]);
    const rows = [
      record(page('a'), paused, 100),
      record(page('b'), paused, 300),
      record(page('c'), paused, 100),
      record(page('d'), paused, 200),
    ];
    expect(byGlance(rows, () => true).map((r) => r.def.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});
