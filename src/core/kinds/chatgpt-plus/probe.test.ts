import { describe, expect, it } from 'vitest';
import { accountsBody, EMAIL, fakeChatGPT, json, TOKEN } from '../../../../tests/unit/fake-chatgpt';
import type { FetchLike } from '../../bounded-fetch';
import type { Verdict } from '../../verdict';
import { ACCOUNTS_PATH, plusProbe, probePlus, SESSION_PATH } from './probe';

const LIMITS = { timeoutMs: 200, maxBytes: 64 * 1024 };
const session = () => json({ user: { email: EMAIL }, accessToken: TOKEN });

/** A fetch answering the session and the accounts endpoints with the given responses. */
function routes(sessionAnswer: () => Response | Promise<Response>, accountsAnswer?: () => Response | Promise<Response>): FetchLike {
  return async (url) => {
    const path = new URL(url).pathname;
    if (path === SESSION_PATH) return sessionAnswer();
    if (path === ACCOUNTS_PATH && accountsAnswer) return accountsAnswer();
    throw new Error(`unexpected request to ${path}`);
  };
}

function probe(fetch: FetchLike): Promise<Verdict> {
  return probePlus({ fetch, now: Date.now, limits: LIMITS });
}

const accounts = (body: unknown, init?: ResponseInit) => probe(routes(session, () => json(body, init)));
const html = (body: string, status = 200, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });
const CHALLENGE_PAGE =
  '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><script>window._cf_chl_opt={}</script></body></html>';

function expectNoSecrets(verdict: Verdict) {
  const text = JSON.stringify(verdict);
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(EMAIL);
}

describe('probePlus: availability', () => {
  it('reads the current pause flag as paused, with evidence and counters', async () => {
    const fake = fakeChatGPT('paused');
    const verdict = await probe(fake.fetch);
    expect(verdict).toMatchObject({
      kind: 'paused',
      reason: 'pause-flag',
      status: 200,
      requests: 2,
      evidence: 'features contains disable_plus_upgrade_ui',
    });
    expect(verdict.bytes).toBeGreaterThan(100);
    expect(verdict.durationMs).toBeGreaterThanOrEqual(0);
    expectNoSecrets(verdict);
  });

  it('reads the 2023 flag as paused', async () => {
    const verdict = await probe(fakeChatGPT('paused-2023').fetch);
    expect(verdict).toMatchObject({ kind: 'paused', evidence: 'features contains disable_upgrade_ui' });
  });

  it('reads a well-formed account without a pause flag as open', async () => {
    const verdict = await probe(fakeChatGPT('open').fetch);
    expect(verdict).toMatchObject({ kind: 'open', reason: 'no-pause-flag', evidence: 'no pause flag among 21 features' });
  });

  it.each([0, 1, 4])('reads an account with %i features as can’t tell (a degraded answer), never open', async (count) => {
    const features = Array.from({ length: count }, (_, i) => `feature_${i}`);
    const body = {
      accounts: { default: { features, entitlement: { has_active_subscription: false, subscription_plan: 'chatgptfreeplan' } } },
    };
    const verdict = await accounts(body);
    expect(verdict).toMatchObject({ kind: 'error', reason: 'unrecognised' });
    expect(verdict.evidence).toBe(`only ${count} features, too few to rule out a pause (accounts carry dozens)`);
    // A pause flag is evidence however short the list: it still reads paused.
    const flagged = { accounts: { default: { ...body.accounts.default, features: [...features, 'disable_plus_upgrade_ui'] } } };
    expect(await accounts(flagged)).toMatchObject({ kind: 'paused', reason: 'pause-flag' });
  });

  it('reads an active subscription as subscribed', async () => {
    const verdict = await probe(fakeChatGPT('subscribed').fetch);
    expect(verdict).toMatchObject({ kind: 'subscribed', reason: 'active-subscription' });
  });

  it('reads a paid plan as subscribed even without the active flag', async () => {
    const verdict = await accounts({ accounts: { default: { features: [], entitlement: { subscription_plan: 'chatgptteamplan' } } } });
    expect(verdict).toMatchObject({ kind: 'subscribed', reason: 'paid-plan', evidence: 'subscription_plan is "chatgptteamplan"' });
  });

  it('says paused over subscribed when the flag is set, as the design orders', async () => {
    const verdict = await accounts({
      accounts: { default: { features: ['disable_plus_upgrade_ui'], entitlement: { has_active_subscription: true } } },
    });
    expect(verdict.kind).toBe('paused');
  });

  it('sends the cookie-bearing session request, then the token only to the accounts endpoint', async () => {
    const seen: Array<{ path: string; init: RequestInit }> = [];
    const fake = fakeChatGPT('paused');
    await probe(async (url, init) => {
      seen.push({ path: new URL(url).pathname, init });
      return fake.fetch(url, init);
    });
    expect(seen.map((s) => s.path)).toEqual([SESSION_PATH, ACCOUNTS_PATH]);
    expect(seen.every((s) => s.init.credentials === 'include' && s.init.cache === 'no-store')).toBe(true);
    expect(new Headers(seen[0]?.init.headers).get('authorization')).toBeNull();
    expect(new Headers(seen[1]?.init.headers).get('authorization')).toBe(`Bearer ${TOKEN}`);
  });
});

