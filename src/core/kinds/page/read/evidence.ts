import type { Evidence } from '../../../evidence-message';
import { cleanText, clip } from '../../../evidence-wording';
import type { PageReasonCode, Reading, ReadingKind } from '../reasons';
import { say } from './evidence-en';

export { cleanText, clip } from '../../../evidence-wording';

/** Evidence is one short line; the popup shows it as text, and logs keep it. */
export const EVIDENCE_MAX = 120;
const QUOTE_MAX = 40;

/** A reading built here always says its evidence as a message too. */
export type KeyedReading<R extends string = PageReasonCode> = Reading<R> & Evidence;

/** Quotes found text: `"sold out"`, shortened so one quote cannot crowd out the rest. */
export function quote(text: string, max = QUOTE_MAX): string {
  return `"${clip(cleanText(text), max)}"`;
}

/** Builds a reading with its evidence cleaned and capped (the message keeps its arguments whole). */
export function reading<R extends string>(kind: ReadingKind, reason: R, said: Evidence): KeyedReading<R> {
  return { kind, reason, evidence: clip(cleanText(said.evidence), EVIDENCE_MAX), evidenceMessage: said.evidenceMessage };
}

/** `"sold out", "notify me when available"`, then `and 2 more` once the line would grow too long. */
export function listPhrases(phrases: readonly string[]): string | Evidence {
  const shown: string[] = [];
  let length = 0;
  for (const phrase of phrases) {
    const quoted = quote(phrase);
    if (shown.length && length + quoted.length > 80) break;
    shown.push(quoted);
    length += quoted.length + 2;
  }
  const more = phrases.length - shown.length;
  return more ? say('evMore', shown.join(', '), more) : shown.join(', ');
}

/** `"加入购物车" and "售罄" both shown`: the open phrase first, as the user reads the conflict. */
export function bothShown(open: string, paused: string, selector = ''): Evidence {
  return selector
    ? say('evBothShownIn', quote(open, 30), quote(paused, 30), selector)
    : say('evBothShown', quote(open, 30), quote(paused, 30));
}
