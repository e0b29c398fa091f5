import { type BoundedResponse, boundedFetch, FetchFailure, type FetchLike, type FetchLimits } from '../../bounded-fetch';
import { detectChallenge, looksLikeHtml } from '../../challenge';
import { say } from '../../evidence-en';
import type { Evidence } from '../../evidence-message';
import { parseRetryAfter } from '../../retry-after';
import type { Verdict, VerdictKind } from '../../verdict';
import type { ReasonCode } from '../registry';
import { readPlusAccount } from './account';

import { ACCOUNTS_PATH, CHATGPT_ORIGIN, SESSION_PATH } from './urls';

export { ACCOUNTS_PATH, CHATGPT_ORIGIN, PRICING_URL, SESSION_PATH } from './urls';

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 256 * 1024 };

export interface ProbeDeps {
  fetch: FetchLike;
  now: () => number;
  limits?: FetchLimits;
  origin?: string;
}

type Outcome = Omit<Verdict, 'at' | 'durationMs' | 'bytes' | 'requests'>;

/** Tally of one check, kept apart from the outcome so every exit reports the same counters. */
interface Tally {
  bytes: number;
  requests: number;
}

/**
 * One ChatGPT Plus check: the session (for an access token), then the account's feature flags.
 * At most two requests. The token lives only in this call's locals and the second request's header.
 */
export function probePlus(deps: ProbeDeps): Promise<Verdict> {
  return plusProbe(deps).check();
}

export interface PlusProbe {
  /** A full check: session, then accounts. */
  check(): Promise<Verdict>;
  /** Re-reads only the accounts check with the token from `check()` (a full check if there is none). */
  confirm(): Promise<Verdict>;
}

/**
 * A probe for one wake of the worker. It remembers the access token in memory only, so that the
 * confirmation of a reopening costs one request, not two; nothing outlives the wake.
 */
export function plusProbe(deps: ProbeDeps): PlusProbe {
  const origin = deps.origin ?? CHATGPT_ORIGIN;
  let token: string | null = null;
  const timed = async (steps: (tally: Tally) => Promise<Outcome>): Promise<Verdict> => {
    const at = deps.now();
    const tally: Tally = { bytes: 0, requests: 0 };
    const outcome = await steps(tally);
    return { ...outcome, at, durationMs: Math.max(0, deps.now() - at), bytes: tally.bytes, requests: tally.requests };
  };
  const check = () =>
    timed(async (tally) => {
      const session = await readSession(deps, tally, origin);
      if (typeof session !== 'string') return session;
      token = session;
      return readAccounts(deps, tally, origin, session);
    });
  const confirm = () => (token === null ? check() : timed((tally) => readAccounts(deps, tally, origin, token as string)));
  return { check, confirm };
}

/** The access token, or the outcome that ends the check. */
async function readSession(deps: ProbeDeps, tally: Tally, origin: string): Promise<string | Outcome> {
  const session = await request(deps, tally, origin + SESSION_PATH, {});
  if ('kind' in session) return session;
  const failure = classifyFailure(session, deps.now(), 'session');
  if (failure) return failure;
  const body = parseJson(session);
  if (body === undefined) return notJson(session);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return outcome('error', 'unrecognised', session.status, say('evSessionNotObject'));
  }
  const token = (body as { accessToken?: unknown }).accessToken;
  if (typeof token !== 'string' || token === '') {
    return outcome('signed-out', 'no-access-token', session.status, say('evNoAccessToken'));
  }
  return token;
}

async function readAccounts(deps: ProbeDeps, tally: Tally, origin: string, token: string): Promise<Outcome> {
  const accounts = await request(deps, tally, origin + ACCOUNTS_PATH, { Authorization: `Bearer ${token}` });
  if ('kind' in accounts) return accounts;
  const failure = classifyFailure(accounts, deps.now(), 'accounts');
  if (failure) return failure;
  const body = parseJson(accounts);
  if (body === undefined) return notJson(accounts);
  const reading = readPlusAccount(body);
  return outcome(reading.kind, reading.reason, accounts.status, reading);
}

async function request(deps: ProbeDeps, tally: Tally, url: string, headers: Record<string, string>): Promise<BoundedResponse | Outcome> {
  tally.requests += 1;
  try {
    const response = await boundedFetch(
      deps.fetch,
      url,
      {
        method: 'GET',
        credentials: 'include',
        cache: 'no-store',
        // A redirect means "not signed in", and fetch would carry the bearer token along a same-origin one.
        redirect: 'manual',
        headers: { Accept: 'application/json', ...headers },
      },
      deps.limits ?? DEFAULT_LIMITS,
    );
    tally.bytes += response.bytes;
    return response;
  } catch (error) {
    if (!(error instanceof FetchFailure)) throw error;
    tally.bytes += error.bytes;
    const limits = deps.limits ?? DEFAULT_LIMITS;
    const failed = {
      timeout: () => say('evNoResponse', Math.round(limits.timeoutMs / 1000)),
      'too-large': () => say('evTooLargeKiB', Math.round(limits.maxBytes / 1024)),
      network: () => say('evUnreachable', 'chatgpt.com'),
    }[error.reason]();
    return outcome('error', error.reason, error.status, say('evStep', pathOf(url), failed));
  }
}

/** Challenge, rate limit, sign-in redirects and HTTP errors, in the order they must be recognised. */
function classifyFailure(response: BoundedResponse, now: number, step: 'session' | 'accounts'): Outcome | null {
  const { status, headers } = response;
  const where = step === 'session' ? SESSION_PATH : ACCOUNTS_PATH;
  if (response.redirect) {
    const target = headers.get('location');
    const said = target ? say('evSignedOutTo', where, shownTarget(target)) : say('evSignedOut', where);
    return outcome('signed-out', 'login-redirect', status === 0 ? null : status, said);
  }
  const challenge = detectChallenge(headers, response.text);
  if (challenge) {
    const seen = challenge === 'challenge-header' ? 'cf-mitigated: challenge' : say('evBotChallengePage');
    return outcome('blocked', challenge, status, say('evChallenged', where, seen, status));
  }
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
  if (status === 429) {
    return { ...outcome('rate-limited', 'http-429', status, say('evStep', where, say('evHttp429'))), retryAfterMs };
  }
  if (step === 'accounts' && (status === 401 || status === 403)) {
    return outcome('signed-out', 'token-rejected', status, say('evSessionExpired', where, status));
  }
  if (status < 200 || status > 299) {
    return { ...outcome('error', 'http-status', status, say('evStep', where, say('evHttp', status))), retryAfterMs };
  }
  return null;
}

function parseJson(response: BoundedResponse): unknown {
  if (looksLikeHtml(response.headers, response.text)) return undefined;
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    return undefined;
  }
}

function notJson(response: BoundedResponse): Outcome {
  const type = response.headers.get('content-type')?.split(';')[0];
  const path = pathOf(response.url);
  return outcome('error', 'not-json', response.status, type ? say('evExpectedJson', path, type) : say('evExpectedJsonUntyped', path));
}

function outcome(kind: VerdictKind, reason: ReasonCode, status: number | null, { evidence, evidenceMessage }: Evidence): Outcome {
  return { kind, reason, status, evidence, evidenceMessage };
}

/** Where a sign-in redirect pointed, by its path, or that it could not be read. */
function shownTarget(target: string): string | Evidence {
  if (target.startsWith('/')) return pathOf(target);
  return URL.canParse(target) ? pathOf(target) : say('evUnreadableLocation');
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
