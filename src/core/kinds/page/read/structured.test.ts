import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../../tests/corpus/parse-html';
import { classifyAvailability, foldAvailability } from './availability';
import { readStructured } from './structured';

const ld = (...blocks: unknown[]) =>
  parseHtml(
    `<html><head>${blocks.map((b) => `<script type="application/ld+json">${typeof b === 'string' ? b : JSON.stringify(b)}</script>`).join('')}</head><body></body></html>`,
  );
const product = (offers: unknown) => ({ '@context': 'https://schema.org', '@type': 'Product', name: 'X', offers });
const kindOf = (doc: Document) => readStructured(doc).reading?.kind ?? null;

describe('availability values', () => {
  it('fold case, spaces, underscores, hyphens and every schema.org prefix', () => {
    for (const v of [
      'InStock',
      'instock',
      'In Stock',
      'in_stock',
      'in-stock',
      'https://schema.org/InStock',
      'http://schema.org/InStock',
      'schema:InStock',
      'https://www.schema.org/InStock',
      ' IN STOCK ',
    ]) {
      expect(foldAvailability(v), v).toBe('instock');
    }
  });
  it.each([
    ['InStock', 'orderable'],
    ['LimitedAvailability', 'orderable'],
    ['OnlineOnly', 'orderable'],
    ['InStoreOnly', 'orderable'],
    ['PreOrder', 'orderable'],
    ['PreSale', 'orderable'],
    ['BackOrder', 'orderable'],
    ['MadeToOrder', 'orderable'],
    ['available for order', 'orderable'],
    ['preorder', 'orderable'],
    ['backorder', 'orderable'],
    ['OutOfStock', 'not-orderable'],
    ['SoldOut', 'not-orderable'],
    ['Discontinued', 'not-orderable'],
    ['Reserved', 'not-orderable'],
    ['out of stock', 'not-orderable'],
    ['oos', 'not-orderable'],
    ['sold out', 'not-orderable'],
    ['Available', 'unknown'],
    ['', 'unknown'],
  ])('%s is %s', (value, availability) => {
    expect(classifyAvailability(value).availability).toBe(availability);
  });
});

describe('readStructured', () => {
  it('reads an offer object, an offer array, and availability as {"@id"}', () => {
    expect(kindOf(ld(product({ '@type': 'Offer', availability: 'https://schema.org/InStock' })))).toBe('open');
    expect(kindOf(ld(product([{ '@type': 'Offer', availability: 'OutOfStock' }])))).toBe('paused');
    expect(kindOf(ld(product({ '@type': 'Offer', availability: { '@id': 'http://schema.org/PreOrder' } })))).toBe('open');
  });

  it('is open when any offer is orderable, and counts them', () => {
    const doc = ld(product({ '@type': 'AggregateOffer', offers: [{ availability: 'SoldOut' }, { availability: 'InStock' }] }));
    expect(readStructured(doc).reading).toMatchObject({
      kind: 'open',
      reason: 'structured-data',
      evidence: 'JSON-LD availability InStock (1 of 2 offers orderable)',
    });
  });

  it('follows @graph, arrays, mainEntity and hasVariant, across several blocks', () => {
    expect(kindOf(ld({ '@graph': [{ '@type': 'WebSite' }, product({ availability: 'OutOfStock' })] }))).toBe('paused');
    expect(kindOf(ld([{ '@type': 'Organization' }], [product({ availability: 'InStock' })]))).toBe('open');
    expect(kindOf(ld({ '@type': 'WebPage', mainEntity: product({ availability: 'SoldOut' }) }))).toBe('paused');
    expect(
      kindOf(ld({ '@type': 'ProductGroup', hasVariant: [product({ availability: 'SoldOut' }), product({ availability: 'BackOrder' })] })),
    ).toBe('open');
  });

  it('does not follow related or listed products', () => {
    const main = { ...product({ availability: 'OutOfStock' }), isRelatedTo: product({ availability: 'InStock' }) };
    const list = { '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', item: product({ availability: 'InStock' }) }] };
    expect(kindOf(ld(main, list))).toBe('paused');
    expect(kindOf(ld(list))).toBe(null);
  });

  it('skips malformed blocks and tolerates raw line breaks and comment wrappers', () => {
    expect(kindOf(ld('{"@type": "Product",, }', product({ availability: 'InStock' })))).toBe('open');
    expect(kindOf(ld('{"@type":"Product","description":"two\nlines","offers":{"availability":"SoldOut"}}'))).toBe('paused');
    expect(kindOf(ld(`<!--${JSON.stringify(product({ availability: 'InStock' }))}-->`))).toBe('open');
    expect(kindOf(ld('not json at all'))).toBe(null);
  });

  it('reads microdata from href, content or text, and meta by property or name', () => {
    expect(kindOf(parseHtml('<div itemscope><link itemprop="availability" href="https://schema.org/InStock"></div>'))).toBe('open');
    expect(kindOf(parseHtml('<div itemscope><meta itemprop="availability" content="OutOfStock"></div>'))).toBe('paused');
    expect(kindOf(parseHtml('<div itemscope><span itemprop="price availability">In stock</span></div>'))).toBe('open');
    expect(kindOf(parseHtml('<meta property="product:availability" content="in stock">'))).toBe('open');
    expect(kindOf(parseHtml('<meta name="product:availability" content="instock">'))).toBe('open');
    expect(kindOf(parseHtml('<meta property="og:availability" content="out of stock">'))).toBe('paused');
    expect(kindOf(parseHtml('<meta name="description" content="in stock">'))).toBe(null);
  });

  it('trusts JSON-LD over microdata over meta', () => {
    const doc = parseHtml(
      `<head><meta property="product:availability" content="in stock"><script type="application/ld+json">${JSON.stringify(product({ availability: 'OutOfStock' }))}</script></head><body><link itemprop="availability" href="InStock"></body>`,
    );
    expect(readStructured(doc).reading?.evidence).toBe('JSON-LD availability OutOfStock');
  });

  it('treats unknown values as no evidence, and names one for later', () => {
    const result = readStructured(ld(product({ availability: 'Available' })));
    expect(result.reading).toBeNull();
    expect(result.unknown?.evidence).toBe('JSON-LD availability "Available" not recognised');
    const withMeta = `<script type="application/ld+json">${JSON.stringify(product({ availability: 'Available' }))}</script><meta property="product:availability" content="oos">`;
    expect(kindOf(parseHtml(withMeta))).toBe('paused');
  });
});
