import type { EvidenceMessage } from './evidence-message';
import type { ReasonCode } from './kinds/registry';

import { VERDICT_KINDS, type VerdictKind } from './verdict-kinds';

export { VERDICT_KINDS, type VerdictKind } from './verdict-kinds';

// Stored verdicts are validated against these (and the registry's reason codes), so a value from
// another version never reaches the UI.
export const isVerdictKind = (value: unknown): value is VerdictKind => (VERDICT_KINDS as readonly unknown[]).includes(value);

export interface Verdict {
  kind: VerdictKind;
  reason: ReasonCode;
  /** HTTP status of the last response read, or null when none arrived. */
  status: number | null;
  /** When the check started (epoch ms). */
  at: number;
  durationMs: number;
  /** Body bytes read across the check's requests. */
  bytes: number;
  requests: number;
  /** Short human text ("features contains disable_plus_upgrade_ui"); never a token or personal data. */
  evidence: string;
  /**
   * `evidence` as a message key and its arguments, which the popup and options page show in their
   * language (src/shared/evidence-text.ts); logs and channels keep the English `evidence`.
   */
  evidenceMessage?: EvidenceMessage;
  /** From a `Retry-After` header, in ms, when the server gave one. */
  retryAfterMs?: number;
  /**
   * A page's ETag / Last-Modified when this verdict was read from its body: while the validator is
   * unchanged the body is the same, so the next check reuses this reading instead of parsing again.
   */
  validator?: string;
  /** A JSON watch's good reading: the JSON type of the value tested (src/core/kinds/json/read/json-rule.ts). */
  valueType?: string;
  /** An `auto` page reading: the prices and variants read, shown by Test; dropped before a check is stored. */
  found?: { prices: string[]; variants: string[] };
  /** A page reading: the page's `<title>`, for Test to name a new watch by; dropped before a check is stored. */
  title?: string;
}

/** Verdicts that tell us something true about the account and the upgrade flow. */
export function isGoodCheck(kind: VerdictKind): boolean {
  return kind === 'open' || kind === 'paused' || kind === 'queued' || kind === 'subscribed';
}

/** Verdicts only the user can fix (sign in, pass a challenge). */
export function needsUser(kind: VerdictKind): boolean {
  return kind === 'signed-out' || kind === 'blocked';
}
