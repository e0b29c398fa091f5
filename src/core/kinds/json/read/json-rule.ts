import type { Evidence } from '../../../evidence-message';
import { clip, type KeyedReading, reading } from '../../page/read/evidence';
import { classifyResponse, type FetchedResponse, headerReader } from '../../page/read/page-response';
import type { Reading } from '../../page/reasons';
import { say, TYPE_WORDS } from '../check/evidence-en';
import { applyTest, type JsonTest, numberOf } from '../check/json-tests';
import { resolvePointer } from '../check/pointer';
import { validateJsonRule } from '../check/validate-json-rule';
import { type JsonType, jsonType } from '../json-type';
import type { JsonReasonCode } from '../reasons';

/** A JSON watch's rule (import/export contract): where to look, and what to ask of the value. */
export interface JsonRule {
  type: 'json';
  pointer: string;
  test: JsonTest;
  value?: unknown;
}

export type JsonReading = Reading<JsonReasonCode>;

/** A short picture of a JSON value for evidence: `true`, `0`, `"sold_out"`, `a list of 3`. */
export function preview(value: unknown): string | Evidence {
  switch (jsonType(value)) {
    case 'string':
      return JSON.stringify(clip(value as string, 40));
    case 'array': {
      const items = (value as unknown[]).length;
      return items ? say('evListOf', items) : say('evEmptyList');
    }
    case 'object': {
      const keys = Object.keys(value as object).length;
      return keys === 1 ? say('evObjectOneKey') : keys ? say('evObjectKeys', keys) : say('evEmptyObject');
    }
    default:
      return clip(String(value), 40);
  }
}

const name = (pointer: string): string | Evidence => pointer || say('evWholeDocument');

function describe(rule: JsonRule, found: unknown, result: boolean): Evidence {
  const at = name(rule.pointer);
  const is = say('evIs', at, preview(found));
  const isNot = () => say('evIsNotValue', at, preview(found), preview(rule.value));
  const number = `${numberOf(found)}`;
  const limit = `${rule.value}`;
  switch (rule.test) {
    case 'equals':
      return result ? is : isNot();
    case 'notEquals':
      return result ? isNot() : is;
    case 'contains':
      return say(result ? 'evContains' : 'evLacks', at, preview(rule.value));
    case 'atLeast':
      return say(result ? 'evAtLeast' : 'evBelow', at, number, limit);
    case 'atMost':
      return say(result ? 'evAtMost' : 'evOver', at, number, limit);
    default:
      return is;
  }
}

/**
 * True → open, false → paused; a missing pointer or a value of the wrong type → error `unrecognised`.
 * `expectedType` is the JSON type of the value at the watch's last good reading (or the one its
 * Test showed): a value of another type is an API that changed shape, not a reopening — the string
 * "none" where a list was is non-empty — so it reads can't tell `type-changed`, quoting both, and
 * carrying the new type so the editor can offer to accept it. `null` matches any type both ways: an
 * API that answers null while closed and a list while open has not changed shape; but a null that
 * would read open where another type is expected is type-changed too.
 */
export function evaluateJsonRule(data: unknown, rule: JsonRule, expectedType?: JsonType | null): KeyedReading<JsonReasonCode> {
  const problems = validateJsonRule(rule);
  // Stored rules were checked when added: this is a rule from elsewhere, its problem in the form's words.
  if (problems.length) return reading('error', 'rule-invalid', say('evRuleProblem', problems[0] as string));
  const resolved = resolvePointer(data, rule.pointer);
  if (!resolved.found) return reading('error', 'unrecognised', say('evPointerStop', resolved.at, resolved.why));
  const type = jsonType(resolved.value);
  if (expectedType && expectedType !== 'null' && type !== 'null' && type !== expectedType) {
    return {
      ...reading('error', 'type-changed', say('evTypeChanged', name(rule.pointer), TYPE_WORDS[expectedType], preview(resolved.value))),
      ...(type !== 'other' && { valueType: type }),
    };
  }
  const outcome = applyTest(rule.test, resolved.value, rule.value);
  if (!outcome.ok) return reading('error', 'unrecognised', say('evTestFailed', name(rule.pointer), outcome.why, rule.test));
  // null where a value of a known type was may say closed, never open: a `falsy` or `empty` test
  // would read an outage's null as a reopening.
  if (outcome.result && type === 'null' && expectedType && expectedType !== 'null') {
    return reading('error', 'type-changed', say('evTypeChanged', name(rule.pointer), TYPE_WORDS[expectedType], 'null'));
  }
  return {
    ...reading(
      outcome.result ? 'open' : 'paused',
      outcome.result ? 'json-match' : 'json-no-match',
      describe(rule, resolved.value, outcome.result),
    ),
    // null says nothing about the shape the value takes otherwise, so it is never what a watch expects.
    ...(type !== 'other' && type !== 'null' && { valueType: type }),
  };
}

/** An anti-hijacking prefix some APIs put before JSON (`)]}'`), which JSON.parse rejects. */
const XSSI_PREFIX = /^\uFEFF?\s*\)\]\}'?,?\s*\n?/;

/** Parses a JSON body; null when it is not JSON (the evidence never quotes the body itself). */
export function parseJsonBody(text: string): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: JSON.parse(text.replace(XSSI_PREFIX, '').replace(/^\uFEFF/, '')) };
  } catch {
    return { ok: false };
  }
}

/**
 * The one entry point for a checked JSON endpoint: the response first (challenge, sign-in,
 * status), then the body as JSON, then the rule.
 */
export function readJsonResponse(response: FetchedResponse, rule: JsonRule, expectedType?: JsonType | null): JsonReading {
  const early = classifyResponse(response);
  if (early) return early;
  const parsed = parseJsonBody(response.bodyText ?? '');
  if (!parsed.ok) {
    const type = (headerReader(response)('content-type') ?? '').split(';')[0]?.trim();
    return reading('error', 'not-json', type ? say('evNotJsonType', type) : say('evNotJson'));
  }
  return evaluateJsonRule(parsed.data, rule, expectedType);
}
