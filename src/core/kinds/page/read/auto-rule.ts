import { signalsIn } from '../check/phrase-match';
import type { Reading } from '../reasons';
import { type Conditions, hasConditions, withinCurrency } from './conditions';
import { bothShown, listPhrases, quote, reading } from './evidence';
import type { PageOffers } from './offers';
import type { FetchedResponse } from './page-response';
import { builtInPhrases } from './phrases';
import { describePrice, type OffersFound, offersFound, readStructured } from './structured';
import { hasReadableText, type VisibleText, visibleText } from './visible-text';

/**
 * Reads phrases over visible text. Paused phrases count wherever they show, even on a disabled
 * button ("Sold out"); open phrases only where they can be acted on, never on a disabled button.
 */
export function readPhrases(doc: Document, seen: VisibleText, unknownStructured: string | null = null): Reading {
  const { paused, open, disabledOpen, pausedOnlyDisabled } = signalsIn(builtInPhrases(), seen);
  if (paused.length && open.length) return reading('error', 'conflicting-signals', bothShown(open[0] ?? '', paused[0] ?? ''));
  if (paused.length) {
    const where = pausedOnlyDisabled ? ' on a disabled button' : '';
    return reading('paused', 'phrase-paused', `text ${listPhrases(paused)}${where}`);
  }
  if (open.length) return reading('open', 'phrase-open', `text ${listPhrases(open)}`);

  if (!hasReadableText(seen)) {
    const scripts = doc.querySelectorAll('script:not([type="application/ld+json"])').length;
    const chars = seen.text.replace(/\s+/g, '').length;
    return reading('error', 'needs-rendering', `only ${chars} characters of visible text, ${scripts} script${scripts === 1 ? '' : 's'}`);
  }
  if (disabledOpen.length) return reading('error', 'no-signal', `only a disabled ${quote(disabledOpen[0] ?? '')} button`);
  if (unknownStructured) return reading('error', 'no-signal', unknownStructured);
  const truncated = seen.truncated ? ' (page cut short)' : '';
  return reading('error', 'no-signal', `no availability phrase in ${seen.text.length} characters of text${truncated}`);
}

export type AutoRule = { type: 'auto' } & Conditions;

/**
 * A page without offers in its data but with "Add to cart" in its text: with a price ceiling it is
 * open only when its meta tags state one price within it (prices never come from visible text).
 */
function phrasesWithCeiling(found: Reading, page: PageOffers, conditions: Conditions): Reading {
  if (found.kind !== 'open' || conditions.maxPrice === undefined) return found;
  const stated = page.pagePrice;
  if (!stated) return reading('error', 'no-price', `${found.evidence}, but the page's data states no price`);
  const priced = `${found.evidence}${describePrice(stated)}`;
  if (!withinCurrency(stated, conditions.currency))
    return reading('error', 'other-currency', `priced in ${stated.currency}, not ${conditions.currency}: ${priced}`);
  return stated.price.amount <= conditions.maxPrice
    ? reading('open', 'phrase-open', `${priced}, within ${conditions.maxPrice}`)
    : reading('paused', 'price-above', `${priced}, above ${conditions.maxPrice}`);
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
