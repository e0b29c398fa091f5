// Ways chatgpt.com (or the network) can misbehave, each answered on a raw Node response so the
// extension meets them exactly as a browser would: bad status, bad body, slow body, no body at all.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Fault =
  | 'http-500'
  | 'http-502'
  | 'http-503-retry-seconds'
  | 'http-503-retry-date'
  | 'http-429-retry-seconds'
  | 'http-429'
  | 'http-401'
  | 'challenge-403'
  | 'challenge-200'
  | 'html'
  | 'truncated-json'
  | 'no-accounts'
  | 'features-not-array'
  | 'empty-account'
  | 'hang'
  | 'trickle'
  | 'huge'
  | 'reset'
  | 'login-redirect'
  | 'redirect-to-login';

/**
 * The fault matrix (faults.e2e.ts). `redirect-to-login` is left out: redirects.e2e.ts drives it and
 * checks where the bearer token went, which the matrix does not need to repeat 4 times more.
 */
export const ALL_FAULTS: readonly Fault[] = [
  'http-500',
  'http-502',
  'http-503-retry-seconds',
  'http-503-retry-date',
  'http-429-retry-seconds',
  'http-429',
  'http-401',
  'challenge-403',
  'challenge-200',
  'html',
  'truncated-json',
  'no-accounts',
  'features-not-array',
  'empty-account',
  'hang',
  'trickle',
  'huge',
  'reset',
  'login-redirect',
];

/** Retry-After values the faults send, so tests can check they were honoured. */
export const RETRY_AFTER_S = { 'http-503-retry-seconds': 2400, 'http-503-retry-date': 3000, 'http-429-retry-seconds': 3600 } as const;

export const CHALLENGE_PAGE =
  '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>' +
  '<script>(function(){window._cf_chl_opt={cvId:"3",cZone:"chatgpt.com"};})();</script>' +
  '<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></body></html>';

interface Canned {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const send = (status: number, body: string, headers: Record<string, string> = {}): Canned => ({ status, body, headers });
const json = (status: number, body: string) => send(status, body, { 'content-type': 'application/json' });
const html = (status: number, body: string, headers: Record<string, string> = {}) =>
  send(status, body, { 'content-type': 'text/html; charset=utf-8', ...headers });

/** The complete answer for faults that are a status, headers and a body; null for the others. */
function canned(fault: Fault): Canned | null {
  switch (fault) {
    case 'http-500':
      return html(500, '<html><body>Internal Server Error</body></html>');
    case 'http-502':
      return html(502, '<html><head><title>502 Bad Gateway</title></head><body>Bad gateway</body></html>');
    case 'http-503-retry-seconds':
      return html(503, 'Service Unavailable', { 'retry-after': String(RETRY_AFTER_S[fault]) });
    case 'http-503-retry-date':
      return html(503, 'Service Unavailable', { 'retry-after': new Date(Date.now() + RETRY_AFTER_S[fault] * 1000).toUTCString() });
    case 'http-429-retry-seconds':
      return send(429, '{"detail":"Too many requests"}', {
        'content-type': 'application/json',
        'retry-after': String(RETRY_AFTER_S[fault]),
      });
    case 'http-429':
      return json(429, '{"detail":"Too many requests"}');
    case 'http-401':
      return json(401, '{"detail":"Unauthorized"}');
    case 'challenge-403':
      return html(403, CHALLENGE_PAGE, { 'cf-mitigated': 'challenge' });
    case 'challenge-200':
      return html(200, CHALLENGE_PAGE);
    case 'html':
      return html(200, '<!doctype html><html><body><h1>Something went wrong</h1></body></html>');
    case 'truncated-json':
      return json(200, '{"accounts":{"default":{"features":["beta_fea');
    case 'no-accounts':
      return json(200, '{"account_ordering":[],"detail":"ok"}');
    case 'features-not-array':
      return json(200, '{"accounts":{"default":{"features":"disable_plus_upgrade_ui"}}}');
    case 'empty-account':
      return json(200, '{"accounts":{"default":{}},"account_ordering":["default"]}');
    case 'huge': {
      const body = JSON.stringify({ accounts: { default: { features: Array.from({ length: 120_000 }, (_, i) => `feature_${i}`) } } });
      return json(200, body);
    }
    case 'login-redirect':
      return send(302, '', { location: '/auth/login-page?next=%2F' });
    case 'redirect-to-login':
      // Same origin: a fetch that follows it keeps the Authorization header (and the sign-in route
      // of this simulator would even hand out a new session).
      return send(302, '', { location: '/auth/login' });
    default:
      return null;
  }
}

/** Answers `res` with the fault; `log` records what was sent (status 0: nothing was). */
export function answerWithFault(
  fault: Fault,
  req: IncomingMessage,
  res: ServerResponse,
  log: (status: number, bytes: number) => void,
): void {
  const answer = canned(fault);
  if (answer) {
    log(answer.status, Buffer.byteLength(answer.body));
    res.writeHead(answer.status, { 'content-length': String(Buffer.byteLength(answer.body)), ...answer.headers });
    res.end(answer.body);
    return;
  }
  switch (fault) {
    case 'hang':
      log(0, 0); // headers never come
      return;
    case 'trickle': {
      log(200, 0);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"accounts":');
      const timer = setInterval(() => res.write(' '), 250);
      res.on('close', () => clearInterval(timer));
      req.on('close', () => clearInterval(timer));
      return;
    }
    case 'reset':
      log(0, 0);
      req.socket.destroy();
      return;
  }
}
