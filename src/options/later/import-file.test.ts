import { describe, expect, it } from 'vitest';
import { CHATGPT_WATCH } from '../../core/kinds/chatgpt-plus/built-in';
import { exportWatches } from '../../core/watch-file';
import { hostOfPattern } from '../access';
import { originsFor, readWatchFile } from './import-file';

const file = (watches: unknown[]) => JSON.stringify({ format: 'reopen-watch/watches', version: 1, watches });
const page = (name: string, url: string) => ({
  name,
  kind: 'page',
  url,
  rule: { type: 'auto' },
  intervalMinutes: 5,
  notify: true,
  enabled: true,
});

describe('reading an import file', () => {
  it('rejects a file over 1 MiB before parsing it', () => {
    expect(readWatchFile('', 1024 * 1024 + 1)).toEqual({ ok: false, problem: { key: 'optionsImportTooLarge' }, details: [] });
  });
  it('rejects text that is not JSON', () => {
    expect(readWatchFile('{"format": ', 11)).toEqual({ ok: false, problem: { key: 'optionsImportNotJson' }, details: [] });
  });
  it('lists every problem of a file in the wrong shape', () => {
    const text = file([page('A', 'ftp://x.example/'), { name: '', kind: 'page', url: 'https://y.example/' }]);
    const read = readWatchFile(text, text.length);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem).toEqual({ key: 'optionsImportInvalid' });
    expect(read.details).toHaveLength(2);
    expect(read.details[0]).toMatch(/^watch 1 \("A"\): url/);
    expect(read.details[1]).toMatch(/^watch 2.*name/);
  });
  it('drops a watch’s channels: ids belong to the browser that wrote the file, so it alerts every channel here', () => {
    const text = file([{ ...page('A', 'https://shop.example/a'), channels: ['ch-elsewhere'] }]);
    const read = readWatchFile(text, text.length);
    expect(read.ok && read.watches).toEqual([{ ...page('A', 'https://shop.example/a') }]);
  });
  it('rejects another format', () => {
    const read = readWatchFile('{"watches": []}', 15);
    expect(read.ok ? [] : read.details).toEqual(['"format" must be "reopen-watch/watches"']);
  });
  it('reads a valid file (with a byte-order mark) and names the sites it needs, once each', () => {
    const text = `\uFEFF${file([page('A', 'https://shop.example/a'), page('B', 'https://shop.example/b'), page('C', 'http://localhost:8080/c'), { name: 'ChatGPT Plus', kind: 'chatgpt-plus' }])}`;
    const read = readWatchFile(text, text.length);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.watches.map((w) => w.name)).toEqual(['A', 'B', 'C', 'ChatGPT Plus']);
    expect(read.origins).toEqual(['https://shop.example/*', 'http://localhost:8080/*']);
    expect(read.origins.map(hostOfPattern)).toEqual(['shop.example', 'localhost:8080']);
  });
  it('reads back what export writes', () => {
    const def = { ...page('A', 'https://shop.example/a'), id: 'a' } as never;
    const exported = JSON.stringify(
      exportWatches({ watchIds: ['chatgpt-plus', 'a'], watches: { 'chatgpt-plus': { def: CHATGPT_WATCH }, a: { def } } as never }),
    );
    const read = readWatchFile(exported, exported.length);
    expect(read.ok && read.watches.map((w) => w.kind)).toEqual(['chatgpt-plus', 'page']);
    expect(read.ok && read.origins).toEqual(['https://shop.example/*']);
  });
  it('needs no site for the built-in watch', () => {
    expect(originsFor([{ kind: 'chatgpt-plus', url: 'https://chatgpt.com/' }])).toEqual([]);
  });
});

describe('an auto rule’s conditions in an import file', () => {
  const withRule = (rule: unknown) => file([{ ...page('RTX 5090 FE', 'https://shop.example/rtx'), rule }]);
  const details = (rule: unknown, raw = (text: string) => text) => {
    const text = raw(withRule(rule));
    const read = readWatchFile(text, text.length);
    return read.ok ? 'accepted' : read.details.join(' | ');
  };

  it('are read as given', () => {
    const text = withRule({ type: 'auto', maxPrice: 1999, currency: 'USD', variant: '42' });
    const read = readWatchFile(text, text.length);
    expect(read.ok && read.watches[0]?.rule).toEqual({ type: 'auto', maxPrice: 1999, currency: 'USD', variant: '42' });
  });

  it('refuse an unknown currency, a negative or non-finite price and an over-long variant, each with its reason', () => {
    expect(details({ type: 'auto', maxPrice: 10, currency: 'ABC' })).toMatch(/^watch 1 .*currency must be an ISO 4217 code/);
    expect(details({ type: 'auto', maxPrice: -5 })).toMatch(/maxPrice must be a number from 0 up/);
    // JSON has no Infinity, but 1e400 parses to it.
    expect(details({ type: 'auto', maxPrice: 'HUGE' }, (text) => text.replace('"HUGE"', '1e400'))).toMatch(
      /maxPrice must be a number from 0 up/,
    );
    expect(details({ type: 'auto', variant: 'x'.repeat(500) })).toMatch(/variant is longer than 100 characters/);
  });
});
