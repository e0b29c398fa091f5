import { describe, expect, it } from 'vitest';
import { judgePreview, meaningOf, proposeRule, type Reading } from './proposal';

const reading = (kind: Reading['kind'], reason: string): Reading => ({ kind, reason, evidence: `${kind} ${reason}` });
const shell = reading('error', 'needs-rendering');

describe('meaningOf', () => {
  it('takes the picked text for what an open page says only when the page reads open', () => {
    expect(meaningOf(reading('open', 'schema-in-stock'))).toBe('open');
    expect(meaningOf(reading('paused', 'schema-out-of-stock'))).toBe('paused');
    expect(meaningOf(reading('error', 'challenge'))).toBe('paused');
    expect(meaningOf(null)).toBe('paused');
  });

  it('asks for a rendered reading before deciding on a script-built page', () => {
    expect(meaningOf(shell)).toBe('render');
    expect(meaningOf(shell, reading('open', 'schema-in-stock'))).toBe('open');
    expect(meaningOf(shell, reading('paused', 'schema-out-of-stock'))).toBe('paused');
    expect(meaningOf(shell, null)).toBe('paused');
  });
});

describe('proposeRule', () => {
  it('puts the phrase on the side the page reads now', () => {
    expect(proposeRule('#buy', 'Sold out', 'paused')).toEqual({ type: 'text', selector: '#buy', pausedWhen: ['Sold out'] });
    expect(proposeRule('#buy', 'Add to cart', 'open')).toEqual({ type: 'text', selector: '#buy', openWhen: ['Add to cart'] });
  });
});

describe('judgePreview', () => {
  it('offers a rule that reads the page as it shows, without rendering', () => {
    expect(judgePreview(reading('paused', 'text-paused'))).toEqual({
      type: 'ready',
      reading: reading('paused', 'text-paused'),
      render: false,
      canAdd: true,
      phraseMissing: false,
      selectorMissing: false,
    });
  });

  it('renders when the plain page lacks the element or the phrase, and keeps rendering when that finds it', () => {
    for (const reason of ['needs-rendering', 'selector-missing', 'text-absent-paused', 'text-absent-open']) {
      expect(judgePreview(reading('error', reason))).toEqual({ type: 'render' });
    }
    const rendered = judgePreview(reading('error', 'selector-missing'), reading('paused', 'text-paused'));
    expect(rendered).toMatchObject({ type: 'ready', render: true, canAdd: true });
  });

  it('never offers a watch that would read the phrase absent or find no element, even after rendering', () => {
    expect(judgePreview(reading('error', 'selector-missing'), reading('error', 'selector-missing'))).toMatchObject({
      canAdd: false,
      selectorMissing: true,
    });
    expect(judgePreview(reading('open', 'text-absent-paused'), null)).toMatchObject({ canAdd: false, phraseMissing: true, render: false });
  });

  it('lets a passing trouble (a rate limit) through: the watch retries it', () => {
    expect(judgePreview(reading('error', 'http-429'))).toMatchObject({ type: 'ready', canAdd: true });
  });
});
