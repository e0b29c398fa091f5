/** Reasons any kind's check can end with: no site access, the shared fetch layer, and Reopen Watch's own failures. */
export const COMMON_REASON_CODES = [
  'no-host-access',
  'network',
  'timeout',
  'too-large',
  // A reader that threw, a check that hung.
  'check-failed',
  'check-timeout',
] as const;
