import type { Evidence } from '../../../evidence-message';
import { signalsIn } from '../check/phrase-match';
import type { Reading } from '../reasons';
import { type Conditions, hasConditions, withinCurrency } from './conditions';
import { bothShown, type KeyedReading, listPhrases, quote, reading } from './evidence';
import { say } from './evidence-en';
import type { PageOffers } from './offers';
import type { FetchedResponse } from './page-response';
import { builtInPhrases } from './phrases';
import { describePrice, type OffersFound, offersFound, readStructured } from './structured';
import { hasReadableText, type VisibleText, visibleText } from './visible-text';

/**
 * Reads phrases over visible text. Paused phrases count wherever they show, even on a disabled
 * button ("Sold out"); open phrases only where they can be acted on, never on a disabled button.
 */
export function readPhrases(doc: Document, seen: VisibleText, unknownStructured: Evidence | null = null): KeyedReading {
  const { paused, open, disabledOpen, pausedOnlyDisabled } = signalsIn(builtInPhrases(), seen);
  if (paused.length && open.length) return reading('error', 'conflicting-signals', bothShown(open[0] ?? '', paused[0] ?? ''));
  if (paused.length)
    return reading('paused', 'phrase-paused', say(pausedOnlyDisabled ? 'evTextOnDisabled' : 'evText', listPhrases(paused)));
  if (open.length) return reading('open', 'phrase-open', say('evText', listPhrases(open)));

  if (!hasReadableText(seen)) {
    const scripts = doc.querySelectorAll('script:not([type="application/ld+json"])').length;
    const chars = seen.text.replace(/\s+/g, '').length;
    return reading('error', 'needs-rendering', scripts === 1 ? say('evFewCharsOneScript', chars) : say('evFewChars', chars, scripts));
  }
  if (disabledOpen.length) return reading('error', 'no-signal', say('evOnlyDisabled', quote(disabledOpen[0] ?? '')));
  if (unknownStructured) return reading('error', 'no-signal', unknownStructured);
  return reading('error', 'no-signal', say(seen.truncated ? 'evNoPhraseCut' : 'evNoPhrase', seen.text.length));
}

export type AutoRule = { type: 'auto' } & Conditions;

/**
 * A page without offers in its data but with "Add to cart" in its text: with a price ceiling it is
 * open only when its meta tags state one price within it (prices never come from visible text).
 */
function phrasesWithCeiling(found: KeyedReading, page: PageOffers, conditions: Conditions): KeyedReading {
  if (found.kind !== 'open' || conditions.maxPrice === undefined) return found;
  const stated = page.pagePrice;
  if (!stated) return reading('error', 'no-price', say('evNoPriceStated', found));
  const price = describePrice(stated);
  const priced = price ? say('evPriced', found, price) : found;
  if (!withinCurrency(stated, conditions.currency))
    return reading('error', 'other-currency', say('evOtherCurrency', `${stated.currency}`, `${conditions.currency}`, priced));
  return stated.price.amount <= conditions.maxPrice
    ? reading('open', 'phrase-open', say('evWithin', priced, conditions.maxPrice))
    : reading('paused', 'price-above', say('evAbove', priced, conditions.maxPrice));
}

/**
 * The `auto` rule: the page's machine-readable offers first (their availability, and the rule's
 * price ceiling and variant); otherwise the built-in phrases over the visible text. Never open
 * without a positive signal. `found` is what the page's data showed, for Test.
 */
export function readAutoFound(
  doc: Document,
  rule: AutoRule = { type: 'auto' },
  seen?: VisibleText,
): { reading: Reading; found: OffersFound } {
  const structured = readStructured(doc, rule);
  const found = offersFound(structured.page);
  if (structured.reading) return { reading: structured.reading, found };
  const phrases = readPhrases(doc, seen ?? visibleText(doc), structured.unknown);
  return { reading: hasConditions(rule) ? phrasesWithCeiling(phrases, structured.page, rule) : phrases, found };
}

/** The `auto` rule's reading alone. The response is not needed here (readPage has already read it). */
export function readAuto(doc: Document, _response?: FetchedResponse, rule: AutoRule = { type: 'auto' }): Reading {
  return readAutoFound(doc, rule).reading;
}
