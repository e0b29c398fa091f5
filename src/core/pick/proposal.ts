import type { EvidenceMessage } from '../evidence-message';
import type { TextRule } from '../kinds/page/read/text-rule';
import type { VerdictKind } from '../verdict-kinds';

// What the picker proposes and when it may be added: pure, so every branch is tested without a page.

/** The parts of a Test's verdict these decisions read. */
export interface Reading {
  kind: VerdictKind;
  reason: string;
  evidence: string;
  evidenceMessage?: EvidenceMessage;
}

/** What the picked text means when it shows: the page is paused, or open. */
export type Meaning = 'paused' | 'open';

/**
 * What the picked text means, from the Test of the `auto` rule: shown on a page that reads open,
 * it is what an open page says ("Add to cart"); otherwise what a paused one says ("Sold out").
 * `render`: the page is built by script; ask again after rendering before deciding.
 * A refused Test (null) decides nothing, so the usual case, paused, is assumed.
 */
export function meaningOf(plain: Reading | null, rendered?: Reading | null): Meaning | 'render' {
  if (plain?.kind === 'open') return 'open';
  if (plain?.reason !== 'needs-rendering') return 'paused';
  if (rendered === undefined) return 'render';
  return rendered?.kind === 'open' ? 'open' : 'paused';
}

/** The `text` rule for the picked element: its selector, and its text as the phrase that means `meaning`. */
export function proposeRule(selector: string, phrase: string, meaning: Meaning): TextRule {
  return meaning === 'open' ? { type: 'text', selector, openWhen: [phrase] } : { type: 'text', selector, pausedWhen: [phrase] };
}

export type PreviewStep =
  /** Read the rule again with `render: true` before deciding. */
  | { type: 'render' }
  | {
      type: 'ready';
      /** What the watch reads now, as it will be added. */
      reading: Reading;
      /** Add the watch with `render: true`: only the rendered page has the element and its text. */
      render: boolean;
      canAdd: boolean;
      /** The phrase is not in the page as a check reads it, even after rendering: the watch would read its absence. */
      phraseMissing: boolean;
      /** The selector finds nothing in the page as a check reads it, even after rendering. */
      selectorMissing: boolean;
    };

/** The text rule read its one phrase's absence: the check's copy of the page lacks the text the user sees. */
const phraseMissing = (r: Reading) => r.reason === 'text-absent-open' || r.reason === 'text-absent-paused';
/** What a page that builds itself with scripts reads without rendering. */
const wantsRendering = (r: Reading) => r.reason === 'needs-rendering' || r.reason === 'selector-missing' || phraseMissing(r);
const isAvailability = (r: Reading) => r.kind === 'open' || r.kind === 'paused';

/**
 * After the preview Test of the proposed rule (`plain`), and of the same rule after rendering when
 * that was asked for (`rendered`; null when that Test was refused). The picked text is on the page
 * the user sees, so a check that reads it missing (script-built page, element missing, phrase
 * absent) is asked again after rendering; rendering is kept only when it then finds the phrase.
 * A watch that would read the phrase's absence, or find no element, is not offered: its first
 * check would report the opposite of what the page shows, or nothing at all.
 */
export function judgePreview(plain: Reading, rendered?: Reading | null): PreviewStep {
  const ready = (reading: Reading, render: boolean): PreviewStep => {
    const missing = phraseMissing(reading);
    const noElement = reading.reason === 'selector-missing';
    return { type: 'ready', reading, render, canAdd: !missing && !noElement, phraseMissing: missing, selectorMissing: noElement };
  };
  if (!wantsRendering(plain)) return ready(plain, false);
  if (rendered === undefined) return { type: 'render' };
  if (rendered && isAvailability(rendered)) return ready(rendered, true);
  return ready(plain, false);
}
