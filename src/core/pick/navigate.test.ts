import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { narrower, sibling, wider } from './navigate';

const doc = new JSDOM(`<!doctype html><body>
  <main id="m"><script>x()</script><section id="s"><p id="a">a</p><p id="h" hidden>h</p><p id="b">b<span id="c">c</span></p></section></main>
</body>`).window.document;
const $ = (id: string) => doc.getElementById(id) as Element;

describe('picker navigation', () => {
  it('goes wider up to body and no further', () => {
    expect(wider($('c'))).toBe($('b'));
    expect(wider($('m'))).toBe(doc.body);
    expect(wider(doc.body)).toBeNull();
  });

  it('goes narrower back towards the element first picked', () => {
    expect(narrower($('m'), $('c'))).toBe($('s'));
    expect(narrower($('s'), $('c'))).toBe($('b'));
    expect(narrower($('b'), $('c'))).toBe($('c'));
  });

  it('without a way back, goes to the first child that shows (not a script)', () => {
    expect(narrower($('m'))).toBe($('s'));
    expect(narrower($('m'), $('m'))).toBe($('s'));
    expect(narrower($('s'), $('m'))).toBe($('a'));
    expect(narrower($('c'))).toBeNull();
  });

  it('steps between siblings that show', () => {
    expect(sibling($('a'), 'next')).toBe($('b'));
    expect(sibling($('b'), 'previous')).toBe($('a'));
    expect(sibling($('b'), 'next')).toBeNull();
    expect(sibling(doc.body, 'next')).toBeNull();
  });
});
