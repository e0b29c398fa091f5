import { signalsIn } from '../check/phrase-match';
import type { Reading } from '../reasons';
import { bothShown, listPhrases, quote, reading } from './evidence';
import type { FetchedResponse } from './page-response';
import { builtInPhrases } from './phrases';
import { readStructured } from './structured';
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

/**
 * The `auto` rule: the page's machine-readable availability first; otherwise the built-in phrases
 * over the visible text. Never open without a positive signal. The response is not needed here
 * (readPage has already read it); it is taken for symmetry with readText.
 */
export function readAuto(doc: Document, _response?: FetchedResponse): Reading {
  const structured = readStructured(doc);
  if (structured.reading) return structured.reading;
  return readPhrases(doc, visibleText(doc), structured.unknown);
}
