import { describe, expect, it } from 'vitest';
import { validateJsonRule } from './validate-json-rule';

describe('validateJsonRule', () => {
  it('accepts the shapes DESIGN.md allows', () => {
    expect(validateJsonRule({ type: 'json', pointer: '/data/0/available', test: 'truthy' })).toEqual([]);
    expect(validateJsonRule({ type: 'json', pointer: '', test: 'nonEmpty' })).toEqual([]);
    expect(validateJsonRule({ type: 'json', pointer: '/status', test: 'equals', value: { a: [1] } })).toEqual([]);
    expect(validateJsonRule({ type: 'json', pointer: '/regions', test: 'contains', value: 'us-east' })).toEqual([]);
    expect(validateJsonRule({ type: 'json', pointer: '/qty', test: 'atLeast', value: 1 })).toEqual([]);
  });

  it('explains each problem', () => {
    expect(validateJsonRule('x')).toEqual(['rule must be an object']);
    expect(validateJsonRule({ type: 'json', test: 'truthy' })).toEqual([
      'pointer must be text: "" for the whole answer, or like "/data/0/available"',
    ]);
    expect(validateJsonRule({ type: 'json', pointer: 'data/0', test: 'truthy' })[0]).toMatch(/must be empty or start with "\/"/);
    expect(validateJsonRule({ type: 'json', pointer: '/a~2', test: 'truthy' })[0]).toMatch(/~0/);
    expect(validateJsonRule({ type: 'json', pointer: '/items/-', test: 'truthy' })).toEqual([
      'pointer uses "-", which names no existing array item',
    ]);
    expect(validateJsonRule({ type: 'json', pointer: '/a', test: 'greaterThan' })).toEqual([
      'test must be one of equals, notEquals, truthy, falsy, nonEmpty, empty, contains, atLeast, atMost',
    ]);
    expect(validateJsonRule({ type: 'json', pointer: '/a', test: 'equals' })).toEqual(['test equals needs a value']);
    expect(validateJsonRule({ type: 'json', pointer: '/a', test: 'truthy', value: true })).toEqual(['test truthy takes no value']);
    expect(validateJsonRule({ type: 'json', pointer: '/a', test: 'atMost', value: '5' })).toEqual([
      'test atMost needs a number as its value',
    ]);
    expect(validateJsonRule({ type: 'json', pointer: '/a', test: 'contains', value: ['x'] })).toEqual([
      'test contains needs text, a number, true/false or null as its value',
    ]);
    expect(validateJsonRule({ type: 'json', pointer: '/a', test: 'truthy', header: 'x' })).toEqual([
      'unknown field "header" in a json rule',
    ]);
  });
});
