import { quote, reading } from './evidence';
import type { FetchedResponse } from './page-response';
import { findPhrases, normalizeForMatch, phrasesByPolarity } from './phrase-match';
import { builtInPhrases } from './phrases';
import type { Reading } from './reasons';
import { readStructured } from './structured';
import { hasReadableText, type VisibleText, visibleText } from './visible-text';

/** `"sold out", "notify me when available"`, then `and 2 more` once the line would grow too long. */
export function listPhrases(phrases: readonly string[]): string {
  const shown: string[] = [];
  let length = 0;
  for (const phrase of phrases) {
    const quoted = quote(phrase);
    if (shown.length && length + quoted.length > 80) break;
    shown.push(quoted);
    length += quoted.length + 2;
  }
  const more = phrases.length - shown.length;
  return `${shown.join(', ')}${more ? ` and ${more} more` : ''}`;
}

/**
 * Reads phrases over visible text. Paused phrases count wherever they show, even on a disabled
 * button ("Sold out"); open phrases only where they can be acted on, never on a disabled button.
 */
export function readPhrases(doc: Document, seen: VisibleText, unknownStructured: string | null = null): Reading {
  const phrases = builtInPhrases();
  const shown = phrasesByPolarity(findPhrases(phrases, normalizeForMatch(seen.text)));
  const disabled = phrasesByPolarity(findPhrases(phrases, normalizeForMatch(seen.disabledText)));
  const paused = [...new Set([...shown.paused, ...disabled.paused])];
  const open = shown.open;

  if (paused.length && open.length) {
    return reading('error', 'conflicting-signals', `${quote(open[0] ?? '', 30)} and ${quote(paused[0] ?? '', 30)} both shown`);
  }
  if (paused.length) {
    const where = shown.paused.length ? '' : ' on a disabled button';
    return reading('paused', 'phrase-paused', `text ${listPhrases(paused)}${where}`);
  }
  if (open.length) return reading('open', 'phrase-open', `text ${listPhrases(open)}`);

  if (!hasReadableText(seen)) {
    const scripts = doc.querySelectorAll('script:not([type="application/ld+json"])').length;
    const chars = seen.text.replace(/\s+/g, '').length;
    return reading('error', 'needs-rendering', `only ${chars} characters of visible text, ${scripts} script${scripts === 1 ? '' : 's'}`);
  }
  if (disabled.open.length) return reading('error', 'no-signal', `only a disabled ${quote(disabled.open[0] ?? '')} button`);
  if (unknownStructured) return reading('error', 'no-signal', unknownStructured);
  const truncated = seen.truncated ? ' (page cut short)' : '';
  return reading('error', 'no-signal', `no availability phrase in ${seen.text.length} characters of text${truncated}`);
}

/**
 * The `auto` rule: the page's machine-readable availability first; otherwise the built-in phrases
 * over the visible text. Never open without a positive signal.
 */
export function readAuto(doc: Document, _response?: FetchedResponse): Reading {
  const structured = readStructured(doc);
  if (structured.reading) return structured.reading;
  return readPhrases(doc, visibleText(doc), structured.unknown);
}
