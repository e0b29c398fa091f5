import type { Reading, ReadingKind } from '../reasons';

/** Evidence is one short line; the popup shows it as text, and logs keep it. */
export const EVIDENCE_MAX = 120;
const QUOTE_MAX = 40;

// C0/C1 controls and bidi overrides could garble or spoof the line the user reads.
const UNSAFE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu;

/** Page or server text made safe to show: controls removed, whitespace collapsed. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** Quotes found text: `"sold out"`, shortened so one quote cannot crowd out the rest. */
export function quote(text: string, max = QUOTE_MAX): string {
  return `"${clip(cleanText(text), max)}"`;
}

/** Builds a reading with its evidence cleaned and capped. */
export function reading<R extends string>(kind: ReadingKind, reason: R, evidence: string): Reading<R> {
  return { kind, reason, evidence: clip(cleanText(evidence), EVIDENCE_MAX) };
}

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

/** `"加入购物车" and "售罄" both shown`: the open phrase first, as the user reads the conflict. */
export function bothShown(open: string, paused: string): string {
  return `${quote(open, 30)} and ${quote(paused, 30)} both shown`;
}
