import { say as sayHttp } from '../../../evidence-en';
import type { Evidence } from '../../../evidence-message';
import type { ResponseReasonCode } from '../reasons';
import { describeUrl, isSignInUrl } from '../sign-in';
import { detectBotWall } from './bot-wall';
import { type KeyedReading, reading } from './evidence';
import { say } from './evidence-en';
import { queueFromResponse } from './queue';

/** A fetched response as the check runner hands it over; the readers never fetch. */
export interface FetchedResponse {
  status: number;
  /** The URL asked for (the watch's URL). */
  url: string;
  /** `Response.url` after redirects; same as `url` when there were none. */
  finalUrl?: string;
  /** `Response.redirected`. */
  redirected?: boolean;
  /** The Content-Type, if not among `headers`. */
  contentType?: string | null;
  headers?: Headers | Record<string, string | null | undefined> | null;
  /** The body as text (already capped); challenge markers live in scripts and attributes, not in visible text. */
  bodyText?: string;
}

/** Reads a header from a Headers object or a plain object, without regard to case. */
export function headerReader(response: FetchedResponse): (name: string) => string | null {
  const headers = response.headers;
  const lookup = (name: string): string | null => {
    if (!headers) return null;
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    return key === undefined ? null : ((headers as Record<string, string | null | undefined>)[key] ?? null);
  };
  return (name) => {
    const value = lookup(name.toLowerCase());
    return name.toLowerCase() === 'content-type' ? (value ?? response.contentType ?? null) : value;
  };
}

const samePage = (a: string, b: string) => describeUrl(a) === describeUrl(b);

/** An address as evidence names it: host and path, or that it could not be read. */
const shownUrl = (url: string): string | Evidence => (URL.canParse(url) ? describeUrl(url) : say('evUnreadableUrl'));

const HTTP_NOTES: Partial<Record<number, Evidence>> = { 403: say('evHttp403'), 404: say('evHttp404'), 410: say('evHttp410') };

/**
 * What the response says before any rule looks at it: a challenge (any status) is blocked, 429 is
 * rate-limited, 401 or a trip to a sign-in page is signed-out, a redirect to another site or the
 * home page and any other non-2xx status are errors — never paused, never open. Null means "a
 * normal answer: read it".
 */
export function classifyResponse(response: FetchedResponse): KeyedReading<ResponseReasonCode> | null {
  const header = headerReader(response);
  const status = response.status;

  // Before challenges: a waiting room is served by the same CDNs, and it is not a wall to pass.
  const queue = queueFromResponse(response);
  if (queue) return reading('queued', queue.reason, queue);
  const wall = detectBotWall(response.bodyText ?? '', header);
  if (wall) {
    const seen = wall.vendor ? say('evWall', wall.vendor, wall.marker, status) : say('evBotCheck', wall.marker, status);
    return reading('blocked', wall.header ? 'challenge-header' : 'challenge-page', seen);
  }
  if (status === 429) return reading('rate-limited', 'http-429', sayHttp('evHttp429'));
  if (status === 401) return reading('signed-out', 'http-401', say('evHttp401'));

  const location = status >= 300 && status < 400 ? header('location') : null;
  const target = location ? resolve(location, response.url) : (response.finalUrl ?? response.url);
  if (!samePage(target, response.url) && isSignInUrl(target)) {
    return reading('signed-out', 'login-redirect', say('evSignInRedirect', shownUrl(target)));
  }
  if (status === 0) return reading('error', 'http-status', say('evOpaque'));
  if (status >= 200 && status < 300) {
    const away = redirectedAway(response.url, target);
    return away ? reading('error', 'redirected', away) : null;
  }
  if (location) return reading('error', 'http-status', say('evHttpRedirect', status, shownUrl(target)));
  return reading('error', 'http-status', HTTP_NOTES[status] ?? sayHttp('evHttp', status));
}

/**
 * A removed product often redirects to the home page, a category page full of "Add to cart"
 * buttons for other things, or another site: none of them is the watched page. A redirect is read
 * only when it kept the page: the same site (`www.` or not, http or https) and the same path, up
 * to a trailing slash; only the query string may change. Null when it kept the page, else where it went.
 */
function redirectedAway(asked: string, landed: string): Evidence | null {
  if (!URL.canParse(asked) || !URL.canParse(landed)) return null;
  const from = new URL(asked);
  const to = new URL(landed);
  const site = (url: URL) => url.hostname.replace(/^www\./, '');
  const path = (url: URL) => url.pathname.replace(/\/+$/, '') || '/';
  if (site(from) === site(to) && path(from) === path(to)) return null;
  return say('evRedirectedAway', describeUrl(landed));
}

function resolve(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/** Whether the body is HTML by its Content-Type, or (without one) by how it starts. */
export function isHtmlResponse(response: FetchedResponse): boolean {
  const type = (headerReader(response)('content-type') ?? '').toLowerCase();
  if (type) return type.includes('text/html') || type.includes('application/xhtml+xml');
  return /^\s*</.test(response.bodyText?.slice(0, 1024).replace(/^\uFEFF/, '') ?? '');
}
