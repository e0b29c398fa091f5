import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../../tests/corpus/parse-html';
import type { FetchedResponse } from './page-response';
import { readText, type TextRule } from './text-rule';

const PAGE = (banner: string) => `<html><body>
  <header>GPU Cloud — Pricing — Docs</header>
  <main id="main"><h1>Create your account</h1>${banner}<form><button>Create account</button></form></main>
  <aside id="promo">Sign-ups are temporarily paused for the free tier only.</aside>
</body></html>`;
const ok: FetchedResponse = {
  status: 200,
  url: 'https://gpu.example/signup',
  headers: { 'content-type': 'text/html' },
  bodyText: '<html>',
};
const read = (html: string, rule: Omit<TextRule, 'type'>, response: Partial<FetchedResponse> = {}) =>
  readText(parseHtml(html), { type: 'text', ...rule }, { ...ok, ...response });
const BANNER = '<div class="notice">Sign-ups are temporarily paused.</div>';
const paused = { selector: '#main', pausedWhen: ['sign-ups are temporarily paused'] };

describe('readText', () => {
  it('reads a shown paused phrase as paused, within the selector only', () => {
    expect(read(PAGE(BANNER), paused)).toMatchObject({
      kind: 'paused',
      reason: 'text-paused',
      evidence: 'text "sign-ups are temporarily paused" in #main',
    });
    expect(read(PAGE(''), paused)).toMatchObject({ kind: 'open', reason: 'text-absent-open' });
    expect(read(PAGE(''), { pausedWhen: paused.pausedWhen })).toMatchObject({ kind: 'paused' }); // the aside counts without a selector
  });

  it('reads a shown open phrase as open, and both as conflicting', () => {
    expect(read(PAGE(''), { openWhen: ['Create account'] })).toMatchObject({ kind: 'open', reason: 'text-open' });
    expect(read(PAGE(BANNER), { ...paused, openWhen: ['Create account'] })).toMatchObject({ kind: 'error', reason: 'conflicting-signals' });
  });

  it('reads absence only on a healthy page', () => {
    const absent = { ...paused, mustShow: 'Create your account' };
    expect(read(PAGE(''), absent)).toMatchObject({
      kind: 'open',
      reason: 'text-absent-open',
      evidence: '"sign-ups are temporarily paused" not shown in #main',
    });
    expect(read(PAGE(''), { openWhen: ['Join the waitlist'] })).toMatchObject({ kind: 'paused', reason: 'text-absent-paused' });
    expect(read(PAGE(''), absent, { status: 403 })).toMatchObject({ kind: 'error', reason: 'http-status' });
    expect(read(PAGE(''), absent, { status: 500 })).toMatchObject({ kind: 'error', reason: 'http-status' });
    expect(read(PAGE(''), absent, { bodyText: '<script>window._cf_chl_opt={}</script>' })).toMatchObject({ kind: 'blocked' });
    expect(read(PAGE(''), absent, { redirected: true, finalUrl: 'https://gpu.example/login' })).toMatchObject({ kind: 'signed-out' });
    expect(read(PAGE(''), absent, { headers: { 'content-type': 'text/plain' } })).toMatchObject({ kind: 'error', reason: 'not-html' });
    expect(read(PAGE(''), { ...absent, mustShow: 'Create your workspace' })).toMatchObject({ kind: 'error', reason: 'must-show-missing' });
    expect(read('<main id="main"><div id="root"></div></main>', { pausedWhen: ['paused'] })).toMatchObject({
      kind: 'error',
      reason: 'needs-rendering',
    });
  });

  it('never reads open from an open phrase on a disabled button', () => {
    expect(read(PAGE('<button disabled>Join now</button>'), { openWhen: ['join now'] })).toMatchObject({
      kind: 'paused',
      reason: 'text-absent-paused',
    });
  });

  it('with both lists, reads neither as no-signal', () => {
    expect(read(PAGE(''), { pausedWhen: ['waitlist is full'], openWhen: ['join the waitlist'] })).toMatchObject({
      kind: 'error',
      reason: 'no-signal',
    });
  });

  it('requires mustShow for every reading when given', () => {
    expect(read(PAGE(BANNER), { ...paused, mustShow: 'Welcome back' })).toMatchObject({ kind: 'error', reason: 'must-show-missing' });
  });

  it('reports a selector that matches nothing or is not CSS', () => {
    expect(read(PAGE(''), { ...paused, selector: '#nope' })).toMatchObject({ kind: 'error', reason: 'selector-missing' });
    expect(read(PAGE(''), { ...paused, selector: 'div[' })).toMatchObject({ kind: 'error', reason: 'selector-invalid' });
  });

  it('reads a hidden matched element as showing nothing', () => {
    const html =
      '<main><p>Create your account today, it takes a minute.</p><div class="notice" hidden>Sign-ups are temporarily paused.</div></main>';
    expect(read(html, { selector: '.notice', pausedWhen: ['temporarily paused'] })).toMatchObject({
      kind: 'open',
      reason: 'text-absent-open',
    });
  });

  it('reads nested matches once', () => {
    const html = '<div class="n"><div class="n">Sold out</div></div><p>Plenty of other readable words on this page.</p>';
    expect(read(html, { selector: '.n', pausedWhen: ['sold out'] })).toMatchObject({ kind: 'paused', evidence: 'text "sold out" in .n' });
  });

  it('refuses a rule without phrases or with one phrase in both lists', () => {
    expect(read(PAGE(''), {})).toMatchObject({ kind: 'error', reason: 'rule-invalid' });
    expect(read(PAGE(''), { pausedWhen: ['!!'] })).toMatchObject({ kind: 'error', reason: 'rule-invalid' });
    expect(read(PAGE(''), { pausedWhen: ['Sold out'], openWhen: ['sold-out'] })).toMatchObject({ kind: 'error', reason: 'rule-invalid' });
  });
});
