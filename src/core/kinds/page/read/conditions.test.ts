import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../../tests/corpus/parse-html';
import { validatePageRule } from '../check/validate-page-rule';
import { readAuto, readAutoFound } from './auto-rule';
import { matchesVariant } from './conditions';
import { findOffers } from './offers';

const ld = (...blocks: unknown[]) =>
  parseHtml(
    `<html><head>${blocks.map((b) => `<script type="application/ld+json">${JSON.stringify(b)}</script>`).join('')}</head><body><h1>Shop</h1></body></html>`,
  );
const offer = (availability: string, price?: unknown, priceCurrency = 'USD', extra: object = {}) => ({
  '@type': 'Offer',
  availability: `https://schema.org/${availability}`,
  ...(price !== undefined && { price, priceCurrency }),
  ...extra,
});
const product = (offers: unknown, extra: object = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'Product',
  name: 'RTX 5090 FE',
  offers,
  ...extra,
});
const read = (doc: Document, rule: object = {}) => {
  const r = readAuto(doc, undefined, { type: 'auto', ...rule });
  return [r.kind, r.reason, r.evidence] as const;
};

describe('prices read from the page data', () => {
  it('quotes the price read, as written, with its currency', () => {
    expect(read(ld(product(offer('InStock', '899.00'))))).toEqual([
      'open',
      'structured-data',
      'JSON-LD availability InStock at 899.00 USD',
    ]);
    expect(read(ld(product(offer('OutOfStock', 1999))))[2]).toBe('JSON-LD availability OutOfStock at 1999 USD');
  });

  it('reads an AggregateOffer range, a priceSpecification, microdata content before text, and meta tags', () => {
    const range = product({
      '@type': 'AggregateOffer',
      lowPrice: '649.00',
      highPrice: '899.00',
      priceCurrency: 'USD',
      availability: 'InStock',
    });
    expect(read(ld(range))[2]).toBe('JSON-LD availability InStock from 649.00 to 899.00 USD');
    const spec = product({
      '@type': 'Offer',
      availability: 'InStock',
      priceSpecification: [
        { '@type': 'UnitPriceSpecification', priceType: 'https://schema.org/ListPrice', price: 999, priceCurrency: 'EUR' },
        { '@type': 'UnitPriceSpecification', price: '1.299,00', priceCurrency: 'EUR' },
      ],
    });
    const [first] = findOffers(ld(spec)).sources[0] ?? [];
    expect(first?.price).toEqual({ amount: 1299, text: '1.299,00' });
    expect(first?.currency).toBe('EUR');
    const micro = parseHtml(
      '<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Boot</span><div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="129.00">$129</span><meta itemprop="priceCurrency" content="usd"><link itemprop="availability" href="https://schema.org/InStock"></div></div>',
    );
    expect(read(micro)[2]).toBe('microdata availability InStock at 129.00 USD');
    const meta = parseHtml(
      '<meta property="product:availability" content="in stock"><meta property="product:price:amount" content="1299.-"><meta property="product:price:currency" content="CHF">',
    );
    expect(findOffers(meta).sources[0]?.[0]?.price?.amount).toBe(1299);
  });

  it('never takes a price from visible text', () => {
    const doc = parseHtml('<main><h1>RTX 5090</h1><p>Price: $1,999.00</p><button>Add to cart</button></main>');
    expect(read(doc, { maxPrice: 2500 })).toEqual(['error', 'no-price', 'text "add to cart", but the page\'s data states no price']);
  });
});

