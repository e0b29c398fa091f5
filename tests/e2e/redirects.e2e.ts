// Redirects and the bearer token, in the real browser: chatgpt.com answers either ChatGPT request with
// a 302 to its sign-in route. That is "signed out" ("!"), and nothing follows the redirect: fetch keeps
// the Authorization header across a same-origin redirect, so following it would hand the account's
// token to the sign-in page. The simulator records every request it receives and whether it carried
// an Authorization header.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS_PATH, type LoggedRequest, SESSION_PATH, type Simulator, signIn, startSimulator } from '../sim/simulator';
import { checkNow } from './extension-state';
import { type Extension, launchExtension } from './harness';

const LOGIN_PATH = '/auth/login';

let sim: Simulator;
let ext: Extension;
let popup: Page;

const seen = (requests: LoggedRequest[]) => requests.map(({ path, status, withAuthorization }) => ({ path, status, withAuthorization }));

beforeAll(async () => {
  sim = await startSimulator({ mode: 'paused' });
  ext = await launchExtension({ sim });
  await signIn(ext.context);
  popup = await ext.popup();
  expect((await checkNow(ext, popup)).watch.latest?.kind).toBe('paused');
  expect(await ext.badge()).toBe('WAIT');
});

afterAll(async () => {
  await ext?.close();
  await sim?.close();
});

describe('a redirect to the sign-in page', () => {
  const cases = [
    {
      endpoint: 'session' as const,
      // The session request carries cookies only; nothing is asked after its redirect.
      expected: [{ path: SESSION_PATH, status: 302, withAuthorization: false }],
    },
    {
      endpoint: 'accounts' as const,
      // The accounts request is the only one that carries the token, and the redirect is not followed.
      expected: [
        { path: SESSION_PATH, status: 200, withAuthorization: false },
        { path: ACCOUNTS_PATH, status: 302, withAuthorization: true },
      ],
    },
  ];

  for (const { endpoint, expected } of cases) {
    it(`from the ${endpoint} endpoint reads signed-out ("!"), is not followed, and takes no token along`, async () => {
      sim.faults[endpoint] = 'redirect-to-login';
      const since = sim.requests.length;
      const s = await checkNow(ext, popup);
      const received = sim.requests.slice(since);
      sim.faults = { session: null, accounts: null };

      // What the simulator received: the sign-in route never, a token only on the accounts check.
      expect(seen(received.filter((r) => r.path === LOGIN_PATH))).toEqual([]);
      expect(seen(received.filter((r) => r.withAuthorization && r.path !== ACCOUNTS_PATH))).toEqual([]);
      expect(seen(received)).toEqual(expected);

      // What the user sees: signed out, please sign in; what was known is kept.
      expect(s.watch.latest).toMatchObject({ kind: 'signed-out', reason: 'login-redirect' });
      expect(s.watch.confirmed?.availability).toBe('paused');
      expect(await ext.badge()).toBe('!');
      expect(await ext.notifications()).toEqual([]);

      // Healed, the next check reads paused again.
      expect((await checkNow(ext, popup)).watch.latest?.kind).toBe('paused');
      expect(await ext.badge()).toBe('WAIT');
    });
  }

  it('over the whole run, only the accounts check ever carried an Authorization header', () => {
    const withToken = sim.requests.filter((r) => r.withAuthorization);
    expect(withToken.length).toBeGreaterThan(0);
    expect(seen(withToken.filter((r) => r.path !== ACCOUNTS_PATH))).toEqual([]);
    // The sign-in route was visited once, by the test's own sign-in page, without a token.
    expect(seen(sim.requests.filter((r) => r.path === LOGIN_PATH))).toEqual([{ path: LOGIN_PATH, status: 302, withAuthorization: false }]);
  });
});
