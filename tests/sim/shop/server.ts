// One local HTTPS server standing in for every shop the 2.0 e2e tests watch, told apart by the Host
// header: map the hostnames to it (Chromium --host-resolver-rules, Firefox through a CONNECT proxy)
// and steer each page in-process. Answers carry real validators (strong ETag, Last-Modified,
// Cache-Control: no-cache) and revalidate to 304, so "an unchanged page costs a few hundred bytes"
// can be measured; every request is recorded with the bytes the server put on the wire for it.
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { makeCertificateFor } from '../channels/certificate';
import {
  apiBody,
  type Body,
  chinesePage,
  HTML,
  homePage,
  JSON_TYPE,
  SHELL_SCRIPT,
  shellPage,
  shellScript,
  signInPage,
  signupPage,
  statusPage,
  WALLS,
  type Wall,
  wallPage,
} from './pages';
import { type Availability, type Product, productPage } from './product-page';
import {
  DEFAULT_SPA_DELAY_MS,
  isSpaPage,
  needsSession,
  SPA_APP,
  SPA_LOGIN,
  SPA_NEVER_SCRIPT,
  SPA_PAGES,
  SPA_SCRIPT,
  SPA_SESSION_COOKIE,
  SPA_STOCK,
  spaShell,
  spaStock,
} from './spa-pages';

/** What a host is: decides its pages and how its errors look (HTML, or JSON for the API). */
export type ShopKind = 'shop' | 'shop-cn' | 'signup' | 'api' | 'wall' | 'forbidden' | 'shell' | 'spa';

export const DEFAULT_HOSTS: Readonly<Record<string, ShopKind>> = {
  'shop.example': 'shop',
  'shop-cn.example': 'shop-cn',
  'signup.example': 'signup',
  'api.example': 'api',
  'wall.example': 'wall',
  'forbidden.example': 'forbidden',
  'shell.example': 'shell',
  'spa.example': 'spa',
};

/** The pages the tests watch (on the first host of the kind named in the comment). */
export const SHOP_PATHS = {
  /** shop: ~200 KiB English product page, JSON-LD OutOfStock → InStock. */
  product: '/products/trailhead-40',
  /** shop: a second product page on the same origin (~96 KiB), for per-origin spacing. */
  second: '/products/summit-60',
  /** shop: a 1 MiB product page, for the page-check-ms bench. */
  big: '/products/basecamp-4-tent',
  /** shop-cn: Chinese-only page, visible text 售罄 / 到货通知 → 加入购物车 / 立即购买, no structured data. */
  cn: '/item/1001.html',
  /** signup: "Sign-ups are temporarily paused" inside #status-banner, which empties when they reopen. */
  signup: '/signup',
  /** api: {"data":{"available":false,"stock":0,…}} → true / 3. */
  api: '/v1/products/gpu-h100/availability',
  /** wall: a product page (~80 KiB, JSON-LD) meant to be turned into a challenge with `set`. */
  wall: '/products/trail-runner',
  /** forbidden: every path answers a plain nginx 403. */
  forbidden: '/products/night-vision-x1',
  /** shell: every path answers `<div id="root"></div><script src=…>`. */
  shell: '/products/42',
  /** Any host: the sign-in page `redirect-signin` sends to. */
  signIn: '/account/login',
  /** spa: pages that build themselves with scripts (./spa-pages.ts), for rendered reading. */
  ...SPA_PAGES,
} as const;
export type ShopPage = keyof typeof SHOP_PATHS;
const PAGE_KIND: Record<ShopPage, ShopKind> = {
  product: 'shop',
  second: 'shop',
  big: 'shop',
  cn: 'shop-cn',
  signup: 'signup',
  api: 'api',
  wall: 'wall',
  forbidden: 'forbidden',
  shell: 'shell',
  signIn: 'shop',
  spaJsonLd: 'spa',
  spaButton: 'spa',
  spaDeny: 'spa',
  spaHang: 'spa',
  spaBust: 'spa',
  spaMember: 'spa',
};

