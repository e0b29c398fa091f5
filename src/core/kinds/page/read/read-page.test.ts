import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../../tests/corpus/parse-html';
import type { FetchedResponse } from './page-response';
import { readPage } from './read-page';

const response: FetchedResponse = { status: 200, url: 'https://shop.example/p', headers: { 'content-type': 'text/html' } };

describe('readPage', () => {
  it('reads the response before the rule', () => {
    const doc = parseHtml('<p>In stock</p>');
    expect(readPage(doc, { type: 'auto' }, { ...response, status: 404 })).toMatchObject({ kind: 'error', reason: 'http-status' });
    expect(readPage(doc, { type: 'auto' }, response)).toMatchObject({ kind: 'open' });
  });

  it('finds challenge markers in scripts when the caller passed no body', () => {
    const doc = parseHtml('<title>Shop</title><script>window._cf_chl_opt = {cType: "managed"}</script><p>In stock</p>');
    expect(readPage(doc, { type: 'auto' }, response)).toMatchObject({ kind: 'blocked', reason: 'challenge-page' });
  });

  it('refuses what is not an HTML page, or could not be parsed', () => {
    const json = { ...response, headers: { 'content-type': 'application/json; charset=utf-8' }, bodyText: '{}' };
    expect(readPage(null, { type: 'auto' }, json)).toMatchObject({
      kind: 'error',
      reason: 'not-html',
      evidence: 'the answer is application/json, not an HTML page',
    });
    expect(readPage(null, { type: 'auto' }, response)).toMatchObject({ kind: 'error', reason: 'not-html' });
  });

  it("carries the page's title, tidied and bounded, for Test to name a new watch by", () => {
    const titled = parseHtml(`<title>\n  RTX 5090 —\n  Shop  </title><p>In stock</p>`);
    expect(readPage(titled, { type: 'auto' }, response)).toMatchObject({ kind: 'open', title: 'RTX 5090 — Shop' });
    expect(readPage(parseHtml(`<title>${'x'.repeat(200)}</title><p>Sold out</p>`), { type: 'auto' }, response).title).toHaveLength(80);
    expect(readPage(parseHtml('<p>In stock</p>'), { type: 'auto' }, response)).not.toHaveProperty('title');
  });

  it('refuses an unknown rule type', () => {
    expect(readPage(parseHtml('<p>x</p>'), { type: 'css' } as never, response)).toMatchObject({ kind: 'error', reason: 'rule-invalid' });
  });
});
