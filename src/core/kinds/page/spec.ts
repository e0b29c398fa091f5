import { SITE_TARGET, SITE_WORDS } from '../site-words';
import type { KindSpec } from '../spec';
import { PAGE_REASON_CODES } from './reasons';

/** A web page, read by the `auto` reader (schema.org offers, phrases) or a `text` rule. */
export const pageSpec = {
  kind: 'page',
  defaultIntervalMinutes: 5,
  // Other kinds re-read the same origin, so the wait is its 10 s spacing.
  confirmDelayMs: 10_000,
  reasonCodes: PAGE_REASON_CODES,
  ruleTypes: ['auto', 'text'],
  defaultRule: { type: 'auto' },
  renders: true,
  ...SITE_TARGET,
  words: {
    kindName: 'optionsKindPage',
    ...SITE_WORDS,
    // Read from the page's schema.org offers: a product, said as a shop says it.
    stateWords: {
      'structured-data': { open: 'stateInStock', paused: 'stateSoldOut' },
      'price-above': { paused: 'stateAboveCeiling' },
    },
    reopenedTitles: { 'structured-data': { open: 'notifyInStockTitle', again: 'notifyBackInStockTitle' } },
  },
} as const satisfies KindSpec;
