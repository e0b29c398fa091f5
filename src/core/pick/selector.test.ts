import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { validateTextRule } from '../kinds/page/check/validate-text-rule';
import { cssIdent, cssString } from './css-escape';
import { MAX_SELECTOR_LENGTH, matchesOnly, robustSelector, TEST_ATTRIBUTES } from './selector';

const page = (body: string) => new JSDOM(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`).window.document;

/** The selector for the element marked `data-pick`, checked to find it alone (the mark itself is never used). */
function pick(body: string): string | null {
  const doc = page(body);
  const el = doc.querySelector('[data-pick]');
  if (!el) throw new Error('no [data-pick] element');
  el.removeAttribute('data-pick');
  const selector = robustSelector(el);
  if (selector !== null) {
    expect([...doc.querySelectorAll(selector)]).toEqual([el]);
    expect(selector.length).toBeLessThanOrEqual(MAX_SELECTOR_LENGTH);
  }
  return selector;
}

describe('robustSelector', () => {
  it('uses a stable id', () => {
    expect(pick('<div class="price"><span id="buy-box" class="price" data-pick>Sold out</span></div>')).toBe('#buy-box');
  });

  it.each([':r1:', 'ember123', 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'offer-9817263'])('passes over the generated id %s', (id) => {
    const selector = pick(`<p>x</p><p class="note">y</p><section><p id="${id}" data-pick>Sold out</p></section>`);
    expect(selector).not.toContain('#');
    expect(selector).toBe('section > p');
  });

  it('passes over an id that is not unique', () => {
    expect(pick('<p id="dup">a</p><p id="dup" class="note" data-pick>Sold out</p>')).toBe('.note');
  });

  it.each(TEST_ATTRIBUTES)('uses the test attribute %s before any class', (attribute) => {
    expect(pick(`<button class="buy" ${attribute}="buy-button" data-pick>Sold out</button><p class="buy">x</p>`)).toBe(
      `[${attribute}="buy-button"]`,
    );
  });

  it('quotes a test value with quotes and backslashes in it', () => {
    const selector = pick(String.raw`<b data-testid='say "hi" \ now' data-pick>Sold out</b><b>x</b>`);
    expect(selector).toBe(String.raw`[data-testid="say \"hi\" \\ now"]`);
  });

  it('uses a stable class, then tag and class, then two classes, whichever is unique first', () => {
    expect(pick('<div class="card"><span class="price" data-pick>9</span></div><div class="card">x</div>')).toBe('.price');
    expect(pick('<div class="price">a</div><span class="price" data-pick>9</span>')).toBe('span.price');
    expect(pick('<i class="price">a</i><i class="main">b</i><i class="price main" data-pick>9</i>')).toBe('.price.main');
  });

  it.each([
    'css-1x2y3z',
    'sc-bdVaJa kGmDsT',
    'jsx-2345',
    '_3xK9a',
    'Button_root__a1B2c',
    'md:flex',
    'w-[300px]',
    'w-1/2',
    'c0ffee12',
    'is-active',
    'sold-out',
  ])('never builds on the generated or state class "%s"', (classes) => {
    const selector = pick(`<div id="shop"><p>Price</p><p class="${classes}" data-pick>Sold out</p></div>`);
    expect(selector).toBe('#shop p:nth-of-type(2)');
  });

  it('skips a state class next to a stable one', () => {
    expect(pick('<a class="nav">x</a><a class="nav hover active" data-pick>Sold out</a><a class="hover">y</a>')).toBe('a:nth-of-type(2)');
    expect(pick('<a class="nav">x</a><a class="nav buy hover" data-pick>Sold out</a><a class="hover">y</a>')).toBe('.buy');
  });

  it('anchors at the nearest ancestor with a stable name, as any descendant when that is unique', () => {
    expect(pick('<span>x</span><div id="buy-box"><div><span data-pick>Sold out</span></div></div><span>y</span>')).toBe('#buy-box span');
    expect(pick('<div data-qa="offer"><em>1</em><em data-pick>2</em></div><em>3</em>')).toBe('[data-qa="offer"] em:nth-of-type(2)');
  });

  it('prefers the nearest anchor to a farther one', () => {
    const selector = pick('<main id="page"><div class="offer"><p>a</p><p data-pick>b</p></div><div><p>c</p><p>d</p></div></main>');
    expect(selector).toBe('.offer p:nth-of-type(2)');
  });

  it('walks past an anchor that is not unique to one that is', () => {
    const selector = pick(
      '<section id="deals"><div class="card"><b>1</b><div><b data-pick>2</b></div></div></section><div class="card"><div><b>3</b></div></div>',
    );
    expect(selector).toBe('#deals div > div > b');
  });

  it('tells siblings apart by a class only they lack, before falling back to position', () => {
    expect(pick('<ul><li>a</li><li class="buy">b</li></ul><ul><li>c</li><li class="buy" data-pick>d</li></ul><p class="buy">e</p>')).toBe(
      'ul:nth-of-type(2) > li.buy',
    );
  });

  it('falls back to the shortest unique path from body when nothing is stable', () => {
    expect(pick('<div><div><p>a</p><p data-pick>b</p></div><div><p>c</p></div></div>')).toBe('p:nth-of-type(2)');
    expect(pick('<div><p>a</p></div><div><p data-pick>b</p></div>')).toBe('div:nth-of-type(2) > p');
  });

  it('names body as body and gives nothing for html or a detached element', () => {
    const doc = page('<p>x</p>');
    expect(robustSelector(doc.body)).toBe('body');
    expect(robustSelector(doc.documentElement)).toBeNull();
    expect(robustSelector(doc.createElement('p'))).toBeNull();
  });

  it('escapes names the way CSS.escape does, and the escaped selector finds the element', () => {
    expect(cssIdent('1st-offer')).toBe('\\31 st-offer');
    expect(cssIdent('-2x')).toBe('\\-\\32 x'.replace('\\-', '-'));
    expect(cssIdent('-')).toBe('\\-');
    expect(cssIdent('a b')).toBe('a\\ b');
    expect(cssIdent('库存')).toBe('库存');
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\a d"');
    expect(pick('<p id="1st-offer" data-pick>Sold out</p><p>x</p>')).toBe('#\\31 st-offer');
    expect(pick('<p id="库存" data-pick>缺货</p>')).toBe('#库存');
    expect(pick('<p class="2col">x</p><p class="2col" id="-9lives" data-pick>Sold out</p>')).toBe('#-\\39 lives');
  });

  it('keeps a deep page within the rule limit and still unique', () => {
    const deep = `${'<div><span>n</span>'.repeat(150)}<b data-pick>Sold out</b>${'</div>'.repeat(150)}`;
    const selector = pick(`<div>${deep}</div><div>${deep.replace(' data-pick', '')}</div>`);
    expect(selector).toBe('body > div:nth-of-type(1) b');
  });

  it('finds every element of a busy page alone, with a selector a text rule accepts', () => {
    const doc = page(`
      <header class="site-header"><nav><a href="/">Home</a><a class="active" href="/shop">Shop</a></nav></header>
      <main id=":r0:">
        <article class="product css-1x2y3z" data-testid="product">
          <h1 class="title">Card</h1><p class="price">$9</p><p class="price sale">$7</p>
          <div class="sc-bdVaJa kGmDsT"><button disabled>Sold out</button><button class="is-active">Notify me</button></div>
          <ul><li>a</li><li>b</li><li><span>c</span><span>d</span></li></ul>
        </article>
        <article class="product"><h1 class="title">Other</h1><p class="price">$8</p></article>
      </main>
      <footer><p>© shop</p><p>Terms</p></footer>`);
    const isValid = (s: string) => {
      try {
        doc.querySelector(s);
        return true;
      } catch {
        return false;
      }
    };
    const all = [...doc.body.querySelectorAll('*')];
    expect(all.length).toBeGreaterThan(20);
    for (const el of all) {
      const selector = robustSelector(el);
      expect(selector, el.outerHTML).not.toBeNull();
      expect(matchesOnly(selector as string, el), selector as string).toBe(true);
      expect(selector).not.toMatch(/css-1x2y3z|sc-bdVaJa|kGmDsT|:r0:|is-active|\.active/);
      expect(validateTextRule({ type: 'text', selector, pausedWhen: ['x'] }, isValid)).toEqual([]);
    }
  });
});
