import { describe, expect, it } from 'vitest';
import { applyTest, type JsonTest, jsonEqual, numberOf } from './json-tests';

const result = (test: JsonTest, found: unknown, value?: unknown) => {
  const outcome = applyTest(test, found, value);
  return outcome.ok ? outcome.result : 'wrong type';
};

describe('JSON tests', () => {
  it('equals and notEquals compare JSON values of the same type, deeply', () => {
    expect(result('equals', 'in_stock', 'in_stock')).toBe(true);
    expect(result('equals', { a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(result('equals', { a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(result('equals', [1, 2], [2, 1])).toBe(false);
    expect(result('notEquals', 'sold_out', 'in_stock')).toBe(true);
    expect(result('equals', '1', 1)).toBe('wrong type');
    expect(result('notEquals', null, 'sold_out')).toBe('wrong type');
    expect(result('equals', null, null)).toBe(true);
  });

  it('truthy and falsy read booleans, numbers, null and yes/no words only', () => {
    expect(result('truthy', true)).toBe(true);
    expect(result('truthy', 0)).toBe(false);
    expect(result('truthy', 3)).toBe(true);
    expect(result('truthy', null)).toBe(false);
    expect(result('truthy', ' Yes ')).toBe(true);
    expect(result('truthy', 'false')).toBe(false);
    expect(result('truthy', '')).toBe(false);
    expect(result('falsy', 'off')).toBe(true);
    expect(result('truthy', 'maybe')).toBe('wrong type');
    expect(result('truthy', [])).toBe('wrong type');
    expect(result('falsy', {})).toBe('wrong type');
  });

  it('nonEmpty and empty measure text, lists and objects; null is empty', () => {
    expect(result('nonEmpty', [1])).toBe(true);
    expect(result('nonEmpty', '   ')).toBe(false);
    expect(result('empty', {})).toBe(true);
    expect(result('empty', null)).toBe(true);
    expect(result('nonEmpty', 0)).toBe('wrong type');
    expect(result('empty', false)).toBe('wrong type');
  });

  it('contains is a case-sensitive substring for text and a deep-equal item for lists', () => {
    expect(result('contains', 'InStock now', 'InStock')).toBe(true);
    expect(result('contains', 'instock', 'InStock')).toBe(false);
    expect(result('contains', ['us-east', { id: 2 }], { id: 2 })).toBe(true);
    expect(result('contains', [1, 2], '1')).toBe(false);
    expect(result('contains', 'abc', 1)).toBe('wrong type');
    expect(result('contains', { a: 1 }, 'a')).toBe('wrong type');
  });

  it('atLeast and atMost take numbers and plain decimal strings', () => {
    expect(result('atLeast', 5, 1)).toBe(true);
    expect(result('atLeast', '0', 1)).toBe(false);
    expect(result('atMost', ' 3.50 ', 3.5)).toBe(true);
    expect(result('atMost', '-2', -3)).toBe(false);
    expect(result('atLeast', '1e3', 1)).toBe('wrong type');
    expect(result('atLeast', '', 1)).toBe('wrong type');
    expect(result('atLeast', true, 1)).toBe('wrong type');
    expect(result('atLeast', 2, '1')).toBe('wrong type');
  });

  it('helpers', () => {
    expect(numberOf('12')).toBe(12);
    expect(numberOf('twelve')).toBeNull();
    expect(jsonEqual([{ a: 1 }], [{ a: 1 }])).toBe(true);
    expect(jsonEqual({ a: undefined }, { b: undefined })).toBe(false);
  });
});
