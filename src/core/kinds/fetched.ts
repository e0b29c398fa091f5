import { type BoundedResponse, boundedFetch, FetchFailure, type FetchLike, type FetchLimits } from '../bounded-fetch';
import { say } from '../evidence-en';
import { parseRetryAfter } from '../retry-after';
import type { Verdict } from '../verdict';
import type { FetchedResponse } from './page/read/page-response';
import type { Reading } from './page/reasons';
import { describeUrl } from './page/sign-in';
import type { ReasonCode } from './registry';

/** Pages are capped at 4 MiB and 15 s (DESIGN.md): a huge or hung page must not stall the worker. */
export const PAGE_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 4 * 1024 * 1024 };

export type Outcome = Omit<Verdict, 'at' | 'durationMs' | 'bytes' | 'requests'>;

/** The validator that says "same body as before": the ETag, else Last-Modified. */
export function validatorOf(headers: Headers): string | null {
  const etag = headers.get('etag');
  if (etag) return `etag ${etag}`.slice(0, 300);
  const modified = headers.get('last-modified');
  return modified ? `modified ${modified}`.slice(0, 300) : null;
}

/**
 * GETs a watched URL with the user's cookies, revalidating instead of re-downloading
 * (`cache: 'no-cache'` makes the browser send If-None-Match / If-Modified-Since). When the
 * validator equals `knownValidator` the body is not read at all.
 */
export async function fetchWatched(
  fetchFn: FetchLike,
  url: string,
  accept: string,
  knownValidator: string | null,
  secretHeaders: Record<string, string> = {},
  limits: FetchLimits = PAGE_LIMITS,
): Promise<{ response: BoundedResponse; unchanged: boolean } | { failure: Outcome; bytes: number }> {
  // The Fetch standard drops only Authorization on a cross-origin redirect: a request carrying any
  // other secret must not follow one at all (the caller reads the redirect as can't tell).
  const redirect: RequestRedirect = Object.keys(secretHeaders).length > 0 ? 'manual' : 'follow';
  try {
    let unchanged = false;
    const response = await boundedFetch(
      fetchFn,
      url,
      { method: 'GET', credentials: 'include', cache: 'no-cache', redirect, headers: { Accept: accept, ...secretHeaders } },
      {
        ...limits,
        skipBody: (r) => {
          unchanged = r.ok && knownValidator !== null && validatorOf(r.headers) === knownValidator;
          return unchanged;
        },
      },
    );
    return { response, unchanged };
  } catch (error) {
    if (!(error instanceof FetchFailure)) throw error;
    const failed = {
      timeout: () => say('evNoResponse', Math.round(limits.timeoutMs / 1000)),
      'too-large': () => say('evTooLargeMiB', Math.round(limits.maxBytes / 1024 / 1024)),
      network: () => say('evUnreachable', new URL(url).host),
    }[error.reason]();
    return { failure: { kind: 'error', reason: error.reason, status: error.status, ...failed }, bytes: error.bytes };
  }
}

/** A redirect a request with a secret refused to follow: can't tell, never read as the endpoint's answer. */
export function refusedRedirect(url: string, response: BoundedResponse): Outcome & Pick<Verdict, 'bytes' | 'requests'> {
  const location = response.headers.get('location');
  const target = location && URL.canParse(location, url) ? describeUrl(new URL(location, url).href) : null;
  return {
    kind: 'error',
    reason: 'redirected',
    status: response.status || null,
    ...(target ? say('evSecretRedirectTo', target) : say('evSecretRedirect')),
    bytes: response.bytes,
    requests: 1,
  };
}

/** What the pure readers need to know about a response. */
export function toFetchedResponse(url: string, response: BoundedResponse): FetchedResponse {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return {
    status: response.status,
    url,
    finalUrl: response.url,
    redirected: response.redirected,
    headers,
    bodyText: response.text,
  };
}

export function retryAfterOf(response: BoundedResponse, now: number): number | undefined {
  return parseRetryAfter(response.headers.get('retry-after'), now);
}

/** A reader's reading of a fetched body as the watch's verdict (the probe adds the timing). */
export function verdictOf(reading: Reading<string>, response: BoundedResponse, now: number): Outcome & Pick<Verdict, 'bytes' | 'requests'> {
  const waits = reading.kind === 'rate-limited' || response.status >= 500;
  return {
    kind: reading.kind,
    reason: reading.reason as ReasonCode,
    evidence: reading.evidence,
    ...(reading.evidenceMessage && { evidenceMessage: reading.evidenceMessage }),
    status: response.status,
    bytes: response.bytes,
    requests: 1,
    ...(waits ? { retryAfterMs: retryAfterOf(response, now) } : {}),
    ...(reading.valueType !== undefined && { valueType: reading.valueType }),
    ...(reading.found !== undefined && { found: reading.found }),
    ...(reading.title !== undefined && { title: reading.title }),
  };
}