describe('probePlus: choosing the account', () => {
  const acc = (features: string[]) => ({ features });
  it('uses default_account_id first', async () => {
    const v = await accounts({
      default_account_id: 'b',
      account_ordering: ['a'],
      accounts: { a: acc([]), b: acc(['disable_plus_upgrade_ui']), default: acc([]) },
    });
    expect(v.kind).toBe('paused');
  });
  it('falls back to accounts.default', async () => {
    const v = await accounts({ default_account_id: 'missing', accounts: { a: acc([]), default: acc(['disable_upgrade_ui']) } });
    expect(v.kind).toBe('paused');
  });
  it('falls back to the first of account_ordering', async () => {
    const v = await accounts({ account_ordering: ['x', 'y'], accounts: { y: acc([]), x: acc(['disable_plus_upgrade_ui']) } });
    expect(v.kind).toBe('paused');
  });
  it('finds no account: unrecognised, never open', async () => {
    const v = await accounts({ account_ordering: ['x'], accounts: { y: acc([]) } });
    expect(v).toMatchObject({ kind: 'error', reason: 'unrecognised', evidence: 'no default account' });
  });
});

describe('probePlus: malformed accounts answers are errors, never open', () => {
  const cases: Array<[string, unknown]> = [
    ['no accounts', { account_ordering: [] }],
    ['accounts is a list', { accounts: [] }],
    ['accounts is null', { accounts: null }],
    ['empty account', { accounts: { default: {} } }],
    ['features is text', { accounts: { default: { features: 'disable_plus_upgrade_ui' } } }],
    ['features is an object', { accounts: { default: { features: {} } } }],
    ['features has numbers', { accounts: { default: { features: [1, 2] } } }],
    ['entitlement is text', { accounts: { default: { features: [], entitlement: 'plus' } } }],
    ['has_active_subscription is text', { accounts: { default: { features: [], entitlement: { has_active_subscription: 'yes' } } } }],
    ['subscription_plan is a number', { accounts: { default: { features: [], entitlement: { subscription_plan: 3 } } } }],
    ['the body is a list', [accountsBody('open')]],
    ['the body is null', null],
    ['the body is a number', 42],
  ];
  it.each(cases)('%s', async (_name, body) => {
    const verdict = await accounts(body);
    expect(verdict).toMatchObject({ kind: 'error', reason: 'unrecognised', status: 200 });
  });

  it('truncated JSON', async () => {
    const text = JSON.stringify(accountsBody('open')).slice(0, 60);
    const verdict = await probe(routes(session, () => new Response(text, { headers: { 'content-type': 'application/json' } })));
    expect(verdict).toMatchObject({ kind: 'error', reason: 'not-json' });
  });

  it('HTML where JSON is expected (no challenge markers)', async () => {
    const verdict = await probe(routes(session, () => html('<html><body>Something went wrong</body></html>')));
    expect(verdict).toMatchObject({ kind: 'error', reason: 'not-json', evidence: `${ACCOUNTS_PATH}: expected JSON, got text/html` });
  });

  it('a body over the byte cap is cut off, not buffered', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(16 * 1024));
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const verdict = await probe(routes(session, () => new Response(endless, { headers: { 'content-type': 'application/json' } })));
    expect(verdict).toMatchObject({ kind: 'error', reason: 'too-large' });
    expect(verdict.bytes).toBeLessThanOrEqual(LIMITS.maxBytes + 2 * chunk.byteLength);
    expect(sent).toBeLessThan(LIMITS.maxBytes * 2);
  });

  it('hostile text in a plan name is shortened and kept as plain text', async () => {
    const plan = '<img src=x onerror=alert(1)>'.repeat(3);
    const verdict = await accounts({ accounts: { default: { features: [], entitlement: { subscription_plan: plan } } } });
    expect(verdict.kind).toBe('subscribed');
    expect(verdict.evidence.length).toBeLessThan(70);
    expect(verdict.evidence).toContain('<img src=x');
  });
});

