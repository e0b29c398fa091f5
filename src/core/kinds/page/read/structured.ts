import type { Reading } from '../reasons';
import { type Conditions, matchesVariant, sharedNamesOf, withinCurrency } from './conditions';
import { listPhrases, quote, reading } from './evidence';
import { findOffers, type Offer, type PageOffers } from './offers';

const known = (o: Offer) => o.availability !== null && o.availability.availability !== 'unknown';
const orderable = (o: Offer) => o.availability?.availability === 'orderable';

/** `at 899.00 USD`, `from 649.00 to 899.00 USD`: the price as the page's data wrote it. */
export function describePrice(offer: Pick<Offer, 'price' | 'currency'>): string {
  const { price, currency } = offer;
  if (!price) return '';
  const unit = currency ? ` ${currency}` : '';
  return price.high ? ` from ${price.text} to ${price.high.text}${unit}` : ` at ${price.text}${unit}`;
}

// Meta words are quoted as written ("in stock"); schema.org values are shown by their name.
function describe(offer: Offer, withPrice = true): string {
  const a = offer.availability;
  const value = !a ? '' : offer.where.startsWith('meta') || a.availability === 'unknown' ? quote(a.raw) : a.label;
  return `${offer.where} ${value}${withPrice ? describePrice(offer) : ''}`;
}

const counted = (pool: Offer[]): string => {
  const knownOnes = pool.filter(known);
  if (knownOnes.length < 2) return '';
  const yes = knownOnes.filter(orderable).length;
  return ` (${yes ? `${yes} of ${knownOnes.length} offers orderable` : `all ${knownOnes.length} offers`})`;
};

/** The variants a page's offers name, each once, for the user to choose from. */
export function variantsOf(offers: readonly Offer[]): string[] {
  const seen = new Map<string, string>();
  for (const offer of offers) if (offer.label && !seen.has(offer.label.toLowerCase())) seen.set(offer.label.toLowerCase(), offer.label);
  return [...seen.values()];
}

/** What the Test and "Watch this page" show of a page's data: each price read, and the variants to choose from. */
export interface OffersFound {
  prices: string[];
  variants: string[];
}

export function offersFound(page: PageOffers): OffersFound {
  const offers = page.sources[0] ?? [];
  const prices = [...new Set(offers.map((o) => describePrice(o).trim()).filter(Boolean))].slice(0, 10);
  // One product's own name is not a choice: variants are listed only when there are several.
  const variants = variantsOf(offers);
  return { prices, variants: variants.length > 1 ? variants.slice(0, 30) : [] };
}

/** The price ceiling over the orderable offers of the variant asked for (a sold-out page needs no price). */
function readCeiling(pool: Offer[], maxPrice: number, currency: string | undefined): Reading {
  const ready = pool.filter(orderable);
  const priced = ready.filter((o) => o.price);
  if (!priced.length) return reading('error', 'no-price', `${describe(ready[0] as Offer)}, but the page's data states no price`);
  // Without a currency in the rule, 800 means nothing across GBP, EUR and USD: can't tell, not open.
  const named = [...new Set(priced.map((o) => o.currency).filter((c): c is string => c !== null))];
  if (!currency && named.length > 1) return reading('error', 'other-currency', `priced in ${named.join(', ')}: the rule needs a currency`);
  const inCurrency = priced.filter((o) => withinCurrency(o, currency));
  if (!inCurrency.length) {
    const others = [...new Set(priced.map((o) => o.currency ?? '?'))].join(', ');
    return reading('error', 'other-currency', `priced in ${others}, not ${currency}: ${describe(priced[0] as Offer)}`);
  }
  const cheapest = inCurrency.reduce((a, b) => ((b.price?.amount ?? 0) < (a.price?.amount ?? 0) ? b : a));
  const ceiling = `${maxPrice}`;
  if ((cheapest.price?.amount ?? Number.POSITIVE_INFINITY) <= maxPrice)
    return reading('open', 'structured-data', `${describe(cheapest)}, within ${ceiling}`);
  return reading('paused', 'price-above', `${describe(cheapest)}, above ${ceiling}`);
}

/**
 * The first source with a known value decides: open if any offer is orderable (and, with
 * conditions, of the variant asked for and within the price ceiling), else paused. Values this
 * version does not know are evidence of nothing; with only those the page goes on to phrases, and
 * `unknown` names one for the evidence if the phrases cannot tell either.
 */
export function readStructured(
  doc: Document,
  conditions: Conditions = {},
): { reading: Reading | null; unknown: string | null; page: PageOffers } {
  const page = findOffers(doc);
  let unknown: string | null = null;
  for (const offers of page.sources) {
    if (!offers.some(known)) {
      const shown = offers.find((o) => o.availability);
      if (shown) unknown ??= `${describe(shown, false)} not recognised`;
      continue;
    }
    let pool = offers;
    if (conditions.variant) {
      const variant = conditions.variant;
      const shared = sharedNamesOf(offers);
      pool = offers.filter((o) => matchesVariant(o, variant, shared));
      if (!pool.some(known)) {
        const names = variantsOf(offers);
        const has = names.length ? `; the page has ${listPhrases(names)}` : '; its offers name no variants';
        return { reading: reading('error', 'variant-missing', `no offer matches ${quote(variant)}${has}`), unknown, page };
      }
    }
    const ready = pool.filter(orderable);
    if (ready.length && conditions.maxPrice !== undefined) {
      return { reading: readCeiling(pool, conditions.maxPrice, conditions.currency), unknown, page };
    }
    const first = ready[0] ?? (pool.find(known) as Offer);
    const evidence = `${describe(first)}${counted(pool)}`;
    return { reading: reading(ready.length ? 'open' : 'paused', 'structured-data', evidence), unknown, page };
  }
  if (conditions.variant) {
    const why = page.sources.length ? 'no offer states its availability' : 'the page states no offers in its data';
    return { reading: reading('error', 'variant-missing', `no offer matches ${quote(conditions.variant)}: ${why}`), unknown, page };
  }
  return { reading: null, unknown, page };
}
