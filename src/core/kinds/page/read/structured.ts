import type { Evidence } from '../../../evidence-message';
import { type Conditions, matchesVariant, sharedNamesOf, withinCurrency } from './conditions';
import { type KeyedReading, listPhrases, quote, reading } from './evidence';
import { say } from './evidence-en';
import { findOffers, type Offer, type PageOffers } from './offers';

const known = (o: Offer) => o.availability !== null && o.availability.availability !== 'unknown';
const orderable = (o: Offer) => o.availability?.availability === 'orderable';

/** `at 899.00 USD`, `from 649.00 to 899.00 USD`: the price as the page's data wrote it; null without one. */
export function describePrice(offer: Pick<Offer, 'price' | 'currency'>): Evidence | null {
  const { price, currency } = offer;
  if (!price) return null;
  const unit = currency ? ` ${currency}` : '';
  return price.high ? say('evFromTo', price.text, `${price.high.text}${unit}`) : say('evAt', `${price.text}${unit}`);
}

// Meta words are quoted as written ("in stock"); schema.org values are shown by their name.
function describe(offer: Offer, withPrice = true): Evidence {
  const a = offer.availability;
  const value = !a ? '' : offer.where.startsWith('meta') || a.availability === 'unknown' ? quote(a.raw) : a.label;
  const seen = say('evOffer', offer.where, value);
  const price = withPrice ? describePrice(offer) : null;
  return price ? say('evPriced', seen, price) : seen;
}

/** The offer read, and how many of the variant's offers are orderable when there are several. */
const counted = (first: Offer, pool: Offer[]): Evidence => {
  const knownOnes = pool.filter(known);
  if (knownOnes.length < 2) return describe(first);
  const yes = knownOnes.filter(orderable).length;
  return yes ? say('evOrderableOf', describe(first), yes, knownOnes.length) : say('evAllOffers', describe(first), knownOnes.length);
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

/** `899.00 USD`, `649.00–899.00 USD`: a price in no language's words, for lists the UI shows as they are. */
function priceText({ price, currency }: Pick<Offer, 'price' | 'currency'>): string {
  if (!price) return '';
  return `${price.high ? `${price.text}–${price.high.text}` : price.text}${currency ? ` ${currency}` : ''}`;
}

export function offersFound(page: PageOffers): OffersFound {
  const offers = page.sources[0] ?? [];
  const prices = [...new Set(offers.map(priceText).filter(Boolean))].slice(0, 10);
  // One product's own name is not a choice: variants are listed only when there are several.
  const variants = variantsOf(offers);
  return { prices, variants: variants.length > 1 ? variants.slice(0, 30) : [] };
}

/** The price ceiling over the orderable offers of the variant asked for (a sold-out page needs no price). */
function readCeiling(pool: Offer[], maxPrice: number, currency: string | undefined): KeyedReading {
  const ready = pool.filter(orderable);
  const priced = ready.filter((o) => o.price);
  if (!priced.length) return reading('error', 'no-price', say('evNoPriceStated', describe(ready[0] as Offer)));
  // Without a currency in the rule, 800 means nothing across GBP, EUR and USD: can't tell, not open.
  const named = [...new Set(priced.map((o) => o.currency).filter((c): c is string => c !== null))];
  if (!currency && named.length > 1) return reading('error', 'other-currency', say('evNeedsCurrency', named.join(', ')));
  const inCurrency = priced.filter((o) => withinCurrency(o, currency));
  if (!inCurrency.length) {
    const others = [...new Set(priced.map((o) => o.currency ?? '?'))].join(', ');
    return reading('error', 'other-currency', say('evOtherCurrency', others, `${currency}`, describe(priced[0] as Offer)));
  }
  const cheapest = inCurrency.reduce((a, b) => ((b.price?.amount ?? 0) < (a.price?.amount ?? 0) ? b : a));
  if ((cheapest.price?.amount ?? Number.POSITIVE_INFINITY) <= maxPrice)
    return reading('open', 'structured-data', say('evWithin', describe(cheapest), maxPrice));
  return reading('paused', 'price-above', say('evAbove', describe(cheapest), maxPrice));
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
): { reading: KeyedReading | null; unknown: Evidence | null; page: PageOffers } {
  const page = findOffers(doc);
  let unknown: Evidence | null = null;
  for (const offers of page.sources) {
    if (!offers.some(known)) {
      const shown = offers.find((o) => o.availability);
      if (shown) unknown ??= say('evNotRecognised', describe(shown, false));
      continue;
    }
    let pool = offers;
    if (conditions.variant) {
      const variant = conditions.variant;
      const shared = sharedNamesOf(offers);
      pool = offers.filter((o) => matchesVariant(o, variant, shared));
      if (!pool.some(known)) {
        const names = variantsOf(offers);
        const missing = names.length ? say('evNoVariantHas', quote(variant), listPhrases(names)) : say('evNoVariantNames', quote(variant));
        return { reading: reading('error', 'variant-missing', missing), unknown, page };
      }
    }
    const ready = pool.filter(orderable);
    if (ready.length && conditions.maxPrice !== undefined) {
      return { reading: readCeiling(pool, conditions.maxPrice, conditions.currency), unknown, page };
    }
    const first = ready[0] ?? (pool.find(known) as Offer);
    return { reading: reading(ready.length ? 'open' : 'paused', 'structured-data', counted(first, pool)), unknown, page };
  }
  if (conditions.variant) {
    const missing = say(page.sources.length ? 'evNoVariantState' : 'evNoVariantOffers', quote(conditions.variant));
    return { reading: reading('error', 'variant-missing', missing), unknown, page };
  }
  return { reading: null, unknown, page };
}
