// Evidence as message keys: the core says what it saw once, as a key of the locale files and its
// arguments, and the English line (logs, webhooks, tests) is formatted from the same template, so
// the popup can show it in the reader's language. The English templates live in three tables, one
// per bundle that builds evidence (src/core/evidence-en.ts, kinds/page/read/evidence-en.ts,
// kinds/json/check/evidence-en.ts); src/shared/evidence-text.test.ts holds them to messages.json.

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
const MAX_ARG_CHARS = 200;

// C0/C1 controls and bidi overrides could garble or spoof the line the user reads.
const UNSAFE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu;

/** Page or server text made safe to show: controls removed, whitespace collapsed. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/**
 * One bundle's English templates, `$1`…`$9` for the arguments (the locale files' placeholders
 * stand for the same numbers), as a function that builds evidence from a key and its arguments.
 */
export function wording<K extends `ev${string}`>(english: Record<K, string>) {
  return (key: K, ...args: Array<string | number | Evidence>): Evidence => {
    const parts = args.map((arg) => (typeof arg === 'object' ? arg : clip(cleanText(String(arg)), MAX_ARG_CHARS)));
    return {
      evidence: english[key].replace(/\$([1-9])/g, (_, n: string) => {
        const part = parts[Number(n) - 1] ?? '';
        return typeof part === 'string' ? part : part.evidence;
      }),
      evidenceMessage: { key, args: parts.map((part) => (typeof part === 'string' ? part : part.evidenceMessage)) },
    };
  };
}

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
