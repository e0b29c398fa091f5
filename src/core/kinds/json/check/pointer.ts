/** RFC 6901 JSON Pointer, for reading only. */
import type { Evidence } from '../../../evidence-message';
import { say, typeWord } from './evidence-en';

export type ParsedPointer = { ok: true; tokens: string[] } | { ok: false; problem: string };

/** `""` is the whole document; otherwise `/`-separated tokens with `~1` for `/` and `~0` for `~`. */
export function parsePointer(pointer: string): ParsedPointer {
  if (pointer === '') return { ok: true, tokens: [] };
  if (!pointer.startsWith('/')) return { ok: false, problem: `pointer must be empty or start with "/" (got "${pointer.slice(0, 40)}")` };
  if (/~(?![01])/.test(pointer))
    return { ok: false, problem: 'pointer has a "~" not followed by 0 or 1 (write "~0" for "~" and "~1" for "/")' };
  // ~1 before ~0, so "~01" becomes "~1" and not "/".
  return {
    ok: true,
    tokens: pointer
      .slice(1)
      .split('/')
      .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')),
  };
}

/** Re-escapes tokens into a pointer, for evidence naming where a lookup stopped. */
export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export type Resolved = { found: true; value: unknown } | { found: false; at: string; why: Evidence };

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * Follows a pointer through parsed JSON. Only own properties count (no `constructor` from the
 * prototype); array indices are decimal without leading zeros; `-` (one past the end) never exists.
 */
export function resolvePointer(doc: unknown, pointer: string): Resolved {
  const parsed = parsePointer(pointer);
  if (!parsed.ok) return { found: false, at: pointer, why: say('evRuleProblem', parsed.problem) };
  let value = doc;
  for (let i = 0; i < parsed.tokens.length; i++) {
    const token = parsed.tokens[i] as string;
    const at = formatPointer(parsed.tokens.slice(0, i + 1));
    if (Array.isArray(value)) {
      if (!ARRAY_INDEX.test(token)) return { found: false, at, why: say('evNotIndex', `"${token.slice(0, 20)}"`) };
      const index = Number(token);
      if (index >= value.length) return { found: false, at, why: say('evPastEnd', index, value.length) };
      value = value[index];
    } else if (typeof value === 'object' && value !== null) {
      if (!Object.hasOwn(value, token)) return { found: false, at, why: say('evNoSuchKey') };
      value = (value as Record<string, unknown>)[token];
    } else {
      return { found: false, at, why: say('evCannotLookInside', typeWord(value)) };
    }
  }
  return { found: true, value };
}
