import { CLOSE_SCRIPT, escapeRegex } from '../check/phrase-match';
import type { Offer } from './offers';

/** What an `auto` rule may ask beyond "orderable": a price ceiling (in a currency) and a variant. */
export interface Conditions {
  maxPrice?: number;
  /** ISO 4217, upper case. */
  currency?: string;
  variant?: string;
}

export const hasConditions = (c: Conditions): boolean => c.maxPrice !== undefined || c.variant !== undefined;

/** Case, width and spacing folded; punctuation kept, so "42.5" stays apart from "42" and "Men's" from "S". */
const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Whether an offer is of the variant asked for: its sku, gtin, size, colour or model — or its own
 * name, when not every offer shares it — holds the words, without case, on whole words. A word is
 * whole when no letter, digit or apostrophe touches it and no decimal or fraction goes on
 * ("42" is not in "142", "X421", "42.5" or "42 1/2"; "S" is not in "Men's"). Chinese, Japanese and
 * Korean words anywhere, as those scripts glue words together.
 */
export function matchesVariant(
  offer: Pick<Offer, 'identity' | 'names'>,
  variant: string,
  sharedNames: ReadonlySet<string> = new Set(),
): boolean {
  const needle = fold(variant);
  if (!/[\p{L}\p{N}]/u.test(needle)) return false;
  const body = escapeRegex(needle).replace(/ /g, '\\s+');
  const pattern = CLOSE_SCRIPT.test(needle)
    ? new RegExp(body, 'u')
    : new RegExp(`(?<![\\p{L}\\p{N}'’]|\\p{N}[.,/])${body}(?![\\p{L}\\p{N}'’]|[.,/]\\p{N}|\\s\\p{N}+/\\p{N})`, 'u');
  const names = (offer.names ?? []).filter((name) => !sharedNames.has(fold(name)));
  return [...offer.identity, ...names].some((word) => pattern.test(fold(word)));
}

/** Names every offer of a source carries (the product's own): no variant word is looked for in them. */
export function sharedNamesOf(offers: ReadonlyArray<Pick<Offer, 'names'>>): Set<string> {
  if (offers.length < 2) return new Set();
  const [first, ...rest] = offers.map((o) => new Set((o.names ?? []).map(fold)));
  return new Set([...(first ?? [])].filter((name) => rest.every((names) => names.has(name))));
}

/** An offer in the currency asked for; one that names none is taken as the page's own. */
export const withinCurrency = (offer: Pick<Offer, 'currency'>, currency: string | undefined): boolean =>
  !currency || !offer.currency || offer.currency === currency;
