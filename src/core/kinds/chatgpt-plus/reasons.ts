/** Causes the ChatGPT Plus probe gives, beyond the common ones (../reasons.ts). */
export const PLUS_REASON_CODES = [
  'pause-flag',
  'unknown-pause-flag',
  'no-pause-flag',
  'active-subscription',
  'paid-plan',
  'no-access-token',
  'token-rejected',
  'login-redirect',
  'challenge-header',
  'challenge-page',
  'http-429',
  'http-status',
  'not-json',
  'unrecognised',
] as const;
