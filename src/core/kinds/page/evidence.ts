import type { Reading, ReadingKind } from './reasons';

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
