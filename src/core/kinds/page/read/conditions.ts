import { normalizeForMatch } from '../check/phrase-match';
import type { Offer } from './offers';

/** What an `auto` rule may ask beyond "orderable": a price ceiling (in a currency) and a variant. */
export interface Conditions {
  maxPrice?: number;
  /** ISO 4217, upper case. */
  currency?: string;
  variant?: string;
}

export const hasConditions = (c: Conditions): boolean => c.maxPrice !== undefined || c.variant !== undefined;

const CLOSE_SCRIPTS = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether an offer is of the variant asked for: its sku, gtin, name, size, colour or model holds
 * the words, without case, on whole words ("42" is not in "142" or "X421"); Chinese, Japanese and
 * Korean words anywhere, as those scripts glue words together.
 */
export function matchesVariant(offer: Pick<Offer, 'identity'>, variant: string): boolean {
  const needle = normalizeForMatch(variant).trim();
  if (!needle) return false;
  const pattern = CLOSE_SCRIPTS.test(needle)
    ? new RegExp(escapeRegex(needle).replace(/ /g, ' ?'), 'u')
    : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(needle).replace(/ /g, ' ')}(?![\\p{L}\\p{N}])`, 'u');
  return offer.identity.some((word) => pattern.test(normalizeForMatch(word)));
}

/** An offer in the currency asked for; one that names none is taken as the page's own. */
export const withinCurrency = (offer: Pick<Offer, 'currency'>, currency: string | undefined): boolean =>
  !currency || !offer.currency || offer.currency === currency;
