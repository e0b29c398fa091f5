import type { Evidence } from '../../../evidence-message';
import { jsonType } from '../json-type';
import { say, TYPE_WORDS, typeWord } from './evidence-en';

export { type JsonType, jsonType } from '../json-type';

/**
 * The tests a JSON watch applies to the value its pointer finds. Each is defined on JSON types only;
 * a value of a type the test does not define is "wrong type" (can't tell), never false, so an API
 * that changes shape cannot read as paused or open by accident.
 */
export const JSON_TESTS = ['equals', 'notEquals', 'truthy', 'falsy', 'nonEmpty', 'empty', 'contains', 'atLeast', 'atMost'] as const;
export type JsonTest = (typeof JSON_TESTS)[number];

export const isJsonTest = (value: unknown): value is JsonTest => (JSON_TESTS as readonly unknown[]).includes(value);

/** Tests that compare with the rule's `value`. */
export const TESTS_WITH_VALUE: ReadonlySet<JsonTest> = new Set(['equals', 'notEquals', 'contains', 'atLeast', 'atMost']);

export type TestOutcome = { ok: true; result: boolean } | { ok: false; why: Evidence };

/** Structural equality of JSON values: same type, same items in order, same keys in any order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const type = jsonType(a);
  if (type !== jsonType(b)) return false;
  if (type === 'array') {
    const x = a as unknown[];
    const y = b as unknown[];
    return x.length === y.length && x.every((item, i) => jsonEqual(item, y[i]));
  }
  if (type === 'object') {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && jsonEqual(x[k], y[k]));
  }
  return false;
}

const TRUE_WORDS = new Set(['true', 'yes', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'off', '']);

/**
 * truthy/falsy: a boolean as is; a number is true unless 0; null is false; the strings
 * true/yes/1/on and false/no/0/off/"" (any case) as they read. Any other string, array or object
 * is wrong type: `"false"` must not read true the way JavaScript would.
 */
function truth(found: unknown): boolean | null {
  switch (jsonType(found)) {
    case 'boolean':
      return found as boolean;
    case 'number':
      return found !== 0;
    case 'null':
      return false;
    case 'string': {
      const word = (found as string).trim().toLowerCase();
      return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : null;
    }
    default:
      return null;
  }
}

/** nonEmpty/empty: a string by its trimmed length, an array by items, an object by keys; null is empty. */
function size(found: unknown): number | null {
  switch (jsonType(found)) {
    case 'string':
      return (found as string).trim().length;
    case 'array':
      return (found as unknown[]).length;
    case 'object':
      return Object.keys(found as object).length;
    case 'null':
      return 0;
    default:
      return null;
  }
}

/** atLeast/atMost: a number, or a plain decimal string ("12", "-3.50"): many APIs send counts as text. */
export function numberOf(found: unknown): number | null {
  if (typeof found === 'number') return Number.isFinite(found) ? found : null;
  if (typeof found === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(found)) return Number(found);
  return null;
}

const wrongType = (found: unknown, expected: Evidence): TestOutcome => ({ ok: false, why: say('evIsNotType', typeWord(found), expected) });

/**
 * Applies one test. equals/notEquals need the same JSON type as `value` (deep equality for arrays
 * and objects); contains is a case-sensitive substring for strings and a deep-equal item for arrays.
 */
export function applyTest(test: JsonTest, found: unknown, value: unknown): TestOutcome {
  switch (test) {
    case 'equals':
    case 'notEquals': {
      if (jsonType(found) !== jsonType(value)) return wrongType(found, typeWord(value));
      const equal = jsonEqual(found, value);
      return { ok: true, result: test === 'equals' ? equal : !equal };
    }
    case 'truthy':
    case 'falsy': {
      const t = truth(found);
      if (t === null) return wrongType(found, TYPE_WORDS.boolean);
      return { ok: true, result: test === 'truthy' ? t : !t };
    }
    case 'nonEmpty':
    case 'empty': {
      const n = size(found);
      if (n === null) return wrongType(found, say('evTextListOrObject'));
      return { ok: true, result: test === 'nonEmpty' ? n > 0 : n === 0 };
    }
    case 'contains':
      if (typeof found === 'string' && typeof value === 'string') return { ok: true, result: found.includes(value) };
      if (Array.isArray(found)) return { ok: true, result: found.some((item) => jsonEqual(item, value)) };
      return wrongType(found, typeof value === 'string' ? say('evTextOrList') : TYPE_WORDS.array);
    case 'atLeast':
    case 'atMost': {
      const n = numberOf(found);
      if (n === null || typeof value !== 'number') return wrongType(found, TYPE_WORDS.number);
      return { ok: true, result: test === 'atLeast' ? n >= value : n <= value };
    }
  }
}