/**
 * How a page answers.
 * - `paused` / `open`: the page's own content in that state (the shell and forbidden hosts ignore it).
 * - `challenge-*`: the vendor's bot wall instead of the page (403, `challenge-verify-human` 200).
 * - `status-<N>`: a plain error page (JSON on the API host); 429 always carries `Retry-After`.
 * - `redirect-signin`: 302 to `/account/login?return=<path>`.
 * - `shell`: a script-rendered shell instead of the page.
 * - `hang` (no answer), `reset` (connection dropped), `trickle` (200, body dribbles forever),
 *   `huge` (a 5 MiB product page), `empty` (200, no body), `wrong-type` (HTML pages answer JSON, the API answers HTML).
 */
export type ShopMode =
  | Availability
  | `challenge-${Wall}`
  | `status-${number}`
  | 'redirect-signin'
  | 'shell'
  | 'hang'
  | 'reset'
  | 'trickle'
  | 'huge'
  | 'empty'
  | 'wrong-type';

/** A custom answer, verbatim (validators are added as for any page; 304 only when status is 200). */
export interface RawPage {
  status?: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}
export type ShopAnswer = ShopMode | RawPage;

export interface ModeOptions {
  /** `Retry-After` for this answer: seconds, an HTTP date string, or a Date. 429 defaults to 120 s. */
  retryAfter?: number | string | Date;
  /** Hold the answer back this long. */
  delayMs?: number;
}

export const DEFAULT_RETRY_AFTER_S = 120;
export const SESSION_COOKIE = '_shop_session';
export const API_KEY_HEADER = 'x-api-key';

export interface ShopRequest {
  /** Date.now() when the request arrived. */
  at: number;
  host: string;
  method: string;
  /** Path and query, as sent. */
  path: string;
  pathname: string;
  /** 0 when no answer was sent (hang, reset). */
  status: number;
  /** The mode that answered ('raw' for a custom page, 'sign-in', 'asset', 'unknown-host'). */
  mode: string;
  /** The request carried If-None-Match. */
  conditional: boolean;
  /** The request carried If-Modified-Since. */
  ifModifiedSince: boolean;
  /** Answered 304. */
  notModified: boolean;
  /** The ETag of the representation answered (also on a 304), if any. */
  etag?: string;
  /** Request headers, names lower-case, values as sent (cookie and x-api-key included). */
  headers: Record<string, string>;
  /** A Cookie header was sent. */
  withCookie: boolean;
  /** The Cookie header carried a session cookie this simulator set. */
  withSession: boolean;
  /** spa.example: the Cookie header carried the _spa_session cookie GET /login set. */
  withSpaSession: boolean;
  /** This answer set a new session cookie. */
  setCookie: boolean;
  /** An X-Api-Key header was sent / it held the key asked for. */
  withApiKey: boolean;
  apiKeyValid: boolean;
  /** Response bytes handed to the TLS socket: status line, headers and body (chunk framing included). */
  bytes: number;
  /** Response body bytes (0 for 304/HEAD). */
  bodyBytes: number;
  /** Request bytes: request line, headers, blank line and body. */
  requestBytes: number;
}

export interface ShopSimOptions {
  port?: number;
  /** Extra or renamed hosts → kind, merged over DEFAULT_HOSTS (map a host to null to drop it). */
  hosts?: Record<string, ShopKind | null>;
  /** Require this X-Api-Key on the API host (401 without it). */
  apiKey?: string | null;
  /** SameSite of the session cookie; shops mostly send Lax. */
  cookieSameSite?: 'Lax' | 'Strict' | 'None';
  /** Gzip bodies over 1 KiB for clients that accept it (ETag gets a `-gz` suffix, Vary: Accept-Encoding). Off by default. */
  compress?: boolean;
}

