import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../../tests/corpus/parse-html';
import { validateTextRule } from './validate-text-rule';

const doc = parseHtml('<p></p>');
const isValidSelector = (selector: string) => {
  try {
    doc.querySelector(selector);
    return true;
  } catch {
    return false;
  }
};

describe('validateTextRule', () => {
  it('accepts the shapes DESIGN.md allows', () => {
    expect(validateTextRule({ type: 'text', pausedWhen: ['Sold out'] })).toEqual([]);
    expect(
      validateTextRule({ type: 'text', selector: '#banner .notice', openWhen: ['Join'], mustShow: 'Create your account' }, isValidSelector),
    ).toEqual([]);
  });

  it('explains each problem', () => {
    expect(validateTextRule(null)).toEqual(['rule must be an object']);
    expect(validateTextRule({ type: 'text' })).toEqual(['a text rule needs at least one phrase in pausedWhen or openWhen']);
    expect(validateTextRule({ type: 'auto', pausedWhen: ['x'], pauseWhen: ['y'] })).toEqual([
      'rule type must be "text"',
      'unknown field "pauseWhen" in a text rule',
    ]);
    expect(validateTextRule({ type: 'text', pausedWhen: 'sold out' })).toContain('pausedWhen must be a list of phrases');
    expect(validateTextRule({ type: 'text', pausedWhen: ['ok', 3, '—'] })).toEqual([
      'pausedWhen[1] must be text',
      'pausedWhen[2] has no letters or digits to look for',
    ]);
    expect(validateTextRule({ type: 'text', pausedWhen: ['Sold out'], openWhen: ['SOLD-OUT'] })).toEqual([
      '"sold out" is in both pausedWhen and openWhen',
    ]);
    expect(validateTextRule({ type: 'text', pausedWhen: ['x'], selector: '' })).toEqual([
      'selector must be a non-empty CSS selector when given',
    ]);
    expect(validateTextRule({ type: 'text', pausedWhen: ['x'], selector: 'div { color: red }' })).toEqual([
      'selector "div { color: red }" is not valid CSS',
    ]);
    expect(validateTextRule({ type: 'text', pausedWhen: ['x'], selector: 'div[' }, isValidSelector)).toEqual([
      'selector "div[" is not valid CSS',
    ]);
    expect(validateTextRule({ type: 'text', pausedWhen: ['x'], mustShow: 5 })).toEqual([
      'mustShow must be a phrase with letters or digits when given',
    ]);
    expect(validateTextRule({ type: 'text', pausedWhen: Array.from({ length: 21 }, (_, i) => `p${i}`) })).toEqual([
      'pausedWhen has more than 20 phrases',
    ]);
  });
});
