import { describe, expect, it } from 'vitest';
import { isStableClass, isStableId, isStableValue } from './stable-names';

describe('stable names', () => {
  it.each(['buy-box', 'product_price', 'addToCart', 'iPhone', '__next', 'main', 'offer-2', '库存'])('keeps the written id %s', (id) =>
    expect(isStableId(id)).toBe(true),
  );

  it.each([
    [':r1:', 'React useId'],
    ['«r3»', 'React 19 useId'],
    ['ember123', 'Ember'],
    ['ext-gen1042', 'Ext JS'],
    ['yui_3_5_1_1_1', 'YUI'],
    ['mui-7', 'MUI'],
    ['headlessui-menu-button-2', 'Headless UI'],
    ['radix-:r5:', 'Radix'],
    ['react-select-3-input', 'react-select'],
    ['j_idt12', 'JSF'],
    ['123', 'digits only'],
    ['item-48213', 'a long number'],
    ['a3f9c2e1', 'a hex run'],
    ['f47ac10b-58cc-4372-a567-0e02b2c3d479', 'a uuid'],
    ['x7Kq9Z', 'a random token'],
    ['main:content', 'a colon'],
    ['', 'empty'],
  ])('rejects the generated id %s (%s)', (id) => expect(isStableId(id)).toBe(false));

  it.each(['price', 'buy-box', 'product-card__title', 'MuiButton-root', 'js-add-to-cart', 'btn-primary', 'col-md-6', 'h2'])(
    'keeps the written class %s',
    (name) => expect(isStableClass(name)).toBe(true),
  );

  it.each([
    ['css-1x2y3z', 'emotion'],
    ['css-ak3xs2-Button', 'emotion with a label'],
    ['sc-bdVaJa', 'styled-components'],
    ['kGmDsT', "styled-components' second class"],
    ['jsx-2345', 'styled-jsx'],
    ['_3xK9a', 'a CSS module hash'],
    ['Button_root__a1B2c', 'a CSS module local name'],
    ['styles_title__Xk3Lp', 'a CSS module local name'],
    ['svelte-1x2abc', 'Svelte'],
    ['astro-J7PV25F6', 'Astro'],
    ['ng-star-inserted', "Angular's state"],
    ['jss123', 'JSS'],
    ['makeStyles-root-12', 'MUI makeStyles'],
    ['c0ffee12', 'a hex run'],
    ['card-20231104', 'a long number'],
    ['md:flex', 'Tailwind variant'],
    ['w-[300px]', 'Tailwind arbitrary value'],
    ['w-1/2', 'Tailwind fraction'],
    ['p-1.5', 'Tailwind decimal'],
    ['is-active', 'state by convention'],
    ['hasError', 'state by convention'],
    ['active', 'a state'],
    ['hover', 'a state'],
    ['Mui-focused', 'a state'],
    ['sold-out', 'availability, which changes on reopening'],
    ['outOfStock', 'availability'],
    ['btn--disabled', 'a state modifier'],
    ['x', 'too short to mean anything'],
  ])('rejects the class %s (%s)', (name) => expect(isStableClass(name)).toBe(false));

  it('keeps a test value with spaces and punctuation, not a generated or padded one', () => {
    expect(isStableValue('Add to cart')).toBe(true);
    expect(isStableValue('buy-box:price')).toBe(true);
    expect(isStableValue('product-card-981234')).toBe(false);
    expect(isStableValue(':r2:')).toBe(false);
    expect(isStableValue(' price')).toBe(false);
    expect(isStableValue('')).toBe(false);
  });
});
