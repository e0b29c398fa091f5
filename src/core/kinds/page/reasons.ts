/** Why a fetched response was read before any rule: shared by page and JSON watches. */
export const RESPONSE_REASON_CODES = [
  'challenge-header',
  'challenge-page',
  'login-redirect',
  'http-401',
  'http-429',
  'http-status',
  'redirected',
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
export type ReadingKind = 'open' | 'paused' | 'signed-out' | 'blocked' | 'rate-limited' | 'error';

/** What one reader concluded; `evidence` is short, quotes what was found, and never holds a secret. */
export interface Reading<R extends string = PageReasonCode> {
  kind: ReadingKind;
  reason: R;
  evidence: string;
  /** A JSON watch's good reading: the JSON type of the value it tested, which the next reading must share. */
  valueType?: string;
}