describe('a price ceiling', () => {
  it('is open at or under the ceiling and paused above it, naming the price', () => {
    expect(read(ld(product(offer('InStock', '1999.00'))), { maxPrice: 1999, currency: 'USD' })[0]).toBe('open');
    expect(read(ld(product(offer('InStock', '2899.00'))), { maxPrice: 1999, currency: 'USD' })).toEqual([
      'paused',
      'price-above',
      'JSON-LD availability InStock at 2899.00 USD, above 1999',
    ]);
  });

  it('counts only orderable offers: a cheap sold-out offer does not open it', () => {
    const doc = ld(product([offer('OutOfStock', '699'), offer('InStock', '899')]));
    expect(read(doc, { maxPrice: 699 })[1]).toBe('price-above');
    const some = ld(product([offer('InStock', '899'), offer('InStock', '649')]));
    expect(read(some, { maxPrice: 699 })).toEqual(['open', 'structured-data', 'JSON-LD availability InStock at 649 USD, within 699']);
  });

  it('says no-price, other-currency, and reads a sold-out page as paused without a price', () => {
    expect(read(ld(product(offer('InStock'))), { maxPrice: 699 })[1]).toBe('no-price');
    expect(read(ld(product(offer('InStock', '599', 'EUR'))), { maxPrice: 699, currency: 'USD' })).toEqual([
      'error',
      'other-currency',
      'priced in EUR, not USD: JSON-LD availability InStock at 599 EUR',
    ]);
    expect(read(ld(product(offer('OutOfStock'))), { maxPrice: 699 })[0]).toBe('paused');
  });

  it('without a currency, offers priced in several currencies cannot be compared: can’t tell, never open', () => {
    const doc = ld(product([offer('InStock', '759', 'GBP'), offer('InStock', '879', 'EUR'), offer('InStock', '949', 'USD')]));
    expect(read(doc, { maxPrice: 800 })).toEqual(['error', 'other-currency', 'priced in GBP, EUR, USD: the rule needs a currency']);
    expect(read(doc, { maxPrice: 800, currency: 'GBP' })[0]).toBe('open');
    expect(read(doc, { maxPrice: 800, currency: 'USD' })[1]).toBe('price-above');
  });

  it('an AggregateOffer that lists its offers is judged by them, not by its low price', () => {
    const listed = product({
      '@type': 'AggregateOffer',
      availability: 'InStock',
      lowPrice: '1619.99',
      highPrice: '1999.99',
      priceCurrency: 'USD',
      offers: [offer('OutOfStock', '1619.99'), offer('InStock', '1999.99')],
    });
    expect(read(ld(listed), { maxPrice: 1700, currency: 'USD' })[1]).toBe('price-above');
  });

  it('gives the page’s one meta price only to its only offer, and its currency to every offer', () => {
    const meta = '<meta property="product:price:amount" content="150.000"><meta property="product:price:currency" content="IDR">';
    const one = parseHtml(`${meta}<script type="application/ld+json">${JSON.stringify(product(offer('InStock')))}</script>`);
    expect(read(one, { maxPrice: 200000, currency: 'IDR' })).toEqual([
      'open',
      'structured-data',
      'JSON-LD availability InStock at 150.000 IDR, within 200000',
    ]);
    const two = parseHtml(
      `${meta}<script type="application/ld+json">${JSON.stringify(product([offer('InStock', undefined, 'IDR', { size: 'S' }), offer('InStock', undefined, 'IDR', { size: 'XL' })]))}</script>`,
    );
    expect(read(two, { variant: 'XL', maxPrice: 200000 })[1]).toBe('no-price');
  });

  it('an AggregateOffer qualifies by its low price', () => {
    const range = product({ '@type': 'AggregateOffer', lowPrice: 649, highPrice: 899, priceCurrency: 'USD', availability: 'InStock' });
    expect(read(ld(range), { maxPrice: 699, currency: 'USD' })[0]).toBe('open');
    expect(read(ld(range), { maxPrice: 600, currency: 'USD' })[1]).toBe('price-above');
    // Test lists it in no language's words ("from … to" is the evidence's English).
    expect(readAutoFound(ld(range)).found.prices).toEqual(['649–899 USD']);
  });
});