export interface ShopSim {
  port: number;
  /** Host → kind. */
  hosts: Readonly<Record<string, ShopKind>>;
  /** Full URLs of SHOP_PATHS on the first host of each kind. */
  urls: Readonly<Record<ShopPage, string>>;
  /** The certificate (PEM; one SAN per host) and its SPKI hash for --ignore-certificate-errors-spki-list. */
  certificate: string;
  spki: string;
  /** The X-Api-Key the API host requires; null: none. */
  apiKey: string | null;
  /** Every request, oldest first. */
  log: ShopRequest[];
  /** How a page answers from now on; path '*' sets every path of the host (a page's own setting wins). */
  set(url: string, answer: ShopAnswer, options?: ModeOptions): void;
  set(host: string, path: string, answer: ShopAnswer, options?: ModeOptions): void;
  /** One-shot answers for the next requests to that page, used before its setting. */
  queue(host: string, path: string, ...answers: ShopAnswer[]): void;
  /** What the page would answer now (ignoring the queue). */
  mode(host: string, path: string): ShopAnswer;
  /** Requests to a host (or origin), a path (pathname, or path with query), at or after `since` (ms). */
  requests(filter?: { host?: string; path?: string; since?: number }): ShopRequest[];
  /** Smallest time in ms between two consecutive requests to that host (Infinity with fewer than two). */
  gaps(origin: string, filter?: (r: ShopRequest) => boolean): number;
  /** `MAP <host> 127.0.0.1:<port>` for every host, comma-separated: Chromium's --host-resolver-rules value. */
  hostResolverRules(): string;
  /**
   * `--host-resolver-rules` and `--ignore-certificate-errors-spki-list` for Chromium. Without the SPKI
   * pin Chromium never stores a response from a certificate it was told to ignore, so it never
   * revalidates and no 304 ever happens. Chromium reads each switch once (the last wins): pass the
   * other simulators' rules (e.g. `MAP chatgpt.com 127.0.0.1:<port>`) and pins here to combine them.
   */
  chromiumArgs(other?: { rules?: string[]; spki?: string[] }): string[];
  /** Host → port, for a CONNECT proxy (tests/sim/shop/proxy.ts). */
  proxyRoutes(): Record<string, number>;
  /** spa.example: how long its script waits before asking for the stock (ms). */
  spaDelayMs: number;
  /** Forgets requests, settings and queues; the API key goes back to the start option. Sessions and validators stay. */
  reset(): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Pages per kind.

const product = (over: Partial<Product> & Pick<Product, 'handle' | 'name' | 'sku' | 'price' | 'targetBytes'>): Product => ({
  store: 'Northwind Supply',
  brand: 'Northwind',
  currency: 'USD',
  category: 'Packs',
  colours: ['Forest Green', 'Slate', 'Ember'],
  ...over,
});

const KiB = 1024;
const PRODUCTS: Record<string, Product> = {
  [SHOP_PATHS.product]: product({
    handle: 'trailhead-40',
    name: 'Trailhead 40L Backpack',
    sku: 'TH40',
    price: '129.00',
    targetBytes: 200 * KiB,
  }),
  [SHOP_PATHS.second]: product({
    handle: 'summit-60',
    name: 'Summit 60L Expedition Pack',
    sku: 'SM60',
    price: '229.00',
    targetBytes: 96 * KiB,
  }),
  [SHOP_PATHS.big]: product({
    handle: 'basecamp-4-tent',
    name: 'Basecamp 4 Tent',
    sku: 'BC4',
    price: '449.00',
    category: 'Shelter',
    colours: ['Sand', 'Moss'],
    targetBytes: 1024 * KiB,
  }),
};
const WALL_PRODUCT = product({
  store: 'Ridgeline Outfitters',
  brand: 'Ridgeline',
  handle: 'trail-runner',
  name: 'Trail Runner GTX',
  sku: 'TRGTX',
  price: '149.00',
  category: 'Footwear',
  colours: ['Black', 'Glacier', 'Rust'],
  targetBytes: 80 * KiB,
});
const HUGE_BYTES = 5 * 1024 * KiB;

/** Any /products/<handle> on a shop or wall host is an ~80 KiB product page, so tests can watch many URLs on one origin. */
function productFor(kind: ShopKind, pathname: string): Product | null {
  if (kind === 'wall' && pathname === SHOP_PATHS.wall) return WALL_PRODUCT;
  if (kind === 'shop' && PRODUCTS[pathname]) return PRODUCTS[pathname];
  const handle = /^\/products\/([a-z0-9][a-z0-9-]{0,60})$/.exec(pathname)?.[1];
  if (!handle || (kind !== 'shop' && kind !== 'wall')) return null;
  const name = handle
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  return product({ handle, name, sku: handle.toUpperCase(), price: '59.00', targetBytes: 80 * KiB });
}

type Content =
  | { type: 'product'; product: Product }
  | { type: 'cn' }
  | { type: 'signup' }
  | { type: 'api' }
  | { type: 'shell' }
  | { type: 'spa' }
  | { type: 'home' };

function contentFor(kind: ShopKind, pathname: string): Content | null {
  switch (kind) {
    case 'shop':
    case 'wall': {
      if (pathname === '/') return { type: 'home' };
      const p = productFor(kind, pathname);
      return p ? { type: 'product', product: p } : null;
    }
    case 'shop-cn':
      return pathname === '/' ? { type: 'home' } : /^\/item\/\d+\.html$/.test(pathname) ? { type: 'cn' } : null;
    case 'signup':
      return pathname === SHOP_PATHS.signup ? { type: 'signup' } : pathname === '/' ? { type: 'home' } : null;
    case 'api':
      return /^\/v1\/products\/[a-z0-9-]+\/availability$/.test(pathname) ? { type: 'api' } : null;
    case 'shell':
      return { type: 'shell' }; // a single-page app answers its shell for every route
    case 'spa':
      return isSpaPage(pathname) ? { type: 'spa' } : pathname === '/' ? { type: 'home' } : null;
    case 'forbidden':
      return null;
  }
}

/** The answer when nothing was set: the page's content paused, or the host's own failure. */
function initialAnswer(kind: ShopKind, pathname: string): ShopMode {
  if (kind === 'forbidden') return 'status-403';
  const content = contentFor(kind, pathname);
  if (!content) return 'status-404';
  return content.type === 'shell' ? 'shell' : 'paused';
}

function render(
  content: Content,
  state: Availability,
  kind: ShopKind,
  host: string,
  pathname: string,
  hostLinks: string[],
  spaDelayMs: number,
): Body {
  switch (content.type) {
    case 'product':
      return { status: 200, contentType: HTML, body: productPage(content.product, host, pathname, state) };
    case 'cn':
      return { status: 200, contentType: HTML, body: chinesePage(state, host) };
    case 'signup':
      return { status: 200, contentType: HTML, body: signupPage(state) };
    case 'api':
      return { status: 200, contentType: JSON_TYPE, body: apiBody(state) };
    case 'shell':
      return { status: 200, contentType: HTML, body: shellPage() };
    case 'spa': {
      // The shell is the same whatever the stock: only its script's answer changes.
      const shell = spaShell(pathname, spaDelayMs);
      return { status: 200, contentType: HTML, body: shell.body, headers: shell.headers };
    }
    case 'home':
      return { status: 200, contentType: HTML, body: homePage(host, kind === 'shop' ? hostLinks : []) };
  }
}

const setsSession = (kind: ShopKind) => kind === 'shop' || kind === 'shop-cn' || kind === 'wall';

// ---------------------------------------------------------------------------------------------

interface Setting {
  answer: ShopAnswer;
  options: ModeOptions;
}

interface Meter {
  current: ShopRequest | null;
}

const SIMPLE_MODES = new Set(['paused', 'open', 'redirect-signin', 'shell', 'hang', 'reset', 'trickle', 'huge', 'empty', 'wrong-type']);

/** Whether a string names a mode this simulator can answer with. */
export function isShopMode(value: string): value is ShopMode {
  if (SIMPLE_MODES.has(value) || /^status-[2-5]\d\d$/.test(value)) return true;
  return value.startsWith('challenge-') && (WALLS as readonly string[]).includes(value.slice('challenge-'.length));
}

/** A typo in a test fails at `set`, not as a puzzling answer later. */
function checked(answer: ShopAnswer): ShopAnswer {
  if (typeof answer === 'string' && !isShopMode(answer)) throw new Error(`shop simulator: unknown mode ${answer}`);
  if (typeof answer !== 'string' && (typeof answer !== 'object' || answer === null || typeof answer.body !== 'string')) {
    throw new Error('shop simulator: a raw page needs a string body');
  }
  return answer;
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('base64url').slice(0, 27);

function parseEtags(header: string): string[] {
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .filter(Boolean);
}

/** `https://Shop.example:443/x` or `shop.example` → `shop.example`. */
const bareHost = (origin: string) =>
  origin
    .replace(/^https?:\/\//, '')
    .replace(/[:/].*$/, '')
    .toLowerCase();

function retryAfterValue(value: number | string | Date): string {
  if (value instanceof Date) return value.toUTCString();
  return String(value);
}

export async function startShopSim(options: ShopSimOptions = {}): Promise<ShopSim> {
  const hosts: Record<string, ShopKind> = {};
  for (const [host, kind] of Object.entries({ ...DEFAULT_HOSTS, ...options.hosts })) if (kind) hosts[host.toLowerCase()] = kind;
  const firstHost = (kind: ShopKind) => Object.keys(hosts).find((h) => hosts[h] === kind) ?? `${kind}.example`;
  const urls = Object.fromEntries(
    (Object.keys(SHOP_PATHS) as ShopPage[]).map((page) => [page, `https://${firstHost(PAGE_KIND[page])}${SHOP_PATHS[page]}`]),
  ) as Record<ShopPage, string>;
  const hostLinks = [SHOP_PATHS.product, SHOP_PATHS.second, SHOP_PATHS.big];

  const tls = makeCertificateFor(Object.keys(hosts));
  const x509 = new X509Certificate(tls.cert);
  const spki = createHash('sha256')
    .update(x509.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');

  const sockets = new Set<Duplex>();
  const timers = new Set<NodeJS.Timeout>();
  const meters = new WeakMap<Duplex, Meter>();
  const settings = new Map<string, Setting>();
  const queues = new Map<string, Setting[]>();
  const sessions = new Set<string>();
  /** Per page: the ETag of the body last served and when it first was (seconds). */
  const validators = new Map<string, { etag: string; lastModified: number }>();
  const gzipped = new Map<string, Buffer>();
  const sameSite = options.cookieSameSite ?? 'Lax';

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
    return timer;
  };

  const knownHost = (host: string) => {
    const h = host.toLowerCase();
    if (!hosts[h]) throw new Error(`shop simulator: unknown host ${host} (known: ${Object.keys(hosts).join(', ')})`);
    return h;
  };

  const pathnameOf = (path: string) => (path === '*' ? ' *' : new URL(path, 'https://x').pathname);
  const keyOf = (host: string, path: string) => `${knownHost(host)}${pathnameOf(path)}`;

  /** Queue, then the page's own setting, then (except on the sign-in page) the host's, then the default. */
  const resolve = (host: string, pathname: string): Setting & { label?: string } => {
    const key = `${host}${pathname}`;
    const queued = queues.get(key)?.shift();
    if (queued) return queued;
    const own = settings.get(key);
    if (own) return own;
    if (pathname === SHOP_PATHS.signIn) return { answer: { status: 200, body: signInPage(host) }, options: {}, label: 'sign-in' };
    return settings.get(`${host} *`) ?? { answer: initialAnswer(hosts[host] as ShopKind, pathname), options: {} };
  };

  const sim: ShopSim = {
    port: 0,
    hosts,
    urls,
    certificate: tls.cert,
    spki,
    apiKey: options.apiKey ?? null,
    log: [],
    set: ((a: string, b: ShopAnswer | string, c?: ShopAnswer | ModeOptions, d?: ModeOptions) => {
      if (/^https?:\/\//.test(a)) {
        const url = new URL(a);
        settings.set(keyOf(url.hostname, url.pathname), { answer: checked(b as ShopAnswer), options: (c as ModeOptions) ?? {} });
      } else {
        settings.set(keyOf(a, b as string), { answer: checked(c as ShopAnswer), options: d ?? {} });
      }
    }) as ShopSim['set'],
    queue: (host, path, ...answers) => {
      const key = keyOf(host, path);
      queues.set(key, [...(queues.get(key) ?? []), ...answers.map((answer) => ({ answer: checked(answer), options: {} }))]);
    },
    mode: (host, path) => {
      const h = knownHost(host);
      const pathname = pathnameOf(path);
      const own = settings.get(`${h}${pathname}`)?.answer;
      if (own) return own;
      if (pathname === SHOP_PATHS.signIn) return { status: 200, body: signInPage(h) };
      return settings.get(`${h} *`)?.answer ?? initialAnswer(hosts[h] as ShopKind, pathname);
    },
    requests: (filter = {}) =>
      sim.log.filter(
        (r) =>
          (filter.host === undefined || r.host === bareHost(filter.host)) &&
          (filter.path === undefined || r.pathname === filter.path || r.path === filter.path) &&
          (filter.since === undefined || r.at >= filter.since),
      ),
    gaps: (origin, filter) => {
      const host = bareHost(origin);
      const times = sim.log
        .filter((r) => r.host === host && (!filter || filter(r)))
        .map((r) => r.at)
        .sort((x, y) => x - y);
      let gap = Number.POSITIVE_INFINITY;
      for (let i = 1; i < times.length; i++) gap = Math.min(gap, (times[i] as number) - (times[i - 1] as number));
      return gap;
    },
    hostResolverRules: () =>
      Object.keys(hosts)
        .map((host) => `MAP ${host} 127.0.0.1:${sim.port}`)
        .join(','),
    chromiumArgs: (other = {}) => [
      `--host-resolver-rules=${[...(other.rules ?? []), sim.hostResolverRules()].join(',')}`,
      `--ignore-certificate-errors-spki-list=${[...(other.spki ?? []), spki].join(',')}`,
    ],
    proxyRoutes: () => Object.fromEntries(Object.keys(hosts).map((h) => [h, sim.port])),
    spaDelayMs: DEFAULT_SPA_DELAY_MS,
    reset: () => {
      sim.spaDelayMs = DEFAULT_SPA_DELAY_MS;
      sim.log.length = 0;
      settings.clear();
      queues.clear();
      sim.apiKey = options.apiKey ?? null;
    },
    close: () =>
      new Promise<void>((done) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => done());
        for (const socket of sockets) socket.destroy();
      }),
  };

  /** Counts what the HTTP layer writes to the TLS socket (plaintext) and books it on the request being answered. */
  const meterOf = (socket: Duplex): Meter => {
    const known = meters.get(socket);
    if (known) return known;
    const meter: Meter = { current: null };
    const write = socket.write;
    socket.write = function (this: Duplex, chunk: unknown, ...rest: unknown[]): boolean {
      if (meter.current) {
        const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8';
        meter.current.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : (chunk as Uint8Array).byteLength;
      }
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as Duplex['write'];
    meters.set(socket, meter);
    return meter;
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', 'https://sim.invalid');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const cookie = headers.cookie ?? '';
    const session = /(?:^|;\s*)_shop_session=([^;]*)/.exec(cookie)?.[1];
    const spaSession = new RegExp(`(?:^|;\\s*)${SPA_SESSION_COOKIE}=([^;]*)`).exec(cookie)?.[1];
    const kind = hosts[host];
    const apiKeyHeader = headers[API_KEY_HEADER];
    let requestBytes = Buffer.byteLength(`${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`) + 2;
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      requestBytes += Buffer.byteLength(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`);
    requestBytes += Number(headers['content-length'] ?? 0) || 0;
    const record: ShopRequest = {
      at: Date.now(),
      host,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      pathname: url.pathname,
      status: 0,
      mode: '',
      conditional: headers['if-none-match'] !== undefined,
      ifModifiedSince: headers['if-modified-since'] !== undefined,
      notModified: false,
      headers,
      withCookie: cookie !== '',
      withSession: session !== undefined && sessions.has(session),
      withSpaSession: spaSession !== undefined && sessions.has(spaSession),
      setCookie: false,
      withApiKey: apiKeyHeader !== undefined,
      apiKeyValid: sim.apiKey !== null && apiKeyHeader === sim.apiKey,
      bytes: 0,
      bodyBytes: 0,
      requestBytes,
    };
    sim.log.push(record);
    const meter = meterOf(req.socket);
    meter.current = record;
    const head = req.method === 'HEAD';

    /** Sends a page with validators, or 304 when the client already has it. */
    const send = (page: Body, extra: { session?: boolean; retryAfter?: ModeOptions['retryAfter']; validators?: boolean } = {}) => {
      if (res.destroyed) return;
      meter.current = record;
      const out: Record<string, string | string[]> = { server: 'nginx', 'x-content-type-options': 'nosniff' };
      let body: Buffer = Buffer.from(page.body, 'utf8');
      const withValidators = extra.validators !== false && (page.contentType.includes('html') || page.contentType.includes('json'));
      if (withValidators) {
        const identity = `"${sha(body)}"`;
        const key = `${host}${url.pathname}`;
        let v = validators.get(key);
        if (v?.etag !== identity) {
          // A new body: first served now, and strictly later than the one it replaces.
          v = { etag: identity, lastModified: Math.max(Math.floor(Date.now() / 1000), (v?.lastModified ?? 0) + 1) };
          validators.set(key, v);
        }
        let etag = identity;
        const gzip = options.compress && body.length > 1024 && /\bgzip\b/.test(headers['accept-encoding'] ?? '');
        if (options.compress) out.vary = 'Accept-Encoding';
        if (gzip) {
          let packed = gzipped.get(identity);
          if (!packed) {
            packed = gzipSync(body);
            gzipped.set(identity, packed);
          }
          body = packed;
          etag = `"${identity.slice(1, -1)}-gz"`;
          out['content-encoding'] = 'gzip';
        }
        out.etag = etag;
        out['last-modified'] = new Date(v.lastModified * 1000).toUTCString();
        out['cache-control'] = 'no-cache';
        record.etag = etag;
        if (page.status === 200 && (req.method === 'GET' || head)) {
          const inm = headers['if-none-match'];
          const ims = headers['if-modified-since'];
          const fresh =
            inm !== undefined
              ? parseEtags(inm).some((t) => t === '*' || t === identity || t === `"${identity.slice(1, -1)}-gz"`)
              : ims !== undefined && !Number.isNaN(Date.parse(ims)) && v.lastModified <= Math.floor(Date.parse(ims) / 1000);
          if (fresh) {
            const keep: Record<string, string | string[]> = { server: out.server as string, etag, 'last-modified': out['last-modified'] };
            keep['cache-control'] = 'no-cache';
            if (out.vary) keep.vary = out.vary;
            if (extra.session) keep['set-cookie'] = newSession();
            record.status = 304;
            record.notModified = true;
            res.writeHead(304, keep);
            res.end();
            return;
          }
        }
      }
      out['content-type'] = page.contentType;
      out['content-length'] = String(body.length);
      if (extra.retryAfter !== undefined) out['retry-after'] = retryAfterValue(extra.retryAfter);
      const cookies: string[] = [];
      if (page.headers) {
        for (const [k, value] of Object.entries(page.headers)) {
          if (k.toLowerCase() === 'set-cookie') cookies.push(value);
          else out[k.toLowerCase()] = value;
        }
      }
      if (extra.session) cookies.push(newSession());
      if (cookies.length) out['set-cookie'] = cookies;
      record.status = page.status;
      record.bodyBytes = head ? 0 : body.length;
      res.writeHead(page.status, out);
      res.end(head ? undefined : body);
    };
    const newSession = () => {
      const id = randomBytes(16).toString('hex');
      sessions.add(id);
      record.setCookie = true;
      return `${SESSION_COOKIE}=${id}; Path=/; Max-Age=1209600; Secure; HttpOnly; SameSite=${sameSite}`;
    };

    /** spa.example's script, its stock endpoint and its sign-in; false for its pages. */
    function answerSpaAsset(): boolean {
      const plain = { validators: false } as const;
      if (url.pathname === SPA_SCRIPT) {
        record.mode = 'asset';
        send({ status: 200, contentType: 'application/javascript; charset=utf-8', body: SPA_APP }, plain);
        return true;
      }
      if (url.pathname === SPA_NEVER_SCRIPT) {
        record.mode = 'hang';
        return true; // never answered; close() ends the socket
      }
      if (url.pathname === SPA_STOCK) {
        record.mode = 'stock';
        const page = url.searchParams.get('page') ?? '';
        const state = sim.mode(host, page) === 'open' ? 'open' : 'paused';
        const signedIn = !needsSession(page) || record.withSpaSession;
        send({ status: 200, contentType: JSON_TYPE, body: spaStock(state, signedIn), headers: { 'cache-control': 'no-store' } }, plain);
        return true;
      }
      if (url.pathname === SPA_LOGIN) {
        record.mode = 'sign-in';
        const id = randomBytes(16).toString('hex');
        sessions.add(id);
        record.setCookie = true;
        const cookie = `${SPA_SESSION_COOKIE}=${id}; Path=/; Max-Age=1209600; Secure; HttpOnly; SameSite=Lax`;
        send(
          {
            status: 200,
            contentType: HTML,
            body: '<!doctype html><title>Signed in</title><p>Signed in.</p>',
            headers: { 'set-cookie': cookie },
          },
          plain,
        );
        return true;
      }
      return false;
    }

    if (!kind) {
      record.mode = 'unknown-host';
      return send(
        { status: 421, contentType: 'text/plain; charset=utf-8', body: 'no simulated shop for this host\n' },
        { validators: false },
      );
    }
    if (kind === 'shell' && url.pathname === SHELL_SCRIPT) {
      record.mode = 'asset';
      const state = sim.mode(host, SHOP_PATHS.shell) === 'open' ? 'open' : 'paused';
      return send({ status: 200, contentType: 'application/javascript; charset=utf-8', body: shellScript(state) }, { validators: false });
    }

    if (kind === 'spa' && answerSpaAsset()) return;

    const { answer, options: opts, label } = resolve(host, url.pathname);
    record.mode = typeof answer === 'string' ? answer : (label ?? 'raw');
    const answerNow = () => {
      if (typeof answer !== 'string') {
        return send(
          { status: answer.status ?? 200, contentType: answer.contentType ?? HTML, body: answer.body, headers: answer.headers ?? {} },
          { retryAfter: opts.retryAfter },
        );
      }
      const content = contentFor(kind, url.pathname);
      const json = kind === 'api';
      const status = /^status-(\d{3})$/.exec(answer);
      if (status) {
        const code = Number(status[1]);
        const retryAfter = opts.retryAfter ?? (code === 429 ? DEFAULT_RETRY_AFTER_S : undefined);
        return send(statusPage(code, host, json), { retryAfter });
      }
      if (answer.startsWith('challenge-')) return send(wallPage(answer.slice('challenge-'.length) as Wall, host, url.pathname));
      switch (answer) {
        case 'paused':
        case 'open': {
          if (!content) return send(statusPage(404, host, json));
          if (json && sim.apiKey !== null && !record.apiKeyValid) {
            return send(statusPage(401, host, true), { validators: true, retryAfter: opts.retryAfter });
          }
          const page = render(content, answer, kind, host, url.pathname, hostLinks, sim.spaDelayMs);
          return send(page, { session: setsSession(kind) && content.type !== 'home' && !record.withSession, retryAfter: opts.retryAfter });
        }
        case 'shell':
          return send({ status: 200, contentType: HTML, body: shellPage() });
        case 'redirect-signin': {
          record.status = 302;
          const location = `${SHOP_PATHS.signIn}?return=${encodeURIComponent(record.path)}`;
          res.writeHead(302, { server: 'nginx', location, 'content-type': HTML, 'content-length': '0', 'cache-control': 'no-cache' });
          res.end();
          return;
        }
        case 'hang':
          return; // headers never come; close() ends the socket
        case 'reset':
          req.socket.destroy();
          return;
        case 'empty':
          return send({ status: 200, contentType: json ? JSON_TYPE : HTML, body: '' });
        case 'wrong-type':
          return send(
            json
              ? { status: 200, contentType: HTML, body: homePage(host, []) }
              : { status: 200, contentType: JSON_TYPE, body: '{"ok":true,"page":"moved to the app"}' },
          );
        case 'huge': {
          const big = { ...(productFor('shop', SHOP_PATHS.product) as Product), targetBytes: HUGE_BYTES };
          return send({ status: 200, contentType: HTML, body: productPage(big, host, url.pathname, 'paused') });
        }
        case 'trickle': {
          record.status = 200;
          res.writeHead(200, { server: 'nginx', 'content-type': HTML, 'cache-control': 'no-cache' });
          res.write('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loading…</title></head><body>');
          const tick = setInterval(() => {
            meter.current = record;
            res.write(' ');
          }, 250);
          const stop = () => clearInterval(tick);
          res.on('close', stop);
          req.on('close', stop);
          timers.add(tick);
          return;
        }
        default:
          return send(statusPage(500, host, json));
      }
    };
    const safely = () => {
      try {
        answerNow();
      } catch (error) {
        // A bug here must show up as a 500 in the log, not as a crashed test process.
        record.mode = `${record.mode} (threw: ${(error as Error).message})`;
        if (!res.headersSent && !res.destroyed)
          send({ status: 500, contentType: 'text/plain; charset=utf-8', body: 'shop simulator error\n' }, { validators: false });
      }
    };
    if (opts.delayMs) later(opts.delayMs, safely);
    else safely();
  };

  const server = createServer(tls, handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  sim.port = (server.address() as { port: number }).port;
  return sim;
}
