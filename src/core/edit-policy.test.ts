import { describe, expect, it } from 'vitest';
import { applyEdit } from './edit-policy';
import type { Verdict } from './verdict';
import type { WatchDef } from './watch-def';
import { INITIAL_WATCH, type WatchState } from './watch-state';

const def: WatchDef = {
  id: 'w1',
  name: 'Stock API',
  kind: 'json',
  url: 'https://shop.test/api',
  rule: { type: 'json', pointer: '/inStock', test: 'truthy' },
  intervalMinutes: 5,
  notify: true,
  enabled: true,
};
const latest = { kind: 'open', reason: 'json-match', at: 1_000_000, status: 200 } as Verdict;
const state: WatchState = { ...INITIAL_WATCH, latest, alertsRaised: 3, valueType: 'boolean', nextCheckAt: 2_000_000 };
const context = { seen: {}, acceptType: false, now: 1_100_000, random: 0.5 };

describe('applyEdit', () => {
  it('writes nothing for an edit that changes nothing, whatever the key order', () => {
    const same = { ...def, rule: { test: 'truthy', type: 'json', pointer: '/inStock' } } as WatchDef;
    expect(applyEdit({ def, state }, same, context)).toEqual({ patch: null, dropSecret: false });
  });

  it('keeps what the watch knows on a rename', () => {
    expect(applyEdit({ def, state }, { ...def, name: 'Renamed' }, context)).toEqual({
      patch: { def: { ...def, name: 'Renamed' } },
      dropSecret: false,
    });
  });

  it('starts afresh on a new rule, keeping the count of alerts raised (event ids stay new)', () => {
    const edited = { ...def, rule: { type: 'json', pointer: '/slots', test: 'nonEmpty' } } as WatchDef;
    expect(applyEdit({ def, state }, edited, context).patch?.state).toEqual({ ...INITIAL_WATCH, alertsRaised: 3 });
  });

  it('starts afresh when rendering is switched on or off: the rendered page is read differently', () => {
    const page = { ...def, kind: 'page', rule: { type: 'auto' } } as WatchDef;
    const rendered = { ...page, render: true };
    expect(applyEdit({ def: page, state }, rendered, context).patch?.state).toEqual({ ...INITIAL_WATCH, alertsRaised: 3 });
    expect(applyEdit({ def: rendered, state }, page, context).patch?.state).toEqual({ ...INITIAL_WATCH, alertsRaised: 3 });
    // render: false is the same question as no render at all.
    expect(applyEdit({ def: page, state }, { ...page, render: false }, context).patch?.state).toBeUndefined();
  });

  it('times a new interval from the last check', () => {
    const patch = applyEdit({ def, state }, { ...def, intervalMinutes: 1 }, context).patch;
    expect(patch?.state?.nextCheckAt).toBeGreaterThanOrEqual(context.now + 1000);
    expect(patch?.state?.nextCheckAt).toBeLessThan(latest.at + 2 * 60_000);
    expect(applyEdit({ def, state }, { ...def, intervalMinutes: 1, enabled: false }, context).patch?.state?.nextCheckAt).toBeNull();
  });

  it('replaces a known value type only when the user accepted the new shape', () => {
    const seen = { valueType: 'string' as const };
    expect(applyEdit({ def, state }, def, { ...context, seen }).patch).toBeNull();
    expect(applyEdit({ def, state }, def, { ...context, seen, acceptType: true }).patch?.state?.valueType).toBe('string');
  });

  it('drops the secret header when the address leaves its origin or https', () => {
    expect(applyEdit({ def, state }, { ...def, url: 'https://shop.test/other' }, context).dropSecret).toBe(false);
    expect(applyEdit({ def, state }, { ...def, url: 'https://elsewhere.test/api' }, context).dropSecret).toBe(true);
    expect(applyEdit({ def, state }, { ...def, url: 'http://shop.test/api' }, context).dropSecret).toBe(true);
  });
});
