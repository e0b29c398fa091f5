import { RESPONSE_REASON_CODES } from '../page/reasons';

/** Every reason a JSON watch's reading can carry; merged into the app's REASON_CODES. */
export const JSON_REASON_CODES = [
  ...RESPONSE_REASON_CODES,
  'not-json',
  'json-match',
  'json-no-match',
  'unrecognised',
  'rule-invalid',
  'type-changed',
] as const;
export type JsonReasonCode = (typeof JSON_REASON_CODES)[number];
