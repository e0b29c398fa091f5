import { describe, expect, it } from 'vitest';
import { checkWatchShape } from './watch-check';
import { checkWatchFile, exportWatches } from './watch-file';

const page = { name: 'GPU', kind: 'page', url: 'https://shop.test/gpu' };

describe("a watch's channels", () => {
  it('are every channel unless a list of ids is given (null clears the list)', () => {
    expect(checkWatchShape(page)).toMatchObject({ ok: true, watch: expect.not.objectContaining({ channels: expect.anything() }) });
    expect(checkWatchShape({ ...page, channels: null })).toMatchObject({
      ok: true,
      watch: expect.not.objectContaining({ channels: expect.anything() }),
    });
    expect(checkWatchShape({ ...page, channels: ['ch-a', 'ch-a', 'ch_b'] })).toMatchObject({
      ok: true,
      watch: { channels: ['ch-a', 'ch_b'] },
    });
    expect(checkWatchShape({ ...page, channels: [] })).toMatchObject({ ok: true, watch: { channels: [] } });
  });

  it('refuses anything but a short list of plain ids', () => {
    for (const channels of ['ch-a', [1], ['a b'], Array.from({ length: 21 }, (_, i) => `c${i}`)])
      expect(checkWatchShape({ ...page, channels })).toEqual({
        ok: false,
        problems: ['channels must be a list of at most 20 channel ids'],
      });
  });

  it('are dropped from an imported file: ids belong to the browser that exported it', () => {
    const file = {
      format: 'reopen-watch/watches',
      version: 1,
      watches: [
        { ...page, channels: ['ch-elsewhere'] },
        { ...page, channels: 'junk' },
      ],
    };
    const checked = checkWatchFile(file);
    expect(checked.ok && checked.watches.map((w) => w.channels)).toEqual([undefined, undefined]);
  });
});

describe('read after rendering', () => {
  const page = { name: 'Drop', kind: 'page', url: 'https://spa.example/drop', intervalMinutes: 2 };

  it('is kept as render: true, and absent (not false) when off', () => {
    expect(checkWatchShape({ ...page, render: true })).toMatchObject({ ok: true, watch: { render: true } });
    const off = checkWatchShape({ ...page, render: false });
    expect(off.ok && off.watch).not.toHaveProperty('render');
  });

  it('is refused for a kind that cannot render, more often than every 2 minutes, or as anything but a boolean', () => {
    expect(checkWatchShape({ ...page, kind: 'json', rule: { type: 'json', pointer: '/a', test: 'truthy' }, render: true })).toEqual({
      ok: false,
      problems: ['a json watch cannot be read after rendering'],
    });
    expect(checkWatchShape({ ...page, intervalMinutes: 1, render: true })).toEqual({
      ok: false,
      problems: ['a watch read after rendering is checked at most every 2 minutes'],
    });
    expect(checkWatchShape({ ...page, render: 'yes' })).toEqual({ ok: false, problems: ['render must be true or false'] });
  });

  it('travels in the import/export file', () => {
    const file = {
      format: 'reopen-watch/watches',
      version: 1,
      watches: [{ ...page, rule: { type: 'auto' }, render: true, notify: true, enabled: true }],
    };
    const checked = checkWatchFile(file);
    expect(checked.ok && checked.watches[0]).toMatchObject({ render: true });
    const stored = { watchIds: ['w'], watches: { w: { def: { id: 'w', ...(checked.ok ? checked.watches[0] : {}) } } } };
    expect(exportWatches(stored as never).watches).toEqual([file.watches[0]]);
  });
});

describe('an auto rule’s conditions in the import/export file', () => {
  const shop = { name: 'RTX 5090 FE', kind: 'page', url: 'https://shop.example/rtx', intervalMinutes: 5, notify: true, enabled: true };
  const fileWith = (rule: unknown) => ({ format: 'reopen-watch/watches', version: 1, watches: [{ ...shop, rule }] });

  it('carry a price ceiling, its currency and a variant both ways', () => {
    const rule = { type: 'auto', maxPrice: 1999, currency: 'USD', variant: 'Founders Edition' };
    const checked = checkWatchFile(fileWith(rule));
    expect(checked.ok && checked.watches[0]?.rule).toEqual(rule);
    const stored = { watchIds: ['w'], watches: { w: { def: { id: 'w', ...(checked.ok ? checked.watches[0] : {}) } } } };
    expect(exportWatches(stored as never).watches).toEqual([{ ...shop, rule }]);
  });
});
