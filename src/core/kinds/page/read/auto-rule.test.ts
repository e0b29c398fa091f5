import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../../tests/corpus/parse-html';
import { readAuto } from './auto-rule';
import { listPhrases } from './evidence';

const PADDING = '<p>Waterproof trail shoe with a grippy outsole and a roomy toe box.</p>';
const auto = (body: string) => readAuto(parseHtml(`<html><body>${PADDING}${body}</body></html>`));

describe('readAuto', () => {
  it('prefers structured data to phrases', () => {
    const doc = parseHtml(
      `<script type="application/ld+json">{"@type":"Product","offers":{"availability":"InStock"}}</script><body>${PADDING}<p>Sold out</p></body>`,
    );
    expect(readAuto(doc)).toMatchObject({ kind: 'open', reason: 'structured-data' });
  });

  it('reads only paused phrases as paused, only open as open', () => {
    expect(auto('<p>Sold out</p><button>Notify me when available</button>')).toMatchObject({
      kind: 'paused',
      reason: 'phrase-paused',
      evidence: 'text "sold out", "notify me when available"',
    });
    expect(auto('<button>Add to basket</button>')).toMatchObject({ kind: 'open', reason: 'phrase-open', evidence: 'text "add to basket"' });
  });

  it('reads both as conflicting, quoting both', () => {
    expect(auto('<p>Out of stock</p><button>Buy now</button>')).toMatchObject({
      kind: 'error',
      reason: 'conflicting-signals',
      evidence: '"buy now" and "out of stock" both shown',
    });
  });

  it('never reads open from a disabled button, but takes a paused phrase from one', () => {
    expect(auto('<button disabled>Add to cart</button>')).toMatchObject({ kind: 'error', reason: 'no-signal' });
    expect(auto('<button disabled>Sold out</button>')).toMatchObject({ kind: 'paused', evidence: 'text "sold out" on a disabled button' });
    expect(auto('<button disabled>Sold out</button><button>Add to cart</button>')).toMatchObject({ reason: 'conflicting-signals' });
  });

  it('reads neither as no-signal, naming an unknown structured value when there was one', () => {
    expect(auto('<p>Hello</p>')).toMatchObject({ kind: 'error', reason: 'no-signal' });
    const doc = parseHtml(`<script type="application/ld+json">{"@type":"Offer","availability":"Maybe"}</script><body>${PADDING}</body>`);
    expect(readAuto(doc)).toMatchObject({ kind: 'error', reason: 'no-signal', evidence: 'JSON-LD availability "Maybe" not recognised' });
  });

  it('reads a page with no text as needing rendering', () => {
    const doc = parseHtml('<head><script src="/app.js"></script></head><body><div id="root"></div></body>');
    expect(readAuto(doc)).toMatchObject({
      kind: 'error',
      reason: 'needs-rendering',
      evidence: 'only 0 characters of visible text, 1 script',
    });
  });

  it('never counts phrases that only a script or hidden markup holds', () => {
    expect(auto('<script>"In stock"</script><div hidden>Add to cart</div><p aria-hidden="true">Buy now</p>')).toMatchObject({
      reason: 'no-signal',
    });
  });
});

describe('listPhrases', () => {
  it('quotes phrases while the line stays short, then counts the rest', () => {
    expect(listPhrases(['sold out'])).toBe('"sold out"');
    expect(listPhrases(['sold out', 'join the waitlist'])).toBe('"sold out", "join the waitlist"');
    expect(listPhrases(['a'.repeat(40), 'b'.repeat(40), 'c'])).toMatchObject({
      evidence: `"${'a'.repeat(40)}" and 2 more`,
      evidenceMessage: { key: 'evMore', args: [`"${'a'.repeat(40)}"`, '2'] },
    });
  });
});