describe('probePlus: signed out', () => {
  it('a session without accessToken', async () => {
    const verdict = await probe(routes(() => json({})));
    expect(verdict).toMatchObject({ kind: 'signed-out', reason: 'no-access-token', requests: 1 });
  });
  it('an empty accessToken', async () => {
    expect((await probe(routes(() => json({ accessToken: '' })))).kind).toBe('signed-out');
  });
  it.each([401, 403])('HTTP %i on the accounts request (expired token)', async (status) => {
    const verdict = await probe(routes(session, () => json({ detail: 'expired' }, { status })));
    expect(verdict).toMatchObject({ kind: 'signed-out', reason: 'token-rejected', status, requests: 2 });
    expectNoSecrets(verdict);
  });
  it('asks fetch not to follow redirects on either request', async () => {
    const seen: RequestInit[] = [];
    const fake = fakeChatGPT('paused');
    await probe((url, init) => {
      seen.push(init);
      return fake.fetch(url, init);
    });
    expect(seen.map((init) => init.redirect)).toEqual(['manual', 'manual']);
  });
  it('a redirect of the session request (as Node and servers see it) is signed-out', async () => {
    const redirect = new Response(null, { status: 302, headers: { location: '/auth/login?next=%2F' } });
    const verdict = await probe(routes(() => redirect));
    expect(verdict).toMatchObject({ kind: 'signed-out', reason: 'login-redirect', status: 302, requests: 1 });
    expect(verdict.evidence).toContain('/auth/login');
  });
  it('a redirect of the accounts request (as a browser shows it: opaque) is signed-out', async () => {
    const opaque = new Response(null, { status: 200 });
    Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
    Object.defineProperty(opaque, 'status', { value: 0 });
    const verdict = await probe(routes(session, () => opaque));
    expect(verdict).toMatchObject({ kind: 'signed-out', reason: 'login-redirect', status: null, requests: 2 });
    expectNoSecrets(verdict);
  });
  it('a session answer that is not an object is unrecognised', async () => {
    expect(await probe(routes(() => json(['token'])))).toMatchObject({ kind: 'error', reason: 'unrecognised' });
  });
});

describe('probePlus: bot challenges', () => {
  it('cf-mitigated: challenge on the session request', async () => {
    const verdict = await probe(routes(() => html('<html></html>', 403, { 'cf-mitigated': 'challenge' })));
    expect(verdict).toMatchObject({ kind: 'blocked', reason: 'challenge-header', status: 403, requests: 1 });
  });
  it('a challenge page with status 403', async () => {
    expect(await probe(routes(() => html(CHALLENGE_PAGE, 403)))).toMatchObject({ kind: 'blocked', reason: 'challenge-page' });
  });
  it('a challenge page served with status 200', async () => {
    expect(await probe(routes(() => html(CHALLENGE_PAGE, 200)))).toMatchObject({ kind: 'blocked', reason: 'challenge-page' });
  });
  it('a challenge-platform script on the accounts request', async () => {
    const page = '<html><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script></html>';
    expect(await probe(routes(session, () => html(page, 403)))).toMatchObject({ kind: 'blocked', reason: 'challenge-page', requests: 2 });
  });
});

