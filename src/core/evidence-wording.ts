// Builds evidence: the English line and its message from one English table (see ./evidence-message.ts).
// Only the modules that build evidence load it, never the popup.
import { type Evidence, MAX_ARG_CHARS } from './evidence-message';

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
