/** What one check concluded. `open` and `paused` are availability, `queued` a waiting room in front of it; the rest say why we can't tell. */
export const VERDICT_KINDS = ['open', 'paused', 'queued', 'subscribed', 'signed-out', 'blocked', 'rate-limited', 'error'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];
