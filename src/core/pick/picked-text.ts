import { isMatchable } from '../kinds/page/check/phrase-match';
import { visibleText } from '../kinds/page/read/visible-text';

/** A phrase longer than this is cut to its first sentence (or words) and the user asked to narrow. */
export const PHRASE_CAP = 120;
/** How much of the element's text the panel shows. */
export const SHOWN_CAP = 300;
/** Far more than a picked part of a page says; keeps picking <body> of a huge page quick. */
const READ_CAP = 64 * 1024;

export interface PickedText {
  /** The element's visible text, whitespace collapsed, capped at SHOWN_CAP; empty when it shows none. */
  shown: string;
  /** The phrase for the rule: its first line, cut to PHRASE_CAP; empty when there is nothing to match. */
  phrase: string;
  /** The first line was longer than PHRASE_CAP and was cut. */
  shortened: boolean;
  /** The element shows more than one line: only the first is the phrase. */
  firstLineOnly: boolean;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The text a check will see in the element, read the way the text rule reads it (visible-text.ts:
 * no script, style or markup-hidden parts), so the phrase is one the check can find. Blocks are
 * separate lines and a phrase never matches across two, so the phrase is one line.
 */
export function pickedText(el: Element): PickedText {
  const seen = visibleText(el, READ_CAP);
  // Disabled controls ("Sold out" greyed out) count for a paused phrase, so they are text here too.
  const lines = `${seen.text}\n${seen.disabledText}`.split('\n').map(collapse).filter(isMatchable);
  const first = lines[0];
  if (first === undefined) return { shown: '', phrase: '', shortened: false, firstLineOnly: false };
  const phrase = firstWords(first, PHRASE_CAP);
  return { shown: clip(lines.join(' '), SHOWN_CAP), phrase, shortened: phrase.length < first.length, firstLineOnly: lines.length > 1 };
}

/** The line itself if it fits; else its first sentence if that fits; else whole words up to the cap. */
export function firstWords(line: string, cap: number): string {
  if (line.length <= cap) return line;
  const end = /[.!?](?=\s)|[。！？]/u.exec(line);
  if (end && end.index < cap) return line.slice(0, end.index + 1);
  const head = Array.from(line).slice(0, cap).join('');
  const space = head.lastIndexOf(' ');
  // No space to cut at (Chinese, Japanese): any character is a boundary there.
  const cut = space >= cap / 2 ? head.slice(0, space) : head;
  return cut.replace(/[\s,;:、，；：-]+$/u, '');
}

function clip(text: string, cap: number): string {
  const chars = Array.from(text);
  return chars.length <= cap ? text : `${chars.slice(0, cap - 1).join('')}…`;
}
