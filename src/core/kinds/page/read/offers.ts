import { parsePriceNumber } from '../check/price-number';
import { type ClassifiedAvailability, classifyAvailability } from './availability';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A price as read from the page's data: the number, and the text it was written as (for evidence). */
export interface Price {
  amount: number;
  text: string;
  /** An AggregateOffer's `highPrice`: `amount` is then its `lowPrice`. */
  high?: { amount: number; text: string };
}

/** One offer the page states in its machine-readable data. */
export interface Offer {
  /** How the evidence names the source: `JSON-LD availability`, `meta product:availability`. */
  where: string;
  /** Null when the offer gives no availability (it then counts for nothing). */
  availability: (ClassifiedAvailability & { raw: string }) | null;
  price: Price | null;
  /** As written, upper-cased (`USD`); null when the data names none. */
  currency: string | null;
  /** What tells this offer's variant apart: sku, gtin*, size, color, model of the offer and the product it sells. */
  identity: string[];
  /** The names of the offer and of the product it sells (a variant word is looked for in them too, unless every offer shares the name). */
  names?: string[];
  /** The shortest name of the variant for a list shown to the user (`42`, `Midnight Blue`), or null. */
  label: string | null;
}

/** Bounds the walk over a hostile or enormous JSON-LD block. */
const MAX_NODES = 5000;
const MAX_WORD = 120;
const OFFER_TYPES = new Set(['Offer', 'AggregateOffer', 'Demand']);
const IDENTITY_KEYS = ['sku', 'gtin', 'gtin8', 'gtin12', 'gtin13', 'gtin14', 'model', 'size', 'color', 'name'] as const;
/** The label a variant list shows: what a shopper picks by, before codes. */
const LABEL_KEYS = ['size', 'color', 'model', 'name', 'sku'] as const;
/** A `priceType` naming the old or recommended price, not the one charged now. */
const NOT_CHARGED = /listprice|strikethrough|msrp|srp|recommended|invoice/i;

const typesOf = (node: Json): string[] => {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  // "schema:Offer" and a full schema.org URL name the same type as "Offer".
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
};

/** A string, a number, or an object's `name` (`SizeSpecification`, `ProductModel`), trimmed and short. */
function wordOf(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  const raw = isObject(first) ? first.name : first;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw !== 'string') return null;
  const word = raw.replace(/\s+/g, ' ').trim();
  return word && word.length <= MAX_WORD ? word : null;
}

interface Identity {
  fields: Partial<Record<(typeof IDENTITY_KEYS)[number], string>>;
}

function identityOf(node: Json): Identity {
  const fields: Identity['fields'] = {};
  for (const key of IDENTITY_KEYS) {
    const word = wordOf(node[key]);
    if (word) fields[key] = word;
  }
  return { fields };
}

/** The offer's and its product's codes (names apart: a product's name often holds every variant's words). */
function variantWords(offer: Identity, item: Identity | null): Pick<Offer, 'identity' | 'names'> {
  const all = [offer.fields, item?.fields ?? {}];
  return {
    identity: all.flatMap(({ name: _name, ...codes }) => Object.values(codes)),
    names: all.flatMap((f) => (f.name ? [f.name] : [])),
  };
}

/** What a list of variants calls this one: the offer's own size or colour before its product's name. */
function labelOf(offer: Identity, item: Identity | null): string | null {
  for (const key of LABEL_KEYS) {
    const word = offer.fields[key] ?? item?.fields[key];
    if (word) return word;
  }
  return null;
}

function priceText(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function readPrice(value: unknown, currency: string | null): { amount: number; text: string } | null {
  const text = priceText(value);
  const amount = parsePriceNumber(value, currency);
  return text !== null && amount !== null ? { amount, text } : null;
}

const currencyOf = (value: unknown): string | null => {
  const word = wordOf(value);
  return word && /^[A-Za-z]{3}$/.test(word) ? word.toUpperCase() : word;
};

/** The price charged now in a `priceSpecification` (one or a list): not a list or strikethrough price. */
function fromSpecification(
  value: unknown,
  offerCurrency: string | null,
): { price: { amount: number; text: string }; currency: string | null } | null {
  const specs = (Array.isArray(value) ? value : [value]).filter(isObject);
  const charged = specs.filter((s) => !NOT_CHARGED.test(String(s.priceType ?? '')));
  for (const spec of [...charged, ...specs]) {
    const currency = currencyOf(spec.priceCurrency) ?? offerCurrency;
    const price = readPrice(spec.price, currency) ?? readPrice(spec.minPrice, currency);
    if (price) return { price, currency };
  }
  return null;
}

function jsonLdOffer(node: Json, item: Identity | null, inherited: string | null): Offer {
  const own = identityOf(node);
  const aggregate = typesOf(node).includes('AggregateOffer');
  let price: Price | null = null;
  // An AggregateOffer's own offers often name their price alone, in its currency.
  let currency = currencyOf(node.priceCurrency) ?? inherited;
  const low = aggregate ? readPrice(node.lowPrice, currency) : null;
  if (low) {
    const high = readPrice(node.highPrice, currency);
    price = high && high.amount > low.amount ? { ...low, high } : low;
  } else {
    price = readPrice(node.price, currency);
    if (!price && node.priceSpecification !== undefined) {
      const spec = fromSpecification(node.priceSpecification, currency);
      if (spec) {
        price = spec.price;
        currency ??= spec.currency;
      }
    }
  }
  const raw = availabilityValue(node.availability);
  return {
    where: 'JSON-LD availability',
    availability: raw === null ? null : { ...classifyAvailability(raw), raw },
    price,
    currency,
    ...variantWords(own, item),
    label: labelOf(own, item),
  };
}

function availabilityValue(value: unknown): string | null {
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item === 'string' && item.trim()) return item;
    if (isObject(item) && typeof item['@id'] === 'string') return item['@id'];
  }
  return null;
}

