/** What one check concluded. `open` and `paused` are availability; the rest say why we can't tell. */
export const VERDICT_KINDS = ['open', 'paused', 'subscribed', 'signed-out', 'blocked', 'rate-limited', 'error'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];