describe('the variant asked for', () => {
  const group = {
    '@context': 'https://schema.org',
    '@type': 'ProductGroup',
    name: 'Trail runner',
    hasVariant: [40, 41, 42, 142].map((size) => ({
      '@type': 'Product',
      sku: `TR-${size}`,
      size: String(size),
      color: 'Midnight Blue',
      offers: offer(size === 41 ? 'InStock' : 'OutOfStock', '120.00', 'EUR'),
    })),
  };

  it('counts only the matching variant, on whole words', () => {
    expect(read(ld(group), { variant: '41' })[0]).toBe('open');
    expect(read(ld(group), { variant: '42' })).toEqual(['paused', 'structured-data', 'JSON-LD availability OutOfStock at 120.00 EUR']);
    expect(read(ld(group), { variant: 'blue' })[0]).toBe('open');
    expect(read(ld(group), { variant: 'TR-41' })[0]).toBe('open');
  });

  it('lists the variants found when none matches', () => {
    const [kind, reason, evidence] = read(ld(group), { variant: '44' });
    expect([kind, reason]).toEqual(['error', 'variant-missing']);
    expect(evidence).toBe('no offer matches "44"; the page has "40", "41", "42", "142"');
    expect(read(parseHtml('<p>Sold out</p>'), { variant: '44' })[1]).toBe('variant-missing');
    expect(readAutoFound(ld(group)).found).toEqual({ prices: ['120.00 EUR'], variants: ['40', '41', '42', '142'] });
    // A single product's name is not a variant to choose.
    expect(readAutoFound(ld(product(offer('InStock', '899.00')))).found).toEqual({ prices: ['899.00 USD'], variants: [] });
  });

  it('matches whole words without case, and CJK anywhere', () => {
    const words = (identity: string[]) => ({ identity });
    expect(matchesVariant(words(['RTX 5080 16 GB']), '16 gb')).toBe(true);
    expect(matchesVariant(words(['RTX 5080 16GB']), '16 GB')).toBe(false);
    expect(matchesVariant(words(['X421']), '42')).toBe(false);
    expect(matchesVariant(words(['曜石黑 256GB']), '曜石黑')).toBe(true);
    expect(matchesVariant(words(['anything']), '  ')).toBe(false);
  });

  it('is not fooled by the product’s own name, half sizes or apostrophes (never a false open)', () => {
    const tee = product(
      [offer('OutOfStock', '25', 'USD', { size: 'S', name: "Men's Tee" }), offer('InStock', '25', 'USD', { size: 'M', name: "Men's Tee" })],
      { name: "Men's Tee" },
    );
    expect(read(ld(tee), { variant: 'S' })[0]).toBe('paused');
    expect(read(ld(tee), { variant: 'M' })[0]).toBe('open');
    const halves = {
      ...group,
      hasVariant: ['42', '42.5', '42 1/2'].map((size) => ({
        '@type': 'Product',
        size,
        offers: offer(size === '42' ? 'OutOfStock' : 'InStock', '120', 'EUR'),
      })),
    };
    expect(read(ld(halves), { variant: '42' })[0]).toBe('paused');
    expect(read(ld(halves), { variant: '42.5' })[0]).toBe('open');
    const blue = product([offer('OutOfStock', '10', 'USD', { color: 'Red' }), offer('InStock', '10', 'USD', { color: 'Green' })], {
      name: 'Blue Tee',
    });
    expect(read(ld(blue), { variant: 'blue' })[1]).toBe('variant-missing');
  });

  it('goes with a price ceiling', () => {
    expect(read(ld(group), { variant: '41', maxPrice: 100, currency: 'EUR' })[1]).toBe('price-above');
    expect(read(ld(group), { variant: '41', maxPrice: 120, currency: 'EUR' })[0]).toBe('open');
  });
});

describe('auto rule fields', () => {
  it('accepts a ceiling, a currency and a variant, and refuses bad ones with a reason', () => {
    expect(validatePageRule({ type: 'auto' })).toEqual([]);
    expect(validatePageRule({ type: 'auto', maxPrice: 1999, currency: 'USD', variant: 'Founders Edition' })).toEqual([]);
    expect(validatePageRule({ type: 'auto', maxPrice: -1 })).toEqual(['maxPrice must be a number from 0 up when given']);
    expect(validatePageRule({ type: 'auto', maxPrice: Number.POSITIVE_INFINITY })).toHaveLength(1);
    expect(validatePageRule({ type: 'auto', maxPrice: '699' })).toHaveLength(1);
    expect(validatePageRule({ type: 'auto', maxPrice: 5, currency: 'XYZ' })[0]).toMatch(/ISO 4217/);
    expect(validatePageRule({ type: 'auto', maxPrice: 5, currency: 'usd' })[0]).toMatch(/ISO 4217/);
    expect(validatePageRule({ type: 'auto', currency: 'USD' })).toEqual(['currency needs a maxPrice']);
    expect(validatePageRule({ type: 'auto', variant: 'x'.repeat(101) })).toEqual(['variant is longer than 100 characters']);
    expect(validatePageRule({ type: 'auto', variant: '--' })).toHaveLength(1);
    expect(validatePageRule({ type: 'auto', colour: 'red' })).toEqual(['unknown field "colour" in an auto rule']);
  });
});