describe('probePlus: rate limits and errors', () => {
  it('429 with Retry-After in seconds', async () => {
    const verdict = await probe(routes(() => json({}, { status: 429, headers: { 'retry-after': '120' } })));
    expect(verdict).toMatchObject({ kind: 'rate-limited', reason: 'http-429', retryAfterMs: 120_000 });
  });
  it('429 with Retry-After as an HTTP date', async () => {
    const when = new Date(Date.now() + 300_000).toUTCString();
    const verdict = await probe(routes(session, () => json({}, { status: 429, headers: { 'retry-after': when } })));
    expect(verdict.kind).toBe('rate-limited');
    expect(verdict.retryAfterMs).toBeGreaterThan(290_000);
    expect(verdict.retryAfterMs).toBeLessThanOrEqual(300_000);
  });
  it('429 without Retry-After', async () => {
    const verdict = await probe(routes(() => json({}, { status: 429 })));
    expect(verdict).toMatchObject({ kind: 'rate-limited', retryAfterMs: undefined });
  });
  it.each([500, 502, 404])('HTTP %i is an error with its status', async (status) => {
    const verdict = await probe(routes(() => new Response('oops', { status })));
    expect(verdict).toMatchObject({ kind: 'error', reason: 'http-status', status });
  });
  it('503 keeps its Retry-After', async () => {
    const verdict = await probe(routes(session, () => new Response('busy', { status: 503, headers: { 'retry-after': '30' } })));
    expect(verdict).toMatchObject({ kind: 'error', reason: 'http-status', status: 503, retryAfterMs: 30_000 });
  });
  it('a network failure', async () => {
    const verdict = await probe(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(verdict).toMatchObject({ kind: 'error', reason: 'network', status: null, requests: 1 });
  });
  it('a server that never answers times out', async () => {
    const verdict = await probe(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    expect(verdict).toMatchObject({ kind: 'error', reason: 'timeout' });
  });
  it('a body that trickles past the deadline times out', async () => {
    const trickle = (signal?: AbortSignal | null) =>
      new Response(
        new ReadableStream<Uint8Array>({
          async pull(controller) {
            await new Promise((r) => setTimeout(r, 50));
            if (signal?.aborted) controller.error(new DOMException('aborted', 'AbortError'));
            else controller.enqueue(new TextEncoder().encode(' '));
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    const verdict = await probe(async (url, init) => (new URL(url).pathname === SESSION_PATH ? session() : trickle(init.signal)));
    expect(verdict).toMatchObject({ kind: 'error', reason: 'timeout', requests: 2 });
    expect(verdict.bytes).toBeGreaterThan(0);
  });
});

describe('plusProbe: confirmation', () => {
  it('re-reads only the accounts check with the remembered token', async () => {
    const fake = fakeChatGPT('open');
    const probe = plusProbe({ fetch: fake.fetch, now: Date.now, limits: LIMITS });
    expect((await probe.check()).requests).toBe(2);
    fake.queue.push('paused');
    const confirmation = await probe.confirm();
    expect(confirmation).toMatchObject({ kind: 'paused', requests: 1 });
    expect(fake.calls.map((c) => new URL(c.url).pathname)).toEqual([SESSION_PATH, ACCOUNTS_PATH, ACCOUNTS_PATH]);
    expectNoSecrets(confirmation);
  });

  it('falls back to a full check when the first check got no token', async () => {
    const fake = fakeChatGPT('open');
    fake.signedIn = false;
    const probe = plusProbe({ fetch: fake.fetch, now: Date.now, limits: LIMITS });
    expect((await probe.check()).kind).toBe('signed-out');
    fake.signedIn = true;
    expect(await probe.confirm()).toMatchObject({ kind: 'open', requests: 2 });
  });
});
