// One English text: the core's English templates are the locale files' English messages, and every
// evidence the readers build reads the same through the UI's evidenceText (the test polyfill formats
// the real English messages). The Chinese of each message the sweep meets is formatted too.
import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { jsonCorpusCases, jsonCorpusResponse } from '../../tests/corpus/json-cases';
import { corpusCases, corpusResponse, readCorpusFile } from '../../tests/corpus/page-cases';
import { parseHtml } from '../../tests/corpus/parse-html';
import { accountsBody, json } from '../../tests/unit/fake-chatgpt';
import { failedCheck } from '../core/check-failure';
import { DeadlineError } from '../core/deadline';
import { CORE_EVIDENCE } from '../core/evidence-en';
import { type EvidenceArg, type EvidenceMessage, isEvidenceMessage } from '../core/evidence-message';
import { readPlusAccount } from '../core/kinds/chatgpt-plus/account';
import { probePlus } from '../core/kinds/chatgpt-plus/probe';
import { fetchWatched, refusedRedirect } from '../core/kinds/fetched';
import { JSON_EVIDENCE } from '../core/kinds/json/check/evidence-en';
import { evaluateJsonRule, type JsonRule, readJsonResponse } from '../core/kinds/json/read/json-rule';
import { PAGE_EVIDENCE } from '../core/kinds/page/read/evidence-en';
import { classifyResponse, type FetchedResponse } from '../core/kinds/page/read/page-response';
import { type PageRule, readPage } from '../core/kinds/page/read/read-page';
import type { Reading } from '../core/kinds/page/reasons';
import { noHostAccessVerdict } from '../core/no-host-access';
import { atCap, noFrame, RENDER_EVIDENCE, refusal, renderTimedOut, unreadableRender } from '../core/render/render-rules';
import { evidenceText } from './evidence-text';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'));
const en = read('en');
const zh = read('zh_CN');
const TABLES: Record<string, Record<string, string>> = { CORE_EVIDENCE, PAGE_EVIDENCE, JSON_EVIDENCE, RENDER_EVIDENCE };

