import type { EvidenceMessage } from '../../evidence-message';
import type { OffersFound } from './read/structured';

/** Why a fetched response was read before any rule: shared by page and JSON watches. */
export const RESPONSE_REASON_CODES = [
  'challenge-header',
  'challenge-page',
  'login-redirect',
  'http-401',
  'http-429',
  'http-status',
  'redirected',
  // A waiting room stands in front of the page (src/core/kinds/page/read/queue.ts).
  'queue-redirect',
  'queue-page',
] as const;
export type ResponseReasonCode = (typeof RESPONSE_REASON_CODES)[number];

/** Every reason a page watch's reading can carry; merged into the app's REASON_CODES. */
export const PAGE_REASON_CODES = [
  ...RESPONSE_REASON_CODES,
  'not-html',
  'structured-data',
  'phrase-paused',
  'phrase-open',
  'conflicting-signals',
  'no-signal',
  'needs-rendering',
  'queue-phrase',
  // An auto rule's conditions (DESIGN.md "Conditions"): in stock above the price ceiling, no price
  // stated, priced only in other currencies, no offer of the variant asked for.
  'price-above',
  'no-price',
  'other-currency',
  'variant-missing',
  // Read after rendering (src/render/): the page never settled within the cap, or would not render in a frame.
  'render-timeout',
  'render-refused',
  'text-paused',
  'text-open',
  'text-absent-open',
  'text-absent-paused',
  'selector-missing',
  'selector-invalid',
  'must-show-missing',
  'rule-invalid',
] as const;
export type PageReasonCode = (typeof PAGE_REASON_CODES)[number];

/** The verdict kinds a page or JSON reader can reach (`subscribed` is ChatGPT's alone). */
export type ReadingKind = 'open' | 'paused' | 'queued' | 'signed-out' | 'blocked' | 'rate-limited' | 'error';

/** What one reader concluded; `evidence` is short, quotes what was found, and never holds a secret. */
export interface Reading<R extends string = PageReasonCode> {
  kind: ReadingKind;
  reason: R;
  evidence: string;
  /** `evidence` as a message key and its arguments, for the UI to show in its language. */
  evidenceMessage?: EvidenceMessage;
  /** A JSON watch's good reading: the JSON type of the value it tested, which the next reading must share. */
  valueType?: string;
  /** An `auto` reading: the prices and variants the page's data showed, for Test and "Watch this page". */
  found?: OffersFound;
  /** A page's `<title>`, for Test to name a new watch by; never stored. */
  title?: string;
}