/**
 * The offers of the page's own items: top-level nodes and arrays, `@graph`, a page's `mainEntity`,
 * a product group's variants, and every offer (object or array, with or without `@type`,
 * AggregateOffer's own `offers`); related or listed products are not followed. Breadth-first with
 * an index, so the walk stays linear. Each offer carries the identity of the product it sells.
 */
function collectJsonLd(root: unknown, into: Offer[]): void {
  type Step = { node: unknown; offer: boolean; item: Identity | null; currency: string | null };
  const queue: Step[] = [{ node: root, offer: false, item: null, currency: null }];
  for (let i = 0; i < queue.length && i < MAX_NODES; i++) {
    const { node, offer, item, currency } = queue[i] as Step;
    if (Array.isArray(node)) {
      for (const child of node) queue.push({ node: child, offer, item, currency });
      continue;
    }
    if (!isObject(node)) continue;
    const isOffer = offer || typesOf(node).some((t) => OFFER_TYPES.has(t));
    const found = isOffer ? jsonLdOffer(node, item, currency) : null;
    // An AggregateOffer that lists its offers is their summary: its low price may be a sold-out one.
    if (found && !(typesOf(node).includes('AggregateOffer') && listsOffers(node.offers))) into.push(found);
    // A product (or a variant of a group) names what its offers sell; an offer's own offers sell the same.
    const here = isOffer ? item : identityOf(node);
    for (const key of ['@graph', 'mainEntity', 'hasVariant'] as const) {
      if (node[key] !== undefined) queue.push({ node: node[key], offer: false, item: null, currency: null });
    }
    if (node.offers !== undefined) queue.push({ node: node.offers, offer: true, item: here, currency: found?.currency ?? null });
  }
}

const listsOffers = (value: unknown): boolean =>
  (Array.isArray(value) ? value : [value]).some((o) => isObject(o) && availabilityValue(o.availability) !== null);

/** JSON-LD often carries raw line breaks or HTML comment wrappers that strict JSON rejects. */
function parseJsonLd(text: string): unknown {
  const trimmed = text
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '');
  try {
    return JSON.parse(trimmed);
  } catch {
    try {
      return JSON.parse(trimmed.replace(/\p{Cc}+/gu, ' '));
    } catch {
      return undefined; // A malformed block is skipped; others on the page still count.
    }
  }
}

function fromJsonLd(doc: Document): Offer[] {
  const offers: Offer[] = [];
  for (const script of doc.getElementsByTagName('script')) {
    if (!(script.getAttribute('type') ?? '').toLowerCase().includes('ld+json')) continue;
    const data = parseJsonLd(script.textContent ?? '');
    if (data !== undefined) collectJsonLd(data, offers);
  }
  return offers;
}

const MICRODATA_ELSEWHERE = /\b(?:isRelatedTo|isSimilarTo|itemListElement|isAccessoryOrSparePartFor|isConsumableFor)\b/;

/** The item an element's `itemprop` belongs to: the nearest `itemscope` above it (not its own). */
const ownerScope = (el: Element): Element | null => (el.hasAttribute('itemscope') ? el.parentElement : el)?.closest('[itemscope]') ?? null;

/** A microdata item's own properties (not those of items nested in it), first value of each. */
function propertiesOf(scope: Element): Map<string, string> {
  const props = new Map<string, string>();
  for (const el of scope.querySelectorAll('[itemprop]')) {
    if (ownerScope(el) !== scope) continue;
    const value = (el.getAttribute('content') ?? el.getAttribute('href') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/)) {
      if (name && value && !props.has(name)) props.set(name, value);
    }
  }
  return props;
}

