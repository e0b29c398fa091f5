import { isJsonTest, JSON_TESTS, TESTS_WITH_VALUE } from './json-tests';
import { parsePointer } from './pointer';

const KEYS = new Set(['type', 'pointer', 'test', 'value']);
const MAX_POINTER = 500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Problems with a `json` rule, in plain English, for import and the options form; empty when valid. */
export function validateJsonRule(rule: unknown): string[] {
  if (!isObject(rule)) return ['rule must be an object'];
  const problems: string[] = [];
  if (rule.type !== 'json') problems.push('rule type must be "json"');
  for (const key of Object.keys(rule)) if (!KEYS.has(key)) problems.push(`unknown field "${key}" in a json rule`);

  if (typeof rule.pointer !== 'string') problems.push('pointer must be text: "" for the whole answer, or like "/data/0/available"');
  else if (rule.pointer.length > MAX_POINTER) problems.push(`pointer is longer than ${MAX_POINTER} characters`);
  else {
    const parsed = parsePointer(rule.pointer);
    if (!parsed.ok) problems.push(parsed.problem);
    else if (parsed.tokens.includes('-')) problems.push('pointer uses "-", which names no existing array item');
  }

  const test = rule.test;
  if (!isJsonTest(test)) {
    problems.push(`test must be one of ${JSON_TESTS.join(', ')}`);
    return problems;
  }
  const value = rule.value;
  if (!TESTS_WITH_VALUE.has(test)) {
    if (value !== undefined) problems.push(`test ${test} takes no value`);
  } else if (value === undefined) {
    problems.push(`test ${test} needs a value`);
  } else if ((test === 'atLeast' || test === 'atMost') && (typeof value !== 'number' || !Number.isFinite(value))) {
    problems.push(`test ${test} needs a number as its value`);
  } else if (test === 'contains' && !isScalar(value)) {
    problems.push('test contains needs text, a number, true/false or null as its value');
  }
  return problems;
}