/** A message as Chrome formats it: `$NAME$` → its placeholder's `$n` → the n-th argument. */
function format(messages: Messages, m: EvidenceMessage): string {
  const entry = messages[m.key];
  if (!entry) throw new Error(`no message ${m.key}`);
  const args = m.args.map((a: EvidenceArg) => (typeof a === 'string' ? a : format(messages, a)));
  return entry.message
    .replace(/\$([a-z0-9_]+)\$/gi, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
}

const keysOf = (m: EvidenceMessage): string[] => [m.key, ...m.args.flatMap((a) => (typeof a === 'string' ? [] : keysOf(a)))];

describe('the English evidence templates', () => {
  it.each(Object.entries(TABLES))('%s: each is its key’s English message, placeholder for placeholder', (_, table) => {
    for (const [key, template] of Object.entries(table)) {
      const entry = en[key];
      expect(entry, key).toBeDefined();
      const numbered = entry?.message.replace(
        /\$([a-z0-9_]+)\$/gi,
        (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '?',
      );
      expect(numbered, key).toBe(template);
      // Placeholders stand for $1…$n in order, so the arguments the core passes land where they belong.
      const contents = Object.values(entry?.placeholders ?? {}).map((p) => p.content);
      expect(contents, key).toEqual(contents.map((_, i) => `$${i + 1}`));
    }
  });

  it('covers every evidence message, each in one table', () => {
    const inTables = Object.values(TABLES).flatMap((t) => Object.keys(t));
    expect(new Set(inTables).size).toBe(inTables.length);
    const evidenceKeys = Object.keys(en).filter((k) => /^ev[A-Z]/.test(k));
    expect(evidenceKeys.sort()).toEqual([...inTables].sort());
  });
});

// ---- The sweep: evidence from the real readers, fed inputs the readers' own tests use. ----

const html = { 'content-type': 'text/html; charset=utf-8' };
const page = (r: Partial<FetchedResponse>): FetchedResponse => ({
  status: 200,
  url: 'https://shop.example/p/1',
  headers: html,
  bodyText: '<p>ok</p>',
  ...r,
});
const ld = (offers: unknown) =>
  `<script type="application/ld+json">${JSON.stringify({ '@type': 'Product', name: 'RTX', offers })}</script><p>${'x'.repeat(300)}</p>`;
const readHtml = (body: string, rule: PageRule = { type: 'auto' }, r: Partial<FetchedResponse> = {}) =>
  readPage(parseHtml(body), rule, page({ bodyText: body, ...r }));
const jsonRule = (test: JsonRule['test'], pointer: string, value?: unknown): JsonRule => ({ type: 'json', pointer, test, value });

const QUEUE_IT = '<meta id="queue-it_log" data-userid="x"><body data-pageid="queue" class="queue"><p>You are now in line.</p></body>';
const CF_ROOM = '<title>Waiting Room powered by Cloudflare</title><h2 id="waitTime">5 minutes</h2>';
const CF_PREQUEUE = '<title>Waiting Room powered by Cloudflare</title><h2 id="prequeueTime">soon</h2>';
const text = (words: string) => `<p>${words}</p><p>${'Plenty of ordinary product copy here. '.repeat(12)}</p>`;

function pageReadings(): Reading<string>[] {
  const out: Reading<string>[] = corpusCases.map((c) => {
    const body = readCorpusFile(c.file);
    return readPage(parseHtml(body), c.rule, corpusResponse(c, body));
  });
  const offer = (availability: string, extra: Record<string, unknown> = {}) => ({ '@type': 'Offer', availability, ...extra });
  const phrases = (list: string[]) => ({ type: 'text' as const, pausedWhen: list });
  out.push(
    // Walls, statuses and redirects.
    ...[
      '<title>Just a moment...</title><script>window._cf_chl_opt={}</script>',
      "<script>var dd={'host':'geo.captcha-delivery.com'}</script>",
      '<div id="px-captcha"></div>',
      '<p>Press &amp; Hold to confirm you are a human</p>',
      '<TITLE>Access Denied</TITLE> Reference #18.1',
      '<h1>Access Denied</h1><a href="https://errors.edgesuite.net/x">x</a>',
      '<script src="/_sec/cp_challenge/x.js"></script>',
      '<iframe src="/_Incapsula_Resource?SWUDNSAI=31"></iframe>',
      '<p>Please verify you are human</p>',
    ].map((bodyText) => classifyResponse(page({ status: 403, bodyText })) as Reading<string>),
    classifyResponse(page({ headers: { ...html, 'cf-mitigated': 'challenge' } })) as Reading<string>,
    ...[429, 401, 0, 403, 404, 410, 500].map((status) => classifyResponse(page({ status })) as Reading<string>),
    classifyResponse(page({ status: 302, headers: { location: '/account/login?token=1' } })) as Reading<string>,
    classifyResponse(page({ status: 302, headers: { location: 'https://other.example/x' } })) as Reading<string>,
    classifyResponse(page({ status: 302, headers: { location: 'http://[' } })) as Reading<string>,
    classifyResponse(page({ redirected: true, finalUrl: 'https://shop.example/' })) as Reading<string>,
    // Waiting rooms.
    classifyResponse(page({ status: 302, headers: { location: 'https://shop.queue-it.net/?c=shop' } })) as Reading<string>,
    ...[
      QUEUE_IT,
      QUEUE_IT.replace('"queue" class', '"before" class'),
      CF_ROOM,
      CF_PREQUEUE,
      '{"cfWaitingRoom": {"inWaitingRoom": true}}',
    ].map((bodyText) => classifyResponse(page({ bodyText })) as Reading<string>),
    classifyResponse(page({ bodyText: QUEUE_IT, finalUrl: 'https://queue.shop.example/?c=1' })) as Reading<string>,
    classifyResponse(
      page({ bodyText: QUEUE_IT.replace('"queue" class', '"before" class'), finalUrl: 'https://queue.shop.example/' }),
    ) as Reading<string>,
    readHtml('<p>You are now in line.</p>'),
    // Not a page to read.
    readPage(null, { type: 'auto' }, page({ headers: { 'content-type': 'application/json' }, bodyText: '{}' })),
    readPage(null, { type: 'auto' }, page({ headers: {}, bodyText: '' })),
    readPage(null, { type: 'auto' }, page({})),
    readPage(parseHtml('<p>x</p>'), { type: 'auto' }, page({})),
    readHtml('<p>x</p>', { type: 'css' } as never),
    // Phrases.
    readHtml(text('Sold out')),
    readHtml(text('<button disabled>Sold out</button>')),
    readHtml(text('<button>Add to basket</button>')),
    readHtml(text('Out of stock <button>Buy now</button>')),
    readHtml(text('<button disabled>Add to cart</button>')),
    readHtml(text('nothing to see')),
    readHtml('<div id="root"></div><script></script>'),
    readHtml('<div id="root"></div><script></script><script></script>'),
    readHtml(`<p>${'word '.repeat(200_000)}</p>`),
    readHtml(text('<button>Add to cart</button>'), { type: 'auto', maxPrice: 100 }),
    readHtml(
      `<meta property="product:price:amount" content="90"><meta property="product:price:currency" content="EUR">${text('<button>Add to cart</button>')}`,
      {
        type: 'auto',
        maxPrice: 100,
        currency: 'USD',
      },
    ),
    readHtml(`<meta property="product:price:amount" content="90">${text('<button>Add to cart</button>')}`, { type: 'auto', maxPrice: 100 }),
    readHtml(`<meta property="product:price:amount" content="190">${text('<button>Add to cart</button>')}`, {
      type: 'auto',
      maxPrice: 100,
    }),
    // Offers in the page's data.
    readHtml(ld([offer('InStock', { price: '899', priceCurrency: 'USD' }), offer('OutOfStock')])),
    readHtml(ld([offer('OutOfStock'), offer('SoldOut')])),
    readHtml(ld({ '@type': 'AggregateOffer', availability: 'InStock', lowPrice: '649', highPrice: '899', priceCurrency: 'USD' })),
    readHtml(ld(offer('Maybe'))),
    readHtml(ld(offer('InStock')), { type: 'auto', maxPrice: 900 }),
    readHtml(ld([offer('InStock', { price: '10', priceCurrency: 'GBP' }), offer('InStock', { price: '12', priceCurrency: 'EUR' })]), {
      type: 'auto',
      maxPrice: 900,
    }),
    readHtml(ld(offer('InStock', { price: '10', priceCurrency: 'GBP' })), { type: 'auto', maxPrice: 900, currency: 'USD' }),
    readHtml(ld(offer('InStock', { price: '899', priceCurrency: 'USD' })), { type: 'auto', maxPrice: 900 }),
    readHtml(ld(offer('InStock', { price: '999', priceCurrency: 'USD' })), { type: 'auto', maxPrice: 900 }),
    readHtml(ld([offer('InStock', { name: 'Red' }), offer('InStock', { name: 'Blue' })]), { type: 'auto', variant: 'Green' }),
    readHtml(`<meta property="product:availability" content="in stock">${text('x')}`, { type: 'auto', variant: 'Green' }),
    readHtml(ld(offer('Maybe')), { type: 'auto', variant: 'Green' }),
    readHtml(text('Sold out'), { type: 'auto', variant: 'Green' }),
    // The user's own phrases.
    readHtml(text('x'), { type: 'text' }),
    readHtml(text('x'), { type: 'text', pausedWhen: ['sold out'], openWhen: ['sold out'] }),
    readHtml(text('x'), { type: 'text', selector: 'p[', pausedWhen: ['sold out'] }),
    readHtml(text('x'), { type: 'text', selector: '#buy', pausedWhen: ['sold out'] }),
    readHtml(text('x'), { type: 'text', mustShow: 'RTX 5090', pausedWhen: ['sold out'] }),
    readHtml(text('Sold out'), phrases(['sold out'])),
    readHtml(`<div id="buy">Sold out</div>${text('x')}`, { type: 'text', selector: '#buy', pausedWhen: ['sold out'] }),
    readHtml(text('Sold out, add to cart'), { type: 'text', pausedWhen: ['sold out'], openWhen: ['add to cart'] }),
    readHtml(`<div id="buy">Sold out, add to cart</div>${text('x')}`, {
      type: 'text',
      selector: '#buy',
      pausedWhen: ['sold out'],
      openWhen: ['add to cart'],
    }),
    readHtml(text('x'), { type: 'text', pausedWhen: ['sold out'], openWhen: ['add to cart'] }),
    readHtml(`<div id="buy">x</div>${text('x')}`, { type: 'text', selector: '#buy', pausedWhen: ['sold out'], openWhen: ['add to cart'] }),
    readHtml(text('x'), phrases(['sold out', 'a'.repeat(40), 'b'.repeat(40)])),
    readHtml(`<div id="buy">x</div>${text('x')}`, { type: 'text', selector: '#buy', openWhen: ['add to cart'] }),
    readHtml(text('x'), phrases(['sold out']), { headers: { 'content-type': 'text/plain' } }),
    readHtml('<div id="root"></div>', phrases(['sold out'])),
  );
  return out;
}

function jsonReadings(): Reading<string>[] {
  const readings: Reading<string>[] = jsonCorpusCases.map((c) => readJsonResponse(jsonCorpusResponse(c), c.rule));
  const api = (bodyText: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    readJsonResponse({ status: 200, url: 'https://api.example/x', headers, bodyText }, jsonRule('truthy', '/ok'));
  readings.push(
    api('<html>', { 'content-type': 'text/html' }),
    api('token=abc', {}),
    evaluateJsonRule({}, { type: 'json', pointer: 'x', test: 'truthy' }),
    evaluateJsonRule({ a: [1] }, jsonRule('truthy', '/a/x')),
    evaluateJsonRule({ a: [1] }, jsonRule('truthy', '/a/3')),
    evaluateJsonRule({}, jsonRule('truthy', '/soldOut')),
    evaluateJsonRule({ a: 'x' }, jsonRule('truthy', '/a/b')),
    evaluateJsonRule({ a: true }, jsonRule('truthy', '')),
    evaluateJsonRule({ slots: 'none' }, jsonRule('nonEmpty', '/slots'), 'array'),
    evaluateJsonRule({ slots: {} }, jsonRule('nonEmpty', '/slots'), 'boolean'),
    evaluateJsonRule({ slots: { a: 1 } }, jsonRule('nonEmpty', '/slots'), 'number'),
    evaluateJsonRule({ slots: { a: 1, b: 2 } }, jsonRule('nonEmpty', '/slots'), 'string'),
    evaluateJsonRule({ slots: [] }, jsonRule('nonEmpty', '/slots'), 'object'),
    evaluateJsonRule({ slots: [1, 2] }, jsonRule('nonEmpty', '/slots'), 'null'),
    evaluateJsonRule({ soldOut: null }, jsonRule('falsy', '/soldOut'), 'boolean'),
    evaluateJsonRule({ soldOut: 'maybe' }, jsonRule('falsy', '/soldOut')),
    evaluateJsonRule({ soldOut: 3 }, jsonRule('nonEmpty', '/soldOut')),
    evaluateJsonRule({ soldOut: 3 }, jsonRule('contains', '/soldOut', 'x')),
    evaluateJsonRule({ soldOut: 3 }, jsonRule('contains', '/soldOut', 1)),
    evaluateJsonRule({ soldOut: 'x' }, jsonRule('atLeast', '/soldOut', 1)),
    evaluateJsonRule({ soldOut: 'x' }, jsonRule('equals', '/soldOut', 1)),
    evaluateJsonRule({ soldOut: null }, jsonRule('equals', '/soldOut', 1)),
    // Parsed JSON holds no such value, but the reader names one all the same.
    evaluateJsonRule({ soldOut: undefined }, jsonRule('truthy', '/soldOut')),
    ...[true, false].flatMap((yes) => [
      evaluateJsonRule({ s: yes ? 'open' : 'sold_out' }, jsonRule('equals', '/s', 'open')),
      evaluateJsonRule({ s: yes ? 'open' : 'sold_out' }, jsonRule('notEquals', '/s', 'sold_out')),
      evaluateJsonRule({ s: yes ? ['a'] : [] }, jsonRule('contains', '/s', 'a')),
      evaluateJsonRule({ n: yes ? 5 : 0 }, jsonRule('atLeast', '/n', 1)),
      evaluateJsonRule({ n: yes ? 0 : 5 }, jsonRule('atMost', '/n', 1)),
    ]),
  );
  return readings;
}

/** A server that never answers: the request ends only when its deadline aborts it. */
const hang = (init?: RequestInit) =>
  new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

async function workerReadings(): Promise<Array<Pick<Reading<string>, 'evidence' | 'evidenceMessage'>>> {
  const limits = { timeoutMs: 50, maxBytes: 1024 };
  const plus = (answers: Record<string, (init?: RequestInit) => Response | Promise<Response>>) =>
    probePlus({
      fetch: async (url, init) => {
        const answer = answers[new URL(url).pathname];
        if (!answer) throw new TypeError('Failed to fetch');
        return answer(init);
      },
      now: Date.now,
      limits,
    });
  const session = () => json({ accessToken: 'token' });
  const text = (body: string, status = 200, headers: Record<string, string> = {}) => new Response(body, { status, headers });
  const account = (a: Record<string, unknown>) => ({ accounts: { default: { features: ['a', 'b', 'c', 'd', 'e', 'f'], ...a } } });
  const accountsPath = '/backend-api/accounts/check/v4-2023-04-27';
  const plusVerdicts = await Promise.all([
    plus({ '/api/auth/session': session, [accountsPath]: () => json(accountsBody('paused')) }),
    plus({ '/api/auth/session': session, [accountsPath]: () => json(accountsBody('open')) }),
    plus({ '/api/auth/session': session, [accountsPath]: () => json(accountsBody('subscribed')) }),
    plus({ '/api/auth/session': () => json([]) }),
    plus({ '/api/auth/session': () => json({}) }),
    plus({}),
    plus({ '/api/auth/session': hang }),
    plus({ '/api/auth/session': () => text('x'.repeat(4096), 200, { 'content-type': 'application/json' }) }),
    plus({ '/api/auth/session': () => text('', 302, { location: '/auth/login' }) }),
    plus({ '/api/auth/session': () => text('', 302, { location: 'http://[' }) }),
    plus({ '/api/auth/session': () => text('', 302) }),
    plus({ '/api/auth/session': () => text('', 403, { 'cf-mitigated': 'challenge' }) }),
    plus({ '/api/auth/session': () => text('<title>Just a moment...</title><script>_cf_chl_opt</script>', 403) }),
    plus({ '/api/auth/session': () => text('', 429) }),
    plus({ '/api/auth/session': () => text('', 500) }),
    plus({ '/api/auth/session': session, [accountsPath]: () => text('', 401) }),
    plus({ '/api/auth/session': () => text('not json', 200, { 'content-type': 'text/plain' }) }),
    plus({ '/api/auth/session': () => new Response(new TextEncoder().encode('not json')) }),
  ]);
  const accounts = [
    {},
    { accounts: {} },
    { accounts: { default: {} } },
    { accounts: { default: { features: [1] } } },
    account({ features: ['a', 'plus_upgrade_paused_waitlist'] }),
    account({ entitlement: 'x' }),
    account({ entitlement: { has_active_subscription: 'yes' } }),
    account({ entitlement: { subscription_plan: 3 } }),
    account({ entitlement: { subscription_plan: 'chatgptteamplan' } }),
    account({ entitlement: { has_active_subscription: true } }),
    account({ features: ['a'] }),
  ].map(readPlusAccount);
  const fetched = await Promise.all([
    fetchWatched((_url, init) => hang(init), 'https://shop.example/p', 'text/html', null, {}, limits),
    fetchWatched(async () => new Response('x'.repeat(4096)), 'https://shop.example/p', 'text/html', null, {}, { ...limits, maxBytes: 1 }),
    fetchWatched(
      async () => {
        throw new TypeError('Failed to fetch');
      },
      'https://shop.example/p',
      'text/html',
      null,
    ),
  ]);
  const redirect = (location?: string) =>
    refusedRedirect('https://api.example/x', {
      status: 302,
      headers: new Headers(location ? { location } : {}),
      bytes: 0,
    } as never);
  return [
    ...plusVerdicts,
    ...accounts,
    ...fetched.map((f) => ('failure' in f ? f.failure : { evidence: 'no failure' })),
    redirect('/elsewhere?key=1'),
    redirect(),
    failedCheck(new DeadlineError('the reading', 10_000), 0, 1),
    failedCheck(new TypeError('x is undefined'), 0, 1),
    noHostAccessVerdict({ kind: 'page', url: 'https://shop.example/p' }, 0),
    atCap('not-started', null),
    atCap('loading', null),
    atCap('read', { kind: 'error', reason: 'needs-rendering', evidence: '' }),
    atCap('read', { kind: 'open', reason: 'text-absent-open', evidence: '' }),
    refusal({ why: 'left-frame', detail: 'SecurityError: the operation is insecure' }),
    refusal({ why: 'too-large' }),
    noFrame(),
    unreadableRender(new Error('bad markup')),
    renderTimedOut(25),
  ];
}

describe('evidence through the real readers', () => {
  let all: Array<Pick<Reading<string>, 'evidence' | 'evidenceMessage'>> = [];
  let keyed: typeof all = [];
  beforeAll(async () => {
    all = [...pageReadings(), ...jsonReadings(), ...(await workerReadings())];
    keyed = all.filter((r) => r.evidenceMessage);
  });

  it('gives every reading a message that loading stored data keeps', () => {
    expect(all.filter((r) => !r.evidenceMessage).map((r) => r.evidence)).toEqual([]);
    expect(keyed.filter((r) => !isEvidenceMessage(r.evidenceMessage)).map((r) => r.evidence)).toEqual([]);
  });

  it('reads the same in English through evidenceText as the evidence the core logged', () => {
    // A line cut at the cap ends in "…"; its message keeps the whole.
    for (const r of keyed.filter((r) => !r.evidence.endsWith('…'))) expect(evidenceText(r)).toBe(r.evidence);
  });

  it('meets every evidence message, so each is checked against a real reading', () => {
    const met = new Set(keyed.flatMap((r) => keysOf(r.evidenceMessage as EvidenceMessage)));
    expect(Object.keys(en).filter((k) => /^ev[A-Z]/.test(k) && !met.has(k))).toEqual([]);
  });

  it('says each in Chinese with every placeholder filled', () => {
    for (const r of keyed) {
      const chinese = format(zh, r.evidenceMessage as EvidenceMessage);
      expect(chinese, r.evidence).not.toMatch(/\$[A-Z0-9_]+\$|\$\d/);
      expect(chinese, r.evidence).not.toBe(r.evidence);
    }
  });
});

describe('evidenceText', () => {
  const message = (key: string, ...args: EvidenceArg[]) => ({ key, args }) as EvidenceMessage;

  it('shows the English line when there is no message, or one this version does not know', () => {
    expect(evidenceText({ evidence: 'features contains x' })).toBe('features contains x');
    expect(evidenceText({ evidence: 'from 2.9', evidenceMessage: message('evFromANewerVersion', 'x') })).toBe('from 2.9');
    expect(evidenceText({ evidence: 'nested', evidenceMessage: message('evStep', '/x', message('evFromANewerVersion')) })).toBe('nested');
  });

  it('formats nested messages into the outer one', () => {
    expect(evidenceText({ evidence: '', evidenceMessage: message('evStep', '/api', message('evHttp', '500')) })).toBe('/api: HTTP 500');
  });

  it('in Chinese, joins a nested Chinese word to the words around it without the placeholder’s space', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, args?: string | Array<string | number>) =>
      format(zh, { key: key as EvidenceMessage['key'], args: [args ?? []].flat().map(String) }),
    );
    const changed = evaluateJsonRule({ slots: 'none' }, jsonRule('nonEmpty', '/slots'), 'array');
    expect(evidenceText(changed)).toBe('/slots 原来是列表，现在是 "none"');
    expect(evidenceText(readPlusAccount(accountsBody('paused')))).toBe('features 中包含 disable_plus_upgrade_ui');
  });
});
