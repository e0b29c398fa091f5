import { describe, expect, it } from 'vitest';
import { checkWatchShape } from './watch-check';
import { checkWatchFile } from './watch-file';

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
