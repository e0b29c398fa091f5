// A fetch function that answers like chatgpt.com, for unit tests of the probe and the worker.
import type { FetchLike } from '../../src/core/bounded-fetch';
import { ACCOUNTS_PATH, SESSION_PATH } from '../../src/core/kinds/chatgpt-plus/probe';
import { FREE_ACCOUNT_FEATURES } from '../sim/chatgpt-features';

export const TOKEN = 'eyJ-unit-test-access-token-SECRET';
export const EMAIL = 'person@example.com';

export type AccountMode = 'paused' | 'paused-2023' | 'open' | 'subscribed';

export function accountsBody(mode: AccountMode): unknown {
  const features = {
    paused: ['disable_plus_upgrade_ui', ...FREE_ACCOUNT_FEATURES],
    'paused-2023': ['disable_upgrade_ui'],
    open: FREE_ACCOUNT_FEATURES,
    subscribed: FREE_ACCOUNT_FEATURES,
  }[mode];
  return {
    accounts: {
      'acc-1': {
        account: { account_id: 'acc-1', email: EMAIL },
        features,
        entitlement:
          mode === 'subscribed'
            ? { has_active_subscription: true, subscription_plan: 'chatgptplusplan' }
            : { has_active_subscription: false, subscription_plan: 'chatgptfreeplan' },
      },
    },
    account_ordering: ['acc-1'],
    default_account_id: 'acc-1',
  };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), { status: 200, ...init, headers: { 'content-type': 'application/json', ...init.headers } });
}

export interface FakeChatGPT {
  fetch: FetchLike;
  calls: Array<{ url: string; authorization: string | null }>;
  /** Next answers for the accounts endpoint, used once each before falling back to `mode`. */
  queue: AccountMode[];
  mode: AccountMode;
  signedIn: boolean;
}

export function fakeChatGPT(mode: AccountMode = 'paused'): FakeChatGPT {
  const fake: FakeChatGPT = {
    calls: [],
    queue: [],
    mode,
    signedIn: true,
    fetch: async (url, init) => {
      const authorization = new Headers(init.headers).get('authorization');
      fake.calls.push({ url, authorization });
      const path = new URL(url).pathname;
      if (path === SESSION_PATH) return json(fake.signedIn ? { user: { email: EMAIL }, accessToken: TOKEN } : {});
      if (path === ACCOUNTS_PATH) {
        if (authorization !== `Bearer ${TOKEN}`) return json({ detail: 'Unauthorized' }, { status: 401 });
        return json(accountsBody(fake.queue.shift() ?? fake.mode));
      }
      return new Response('not found', { status: 404 });
    },
  };
  return fake;
}
