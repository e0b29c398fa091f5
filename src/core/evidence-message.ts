// Evidence as message keys: the core says what it saw once, as a key of the locale files and its
// arguments, and the English line (logs, webhooks, tests) is formatted from the same template, so
// the popup can show it in the reader's language. Built by ./evidence-wording.ts from English tables
// kept with the code that loads them (src/core/evidence-en.ts for the worker, kinds/page/read/ and
// kinds/json/check/evidence-en.ts for the readers, render/render-rules.ts, shared/host-access.ts);
// src/shared/evidence-text.test.ts holds each to messages.json. This module is what the pages
// load: the types and the check of a stored message.

/**
 * A message key (`ev…`) and its arguments: page text, numbers, hosts and flags, never translated,
 * or other messages ("JSON-LD availability InStock" inside "…, within 900").
 */
export interface EvidenceMessage {
  key: `ev${string}`;
  args: EvidenceArg[];
}

export type EvidenceArg = string | EvidenceMessage;

/** Evidence as built: the English line and the message it was formatted from. */
export interface Evidence {
  evidence: string;
  evidenceMessage: EvidenceMessage;
}

/** Chrome's i18n takes at most nine substitutions; nothing the core builds nests deeper than four. */
const MAX_ARGS = 9;
const MAX_DEPTH = 4;
/** Page text in an argument is quoted short already; the builder (./evidence-wording.ts) cuts any argument to this. */
export const MAX_ARG_CHARS = 200;

/**
 * A stored message as this version could have written it. Whether this version knows its keys is
 * asked where it is shown (src/shared/evidence-text.ts), of the locale files themselves: a list of
 * every key here would cost the popup more than its size budget has left.
 */
export function isEvidenceMessage(value: unknown, depth = 1): value is EvidenceMessage {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return false;
  const { key, args } = value as Record<string, unknown>;
  return (
    typeof key === 'string' &&
    /^ev[A-Z][A-Za-z0-9]{0,40}$/.test(key) &&
    Array.isArray(args) &&
    args.length <= MAX_ARGS &&
    args.every((arg) => (typeof arg === 'string' ? arg.length <= MAX_ARG_CHARS : isEvidenceMessage(arg, depth + 1)))
  );
}