function microdataIdentity(scope: Element | null): Identity | null {
  if (!scope) return null;
  const props = propertiesOf(scope);
  const fields: Identity['fields'] = {};
  for (const key of IDENTITY_KEYS) {
    const word = props.get(key);
    if (word && word.length <= MAX_WORD) fields[key] = word;
  }
  return { fields };
}

function microdataPrice(scope: Element, props: Map<string, string>): { price: Price | null; currency: string | null } {
  const currency = currencyOf(props.get('priceCurrency'));
  const own = readPrice(props.get('price'), currency);
  if (own) return { price: own, currency };
  for (const el of scope.querySelectorAll('[itemprop~="priceSpecification"][itemscope]')) {
    const spec = propertiesOf(el);
    const specCurrency = currencyOf(spec.get('priceCurrency')) ?? currency;
    const price = readPrice(spec.get('price'), specCurrency);
    if (price) return { price, currency: specCurrency };
  }
  return { price: null, currency };
}

function fromMicrodata(doc: Document): Offer[] {
  const offers: Offer[] = [];
  for (const el of doc.querySelectorAll('[itemprop~="availability"]')) {
    let elsewhere = false;
    for (let at = el.parentElement; at && !elsewhere; at = at.parentElement) {
      elsewhere = MICRODATA_ELSEWHERE.test(at.getAttribute('itemprop') ?? '');
    }
    if (elsewhere) continue;
    const raw = el.getAttribute('href') ?? el.getAttribute('content') ?? el.textContent ?? '';
    if (!raw.trim()) continue;
    const scope = ownerScope(el);
    const props = scope ? propertiesOf(scope) : new Map<string, string>();
    const { price, currency } = scope ? microdataPrice(scope, props) : { price: null, currency: null };
    const own = microdataIdentity(scope) ?? { fields: {} };
    // The offer's item is the product it is a property of (`itemprop="offers"`), when it is one.
    const item = scope?.getAttribute('itemprop')?.split(/\s+/).includes('offers') ? microdataIdentity(ownerScope(scope)) : null;
    offers.push({
      where: 'microdata availability',
      availability: { ...classifyAvailability(raw), raw },
      price,
      currency,
      ...variantWords(own, item),
      label: labelOf(own, item),
    });
  }
  return offers;
}

const META_AVAILABILITY = new Set(['product:availability', 'og:availability', 'og:product:availability']);
const META_AMOUNT = new Set(['product:price:amount', 'og:price:amount']);
const META_CURRENCY = new Set(['product:price:currency', 'og:price:currency']);

/** Open Graph product tags, as `property` or `name` (what many shops write): name → first value. */
function metaTags(doc: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of doc.getElementsByTagName('meta')) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const name of [meta.getAttribute('property'), meta.getAttribute('name')]) {
      const key = (name ?? '').trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

const firstOf = (tags: Map<string, string>, names: Set<string>): [string, string] | null => {
  for (const name of names) {
    const value = tags.get(name);
    if (value !== undefined) return [name, value];
  }
  return null;
};

/** The page's one price in its meta tags, whether or not they state availability too. */
export function metaPrice(tags: Map<string, string>): { price: Price; currency: string | null } | null {
  const amount = firstOf(tags, META_AMOUNT);
  const currency = currencyOf(firstOf(tags, META_CURRENCY)?.[1]);
  const value = amount ? parsePriceNumber(amount[1], currency) : null;
  if (!amount || value === null) return null;
  return { price: { amount: value, text: amount[1] }, currency };
}

function fromMeta(tags: Map<string, string>): Offer[] {
  const availability = firstOf(tags, META_AVAILABILITY);
  if (!availability) return [];
  const priced = metaPrice(tags);
  return [
    {
      where: `meta ${availability[0]}`,
      availability: { ...classifyAvailability(availability[1]), raw: availability[1] },
      price: priced?.price ?? null,
      currency: priced?.currency ?? null,
      identity: [],
      label: null,
    },
  ];
}

export interface PageOffers {
  /** Offers by source, in the order they are trusted (JSON-LD, microdata, meta); empty sources left out. */
  sources: Offer[][];
  /** A price the page states once outside any offer (meta tags), which an offer without one may take. */
  pagePrice: { price: Price; currency: string | null } | null;
}

/** Every offer the page states in its data. Prices are read only from data, never from visible text. */
export function findOffers(doc: Document): PageOffers {
  const tags = metaTags(doc);
  const pagePrice = metaPrice(tags);
  const sources = [fromJsonLd(doc), fromMicrodata(doc), fromMeta(tags)].map((offers) =>
    offers.map((o) => {
      if (!pagePrice) return o;
      const currency = o.currency ?? pagePrice.currency;
      // The page's one price is its only offer's: with several, it is the default variant's, not theirs.
      return o.price || offers.length > 1 ? { ...o, currency } : { ...o, price: pagePrice.price, currency };
    }),
  );
  return { sources: sources.filter((offers) => offers.length), pagePrice };
}
