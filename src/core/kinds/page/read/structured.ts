import type { Reading } from '../reasons';
import { type ClassifiedAvailability, classifyAvailability } from './availability';
import { quote, reading } from './evidence';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Bounds the walk over a hostile or enormous JSON-LD block. */
const MAX_NODES = 5000;

/** Keys that lead to the page's own item and its offers; related or listed products are not followed. */
const FOLLOW = ['@graph', 'mainEntity', 'hasVariant', 'offers'] as const;
const OFFER_TYPES = new Set(['Offer', 'AggregateOffer', 'Demand']);

const typesOf = (node: Json): string[] => {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  // "schema:Offer" and a full schema.org URL name the same type as "Offer".
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
};

function availabilityValues(value: unknown, into: string[]): void {
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item === 'string' && item.trim()) into.push(item);
    else if (isObject(item) && typeof item['@id'] === 'string') into.push(item['@id']);
  }
}

/**
 * Collects availability from the page's own items: top-level nodes and arrays, `@graph`, a page's
 * `mainEntity`, a product group's variants, and every offer (object or array, with or without
 * `@type`, AggregateOffer's own `offers`). Breadth-first with an index, so the walk stays linear.
 */
function collectJsonLd(root: unknown, into: string[]): void {
  const queue: { node: unknown; offer: boolean }[] = [{ node: root, offer: false }];
  for (let i = 0; i < queue.length && i < MAX_NODES; i++) {
    const { node, offer } = queue[i] as { node: unknown; offer: boolean };
    if (Array.isArray(node)) {
      for (const item of node) queue.push({ node: item, offer });
      continue;
    }
    if (!isObject(node)) continue;
    if (offer || typesOf(node).some((t) => OFFER_TYPES.has(t))) availabilityValues(node.availability, into);
    for (const key of FOLLOW) if (node[key] !== undefined) queue.push({ node: node[key], offer: key === 'offers' });
  }
}

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

function fromJsonLd(doc: Document): string[] {
  const values: string[] = [];
  for (const script of doc.getElementsByTagName('script')) {
    if (!(script.getAttribute('type') ?? '').toLowerCase().includes('ld+json')) continue;
    const data = parseJsonLd(script.textContent ?? '');
    if (data !== undefined) collectJsonLd(data, values);
  }
  return values;
}

const MICRODATA_ELSEWHERE = /\b(?:isRelatedTo|isSimilarTo|itemListElement|isAccessoryOrSparePartFor|isConsumableFor)\b/;

function fromMicrodata(doc: Document): string[] {
  const values: string[] = [];
  for (const el of doc.querySelectorAll('[itemprop~="availability"]')) {
    let elsewhere = false;
    for (let at = el.parentElement; at && !elsewhere; at = at.parentElement) {
      elsewhere = MICRODATA_ELSEWHERE.test(at.getAttribute('itemprop') ?? '');
    }
    if (elsewhere) continue;
    const value = el.getAttribute('href') ?? el.getAttribute('content') ?? el.textContent ?? '';
    if (value.trim()) values.push(value);
  }
  return values;
}

const META_NAMES = new Set(['product:availability', 'og:availability', 'og:product:availability']);

/** `product:availability` / `og:availability`, as `property` (Open Graph) or `name` (what many shops write). */
function fromMeta(doc: Document): { name: string; value: string }[] {
  const values: { name: string; value: string }[] = [];
  for (const meta of doc.getElementsByTagName('meta')) {
    const name = [meta.getAttribute('property'), meta.getAttribute('name')]
      .map((n) => (n ?? '').trim().toLowerCase())
      .find((n) => META_NAMES.has(n));
    const content = meta.getAttribute('content');
    if (name && content?.trim()) values.push({ name, value: content });
  }
  return values;
}

export interface StructuredValue extends ClassifiedAvailability {
  /** How the evidence names where it was found: `JSON-LD availability`, `meta product:availability`. */
  where: string;
  raw: string;
}

/** Every machine-readable availability on the page, by source, in the order they are trusted. */
export function findStructured(doc: Document): StructuredValue[][] {
  const tag = (where: string, raw: string): StructuredValue => ({ ...classifyAvailability(raw), where, raw });
  const sources = [
    fromJsonLd(doc).map((raw) => tag('JSON-LD availability', raw)),
    fromMicrodata(doc).map((raw) => tag('microdata availability', raw)),
    fromMeta(doc).map(({ name, value }) => tag(`meta ${name}`, value)),
  ];
  return sources.filter((values) => values.length);
}

// Meta words are quoted as written ("in stock"); schema.org values are shown by their name.
const describe = (v: StructuredValue) =>
  `${v.where} ${v.where.startsWith('meta') || v.availability === 'unknown' ? quote(v.raw) : v.label}`;

/**
 * The first source with a known value decides: open if any offer is orderable, else paused. Values
 * this version does not know are evidence of nothing; with only those the page goes on to phrases,
 * and `unknown` names one for the evidence if the phrases cannot tell either.
 */
export function readStructured(doc: Document): { reading: Reading | null; unknown: string | null } {
  let unknown: string | null = null;
  for (const values of findStructured(doc)) {
    const orderable = values.filter((v) => v.availability === 'orderable');
    const known = values.filter((v) => v.availability !== 'unknown');
    const first = orderable[0] ?? known[0];
    if (!first) {
      unknown ??= `${describe(values[0] as StructuredValue)} not recognised`;
      continue;
    }
    const count =
      known.length > 1
        ? ` (${orderable.length ? `${orderable.length} of ${known.length} offers orderable` : `all ${known.length} offers`})`
        : '';
    return { reading: reading(orderable.length ? 'open' : 'paused', 'structured-data', `${describe(first)}${count}`), unknown };
  }
  return { reading: null, unknown };
}
