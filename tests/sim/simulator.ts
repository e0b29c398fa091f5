// A local HTTPS stand-in for chatgpt.com: sign-in page, session endpoint and the accounts check,
// answering the way the real site did in 2023–2025, with faults switchable at run time.
// Tests and the demo steer it in-process.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { makeCertificate } from './certificate';
import { FREE_ACCOUNT_FEATURES } from './chatgpt-features';
import { answerWithFault, type Fault } from './faults';

export const SIM_EMAIL = 'sim.user@example.com';
const COOKIE = '__Secure-next-auth.session-token';
export const SESSION_PATH = '/api/auth/session';
export const ACCOUNTS_PATH = '/backend-api/accounts/check/v4-2023-04-27';

export type PlusMode = 'paused' | 'paused-2023' | 'open' | 'subscribed' | 'flapping' | 'hostile';

export interface LoggedRequest {
  at: number;
  path: string;
  /** 0 when no response was sent (hang, reset). */
  status: number;
  bytes: number;
  withCookie: boolean;
  /** An `Authorization` header of any kind was sent. */
  withAuthorization: boolean;
  withBearer: boolean;
}

export interface Simulator {
  port: number;
  /** What the accounts check says when the queue is empty. */
  mode: PlusMode;
  /** One-shot answers for the next accounts checks, used before `mode`. */
  queue: PlusMode[];
  /** A fault per endpoint; null answers normally. */
  faults: { session: Fault | null; accounts: Fault | null };
  /** Every request the simulator saw, oldest first. */
  requests: LoggedRequest[];
  /** Access tokens handed out; tests assert none of them ever reaches extension storage. */
  issuedTokens: string[];
  /** Ends every session, as if it expired or the user signed out elsewhere. */
  signOutEveryone(): void;
  /** Stops listening (connections are refused) until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startSimulator(options: { port?: number; mode?: PlusMode } = {}): Promise<Simulator> {
  const sessions = new Map<string, string>(); // session cookie → access token
  const sockets = new Set<Duplex>();
  let flip = false;
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  const sim: Simulator = {
    port: 0,
    mode: options.mode ?? 'paused',
    queue: [],
    faults: { session: null, accounts: null },
    requests: [],
    issuedTokens: [],
    signOutEveryone: () => sessions.clear(),
    down: stop,
    up: () => listen(sim.port),
    close: stop,
  };

  const server = createServer(makeCertificate(), (req, res) => {
    const url = new URL(req.url ?? '/', 'https://chatgpt.com');
    const cookie = readCookie(req);
    const token = cookie ? sessions.get(cookie) : undefined;
    const log = (status: number, bytes: number) =>
      sim.requests.push({
        at: Date.now(),
        path: url.pathname,
        status,
        bytes,
        withCookie: !!cookie,
        withAuthorization: req.headers.authorization !== undefined,
        withBearer: /^Bearer /.test(req.headers.authorization ?? ''),
      });
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      log(status, Buffer.byteLength(body));
      res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    const json = (status: number, body: unknown) => send(status, JSON.stringify(body), { 'content-type': 'application/json' });

    const fault = url.pathname === SESSION_PATH ? sim.faults.session : url.pathname === ACCOUNTS_PATH ? sim.faults.accounts : null;
    if (fault) return answerWithFault(fault, req, res, log);

    switch (url.pathname) {
      case '/auth/login': {
        const id = randomBytes(16).toString('hex');
        const access = `sim-access-${randomBytes(24).toString('hex')}`;
        sessions.set(id, access);
        sim.issuedTokens.push(access);
        return send(302, '', { location: '/', 'set-cookie': `${COOKIE}=${id}; Path=/; Max-Age=2592000; Secure; HttpOnly; SameSite=Lax` });
      }
      case '/auth/login-page':
        return send(200, '<!doctype html><html><body><h1>Welcome back</h1><a href="/auth/login">Log in</a></body></html>', {
          'content-type': 'text/html; charset=utf-8',
        });
      case '/auth/logout':
        if (cookie) sessions.delete(cookie);
        return send(302, '', { location: '/', 'set-cookie': `${COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0` });
      case SESSION_PATH:
        if (!token) return json(200, {});
        return json(200, {
          user: { id: 'user-sim', name: 'Sim User', email: SIM_EMAIL, image: '', picture: '' },
          expires: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          accessToken: token,
          authProvider: 'auth0',
        });
      case ACCOUNTS_PATH: {
        if (!token || req.headers.authorization !== `Bearer ${token}`)
          return json(401, { detail: 'Unauthorized - Access token is missing' });
        let mode = sim.queue.shift() ?? sim.mode;
        if (mode === 'flapping') {
          flip = !flip;
          mode = flip ? 'open' : 'paused';
        }
        return json(200, accountsAnswer(mode));
      }
      case '/':
        return send(200, homePage(!!token, sim.mode), { 'content-type': 'text/html; charset=utf-8' });
      default:
        return send(404, 'Not found', { 'content-type': 'text/plain' });
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await listen(options.port ?? 0);
  sim.port = (server.address() as { port: number }).port;
  return sim;
}

/** The requests a check makes (session and accounts), from index `since` of the log. */
export function probeRequests(sim: Simulator, since = 0): LoggedRequest[] {
  return sim.requests.slice(since).filter((r) => r.path === SESSION_PATH || r.path === ACCOUNTS_PATH);
}

/** Anything that opens a page: a Playwright context, or the Firefox harness. */
interface PageOpener {
  newPage(): Promise<{ goto(url: string): Promise<unknown>; close(): Promise<void> }>;
}

/** Signs in the way a person does: a visit to the sign-in route sets the session cookie. */
export async function signIn(browser: PageOpener): Promise<void> {
  const page = await browser.newPage();
  await page.goto('https://chatgpt.com/auth/login');
  await page.close();
}

function readCookie(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  const match = header.split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`));
  const value = match?.slice(COOKIE.length + 1);
  return value || undefined;
}

/** Markup an attacker might smuggle into a field the extension shows as evidence. */
export const HOSTILE_PLAN = '<img src=x onerror="document.title=\'pwned\'">';

/** The accounts-check body, shaped like ChatGPT's (trimmed to the fields that matter). */
export function accountsAnswer(mode: Exclude<PlusMode, 'flapping'>): unknown {
  const pauseFlag = { paused: ['disable_plus_upgrade_ui'], 'paused-2023': ['disable_upgrade_ui'], open: [], subscribed: [], hostile: [] }[
    mode
  ];
  const subscribed = mode === 'subscribed';
  const plan = mode === 'hostile' ? HOSTILE_PLAN : subscribed ? 'chatgptplusplan' : 'chatgptfreeplan';
  return {
    accounts: {
      'acct-sim-1': {
        account: { account_user_role: 'account-owner', account_id: 'acct-sim-1', is_default: true, name: null, email: SIM_EMAIL },
        features: [...FREE_ACCOUNT_FEATURES, ...pauseFlag, 'shared_websocket'],
        entitlement: {
          subscription_id: subscribed ? 'sub-sim' : null,
          has_active_subscription: subscribed,
          subscription_plan: plan,
          expires_at: null,
        },
        last_active_subscription: null,
      },
    },
    account_ordering: ['acct-sim-1'],
    default_account_id: 'acct-sim-1',
  };
}

function homePage(signedIn: boolean, mode: PlusMode): string {
  const paused = mode === 'paused' || mode === 'paused-2023';
  const plan = paused
    ? `<button disabled>Upgrade to Plus</button><p>Due to high demand, we've temporarily paused upgrades.</p><button>Sign up for waitlist</button>`
    : mode === 'subscribed'
      ? '<p>Your current plan: Plus</p>'
      : '<button>Upgrade to Plus</button>';
  return `<!doctype html><html><head><meta charset="utf-8"><title>ChatGPT (simulator)</title></head><body>
<h1>ChatGPT simulator</h1>
<p>${signedIn ? `Signed in as ${SIM_EMAIL}. <a href="/auth/logout">Sign out</a>` : '<a href="/auth/login">Sign in</a>'}</p>
<section id="pricing"><h2>ChatGPT Plus</h2>${plan}</section>
</body></html>`;
}
