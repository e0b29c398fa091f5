import { describe, expect, it } from 'vitest';
import { formatPointer, parsePointer, resolvePointer } from './pointer';

// The example document and results of RFC 6901, section 5.
const doc = { foo: ['bar', 'baz'], '': 0, 'a/b': 1, 'c%d': 2, 'e^f': 3, 'g|h': 4, 'i\\j': 5, 'k"l': 6, ' ': 7, 'm~n': 8 };

describe('JSON Pointer (RFC 6901)', () => {
  it.each([
    ['', doc],
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/c%d', 2],
    ['/e^f', 3],
    ['/g|h', 4],
    ['/i\\j', 5],
    ['/k"l', 6],
    ['/ ', 7],
    ['/m~0n', 8],
  ])('%j resolves', (pointer, value) => {
    expect(resolvePointer(doc, pointer)).toEqual({ found: true, value });
  });

  it('unescapes ~1 before ~0', () => {
    expect(parsePointer('/~01')).toEqual({ ok: true, tokens: ['~1'] });
    expect(formatPointer(['~1', 'a/b'])).toBe('/~01/a~1b');
  });

  it('rejects malformed pointers', () => {
    expect(parsePointer('foo')).toMatchObject({ ok: false });
    expect(parsePointer('/a~2')).toMatchObject({ ok: false });
    expect(parsePointer('/a~')).toMatchObject({ ok: false });
    expect(resolvePointer(doc, '#/foo')).toMatchObject({ found: false });
  });

  it('says where and why a lookup stopped', () => {
    const stop = (pointer: string) => {
      const resolved = resolvePointer(doc, pointer);
      return resolved.found ? null : { at: resolved.at, why: resolved.why.evidence };
    };
    expect(stop('/foo/2')).toEqual({ at: '/foo/2', why: 'index 2 is past the end of an array of 2' });
    expect(stop('/foo/-')).toMatchObject({ at: '/foo/-' });
    expect(stop('/foo/01')).toMatchObject({ why: '"01" is not an index of an array' });
    expect(stop('/nope/x')).toEqual({ at: '/nope', why: 'no such key' });
    expect(stop('/foo/0/x')).toEqual({ at: '/foo/0/x', why: 'cannot look inside text' });
  });

  it('reads own properties only', () => {
    expect(resolvePointer({}, '/constructor')).toMatchObject({ found: false });
    expect(resolvePointer(JSON.parse('{"__proto__": {"a": 1}}'), '/__proto__/a')).toEqual({ found: true, value: 1 });
  });
});
