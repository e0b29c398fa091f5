import { describe, expect, it } from 'vitest';
import { jsonCorpusCases, jsonCorpusResponse } from '../../../../../tests/corpus/json-cases';
import { EVIDENCE_MAX } from '../../page/read/evidence';
import { JSON_REASON_CODES } from '../reasons';
import { evaluateJsonRule, type JsonRule, parseJsonBody, preview, readJsonResponse } from './json-rule';

const english = (v: ReturnType<typeof preview>) => (typeof v === 'string' ? v : v.evidence);

describe('JSON corpus through readJsonResponse', () => {
  it.each(jsonCorpusCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = readJsonResponse(jsonCorpusResponse(c), c.rule);
    expect({ kind: result.kind, reason: result.reason }).toEqual({ kind: c.expect.kind, reason: c.expect.reason });
    if (c.expect.evidence) expect(result.evidence).toContain(c.expect.evidence);
    expect(JSON_REASON_CODES).toContain(result.reason);
    expect([...result.evidence].length).toBeLessThanOrEqual(EVIDENCE_MAX);
  });
});

describe('evaluateJsonRule', () => {
  const rule = (test: JsonRule['test'], pointer: string, value?: unknown): JsonRule => ({ type: 'json', pointer, test, value });

  it('reads true as open and false as paused, with the value as evidence', () => {
    expect(evaluateJsonRule({ data: [{ available: true }] }, rule('truthy', '/data/0/available'))).toMatchObject({
      kind: 'open',
      reason: 'json-match',
      evidence: '/data/0/available is true',
      valueType: 'boolean',
    });
    expect(evaluateJsonRule({ qty: 0 }, rule('atLeast', '/qty', 1))).toMatchObject({
      kind: 'paused',
      reason: 'json-no-match',
      evidence: '/qty is 0, below 1',
      valueType: 'number',
    });
  });

  it('reads a value whose type changed since the last good reading as type-changed, quoting both, never open', () => {
    // A list that was empty (paused) becomes the string "none": non-empty, but an API change, not a reopening.
    expect(evaluateJsonRule({ slots: 'none' }, rule('nonEmpty', '/slots'), 'array')).toMatchObject({
      kind: 'error',
      reason: 'type-changed',
      evidence: '/slots was a list, now "none"',
      valueType: 'string',
    });
    expect(evaluateJsonRule({ slots: ['a'] }, rule('nonEmpty', '/slots'), 'array')).toMatchObject({ kind: 'open', valueType: 'array' });
    expect(evaluateJsonRule({ n: '3' }, rule('atLeast', '/n', 1), 'number')).toMatchObject({ kind: 'error', reason: 'type-changed' });
    // Nothing known yet: the first reading learns the type.
    expect(evaluateJsonRule({ slots: 'none' }, rule('nonEmpty', '/slots'), null)).toMatchObject({ kind: 'open', valueType: 'string' });
    // null tells no shape: expected or read, it matches any type, and is never learned.
    expect(evaluateJsonRule({ slots: null }, rule('nonEmpty', '/slots'), 'array')).toEqual({
      kind: 'paused',
      reason: 'json-no-match',
      evidence: expect.any(String),
      evidenceMessage: expect.any(Object),
    });
    expect(evaluateJsonRule({ slots: ['a'] }, rule('nonEmpty', '/slots'), 'null')).toMatchObject({ kind: 'open', valueType: 'array' });
    // …but a null that would read open where another type is known is no reopening (an outage's null).
    expect(evaluateJsonRule({ soldOut: null }, rule('falsy', '/soldOut'), 'boolean')).toEqual({
      kind: 'error',
      reason: 'type-changed',
      evidence: '/soldOut was true/false, now null',
      evidenceMessage: expect.any(Object),
    });
    expect(evaluateJsonRule({ waitlist: null }, rule('empty', '/waitlist'), 'array')).toMatchObject({
      kind: 'error',
      reason: 'type-changed',
    });
    // Nothing known yet, null reads as its test says.
    expect(evaluateJsonRule({ soldOut: null }, rule('falsy', '/soldOut'), null)).toMatchObject({ kind: 'open' });
  });

  it('reads a missing pointer or a wrong type as unrecognised, never paused or open', () => {
    expect(evaluateJsonRule({}, rule('falsy', '/soldOut'))).toEqual({
      kind: 'error',
      reason: 'unrecognised',
      evidence: '/soldOut: no such key',
      evidenceMessage: expect.any(Object),
    });
    expect(evaluateJsonRule({ soldOut: 'no idea' }, rule('falsy', '/soldOut'))).toMatchObject({ kind: 'error', reason: 'unrecognised' });
    expect(evaluateJsonRule({ status: null }, rule('notEquals', '/status', 'sold_out'))).toMatchObject({
      kind: 'error',
      reason: 'unrecognised',
    });
  });

  it('refuses an invalid rule before reading', () => {
    expect(evaluateJsonRule({ a: 1 }, rule('atLeast', '/a', 'one'))).toMatchObject({ kind: 'error', reason: 'rule-invalid' });
    expect(evaluateJsonRule({ a: 1 }, { type: 'json', pointer: 'a', test: 'truthy' })).toMatchObject({
      kind: 'error',
      reason: 'rule-invalid',
    });
  });

  it('keeps evidence short whatever the data holds', () => {
    const long = evaluateJsonRule({ s: `x\u0000${'y'.repeat(500)}` }, rule('equals', '/s', 'z'));
    expect([...long.evidence].length).toBeLessThanOrEqual(EVIDENCE_MAX);
    expect(long.evidence).not.toMatch(/\p{Cc}/u);
  });
});

describe('parsing and previews', () => {
  it('parses JSON with a BOM or an anti-hijacking prefix, and refuses the rest', () => {
    expect(parseJsonBody('\uFEFF{"a":1}')).toEqual({ ok: true, data: { a: 1 } });
    expect(parseJsonBody(")]}',\n[1]")).toEqual({ ok: true, data: [1] });
    expect(parseJsonBody('<html>')).toEqual({ ok: false });
    expect(parseJsonBody('')).toEqual({ ok: false });
  });

  it('refuses a non-JSON body without quoting it', () => {
    const result = readJsonResponse(
      { status: 200, url: 'https://api.example/x', bodyText: 'token=abc123' },
      { type: 'json', pointer: '', test: 'nonEmpty' },
    );
    expect(result).toMatchObject({ kind: 'error', reason: 'not-json', evidence: 'the answer is not JSON' });
  });

  it('pictures values briefly', () => {
    expect(preview('a'.repeat(60))).toBe(`"${'a'.repeat(39)}…"`);
    expect(english(preview([]))).toBe('an empty list');
    expect(english(preview({ a: 1 }))).toBe('an object with 1 key');
    expect(english(preview({ a: 1, b: 2 }))).toBe('an object with 2 keys');
    expect(english(preview([1, 2, 3]))).toBe('a list of 3');
    expect(english(preview({}))).toBe('an empty object');
    expect(preview(null)).toBe('null');
    expect(preview(2.5)).toBe('2.5');
  });
});
