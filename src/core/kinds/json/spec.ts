import { SITE_TARGET, SITE_WORDS } from '../site-words';
import type { KindSpec } from '../spec';
import { JSON_REASON_CODES } from './reasons';

/** A JSON endpoint, read by pointer and test; may carry one secret request header. */
export const jsonSpec = {
  kind: 'json',
  defaultIntervalMinutes: 5,
  confirmDelayMs: 10_000,
  reasonCodes: JSON_REASON_CODES,
  ruleTypes: ['json'],
  secretHeader: true,
  valueTypes: true,
  ...SITE_TARGET,
  words: { kindName: 'optionsKindJson', ...SITE_WORDS },
} as const satisfies KindSpec;
