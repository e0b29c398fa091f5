// Self-test of the shop simulator: every host and mode through Node's https client, a 304 round
// trip, and the wire bytes of a 200 KiB page against its 304 counted by a raw TLS client and
// compared with what the simulator recorded. Prints a compact table; exits 1 on any failure.
//
//   node --import tsx tests/sim/shop/self-test.ts              # the simulator alone
//   node --import tsx tests/sim/shop/self-test.ts --browsers   # also: do Chromium / Firefox revalidate to 304 against it?
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { startHostProxy } from './proxy';
import { type ShopRequest, type ShopSim, startShopSim } from './server';

interface Got {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  bodyBytes: number;
}

function get(
  sim: ShopSim,
  host: string,
  path: string,
  init: { headers?: Record<string, string>; method?: string; timeoutMs?: number; via?: number } = {},
): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: sim.port,
        method: init.method ?? 'GET',
        path,
        servername: host,
        rejectUnauthorized: false,
        agent: false,
        headers: { host, 'user-agent': 'shop-self-test', ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: buf.toString('utf8'), bodyBytes: buf.length });
        });
        res.on('error', reject);
      },
    );
    if (init.timeoutMs) {
      const timer = setTimeout(() => req.destroy(new Error('timeout')), init.timeoutMs);
      req.on('close', () => clearTimeout(timer));
    }
    req.on('error', reject);
    req.end();
  });
}

/** A hand-written HTTP/1.1 request over TLS; counts every plaintext byte the server sent back. */
function rawGet(
  sim: ShopSim,
  host: string,
  path: string,
  extra: Record<string, string> = {},
): Promise<{ sent: number; received: number; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port: sim.port, servername: host, rejectUnauthorized: false }, () => {
      const lines = [
        `GET ${path} HTTP/1.1`,
        `Host: ${host}`,
        'User-Agent: shop-self-test',
        'Accept: text/html',
        ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`),
      ];
      const text = `${[...lines, 'Connection: close'].join('\r\n')}\r\n\r\n`;
      socket.write(text);
      sentBytes = Buffer.byteLength(text);
    });
    let sentBytes = 0;
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve({ sent: sentBytes, received: all.length, head: all.subarray(0, all.indexOf('\r\n\r\n')).toString('latin1') });
    });
    socket.on('error', reject);
  });
}

const rows: string[][] = [];
let failures = 0;
const last = (sim: ShopSim): ShopRequest => sim.log[sim.log.length - 1] as ShopRequest;
const kib = (n: number) => (n >= 10 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);

let reader: ((body: string, rule: unknown, res: Record<string, unknown>) => string) | null = null;
async function loadReader(): Promise<string> {
  // Best effort: the page readers belong to the extension and may be mid-change; the simulator does not need them.
  try {
    const readPagePath = new URL('../../../src/core/kinds/page/read/read-page.ts', import.meta.url).href;
    const jsonPath = new URL('../../../src/core/kinds/json/read/json-rule.ts', import.meta.url).href;
    const [{ readPage }, { readJsonResponse }, { JSDOM }] = await Promise.all([import(readPagePath), import(jsonPath), import('jsdom')]);
    const { window } = new JSDOM('');
    reader = (body, rule: any, res) => {
      const response = { url: 'https://sim.invalid/', bodyText: body, ...res };
      const r =
        rule?.type === 'json'
          ? readJsonResponse(response, rule)
          : readPage(body ? new window.DOMParser().parseFromString(body, 'text/html') : null, rule ?? { type: 'auto' }, response);
      return `${r.kind} ${r.reason}`;
    };
    return 'reads-as: src/core/kinds readers over jsdom';
  } catch (error) {
    return `reads-as: readers unavailable (${(error as Error).message.split('\n')[0]})`;
  }
}

async function check(name: string, fn: () => Promise<{ row: string[]; reads?: string }>): Promise<void> {
  if (process.env.SHOP_SELF_TEST_DEBUG) console.error(`… ${name}`);
  try {
    const { row, reads } = await fn();
    rows.push(['ok', name, ...row, reads ?? '']);
  } catch (error) {
    failures++;
    rows.push(['FAIL', name, (error as Error).message.split('\n')[0] ?? '', '', '', '', '']);
  }
}

function readsAs(got: Got, url: string, rule: unknown = { type: 'auto' }): string | undefined {
  if (!reader) return undefined;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(got.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
  try {
    return reader(got.body, rule, { status: got.status, url, headers });
  } catch (error) {
    return `reader threw: ${(error as Error).message}`;
  }
}

async function main(): Promise<void> {
  const sim = await startShopSim();
  const readerNote = await loadReader();
  const P = sim.urls;
  const pathOf = (url: string) => new URL(url).pathname;
  const hostOf = (url: string) => new URL(url).hostname;

  // --- shop.example: the 200 KiB product page, its validators, cookies and a 304 round trip.
  let etagPaused = '';
  let lmPaused = '';
  let cookie = '';
  await check('product, first visit', async () => {
    const r = await get(sim, 'shop.example', pathOf(P.product));
    assert.equal(r.status, 200);
    assert.match(r.body, /"availability": "https:\/\/schema.org\/OutOfStock"/);
    assert.ok(r.bodyBytes > 195 * 1024 && r.bodyBytes < 215 * 1024, `size ${r.bodyBytes}`);
    assert.match(String(r.headers.etag), /^"[\w-]{27}"$/);
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.ok(r.headers['last-modified']);
    const setCookie = r.headers['set-cookie']?.[0] ?? '';
    assert.match(setCookie, /^_shop_session=\w+; Path=\/; Max-Age=\d+; Secure; HttpOnly; SameSite=Lax$/);
    etagPaused = String(r.headers.etag);
    lmPaused = String(r.headers['last-modified']);
    cookie = setCookie.split(';')[0] ?? '';
    const rec = last(sim);
    assert.ok(rec.setCookie && !rec.withCookie && !rec.conditional);
    return {
      row: ['shop.example', pathOf(P.product), 'paused', String(r.status), kib(rec.bytes), 'ETag, Set-Cookie'],
      reads: readsAs(r, P.product),
    };
  });
  await check('product, If-None-Match', async () => {
    const r = await get(sim, 'shop.example', pathOf(P.product), { headers: { 'if-none-match': etagPaused, cookie } });
    assert.equal(r.status, 304);
    assert.equal(r.bodyBytes, 0);
    assert.equal(r.headers.etag, etagPaused);
    assert.equal(r.headers['last-modified'], lmPaused);
    assert.equal(r.headers['set-cookie'], undefined);
    const rec = last(sim);
    assert.ok(rec.conditional && rec.notModified && rec.withSession && !rec.setCookie);
    return { row: ['shop.example', pathOf(P.product), 'paused', '304', kib(rec.bytes), 'cookie carried, no body'] };
  });
  await check('product, If-Modified-Since', async () => {
    const r = await get(sim, 'shop.example', pathOf(P.product), { headers: { 'if-modified-since': lmPaused, cookie } });
    assert.equal(r.status, 304);
    const older = new Date(Date.parse(lmPaused) - 1000).toUTCString();
    const r2 = await get(sim, 'shop.example', pathOf(P.product), { headers: { 'if-modified-since': older, cookie } });
    assert.equal(r2.status, 200);
    return { row: ['shop.example', pathOf(P.product), 'paused', '304/200', kib(last(sim).bytes), 'IMS equal → 304, older → 200'] };
  });
  await check('product flips to open', async () => {
    sim.set('shop.example', pathOf(P.product), 'open');
    const r = await get(sim, 'shop.example', pathOf(P.product), {
      headers: { 'if-none-match': etagPaused, 'if-modified-since': lmPaused, cookie },
    });
    assert.equal(r.status, 200);
    assert.match(r.body, /"availability": "https:\/\/schema.org\/InStock"/);
    assert.notEqual(r.headers.etag, etagPaused);
    assert.ok(Date.parse(String(r.headers['last-modified'])) > Date.parse(lmPaused), 'Last-Modified moves on');
    const again = await get(sim, 'shop.example', pathOf(P.product), { headers: { 'if-none-match': String(r.headers.etag), cookie } });
    assert.equal(again.status, 304);
    sim.set(P.product, 'paused'); // URL form
    const back = await get(sim, 'shop.example', pathOf(P.product), { headers: { 'if-none-match': String(r.headers.etag), cookie } });
    assert.equal(back.status, 200);
    assert.equal(back.headers.etag, etagPaused, 'same body, same ETag');
    assert.ok(
      Date.parse(String(back.headers['last-modified'])) > Date.parse(String(r.headers['last-modified'])),
      'flip back is a change too',
    );
    return {
      row: [
        'shop.example',
        pathOf(P.product),
        'open',
        '200',
        kib(sim.log[sim.log.length - 3]?.bytes ?? 0),
        'new ETag; back to paused = old ETag',
      ],
      reads: readsAs(r, P.product),
    };
  });

  // Wire bytes: a raw client counts what arrives; the simulator's count must agree exactly.
  let full = 0;
  let notModified = 0;
  let fullReq = 0;
  let nmReq = 0;
  await check('wire bytes: full vs 304', async () => {
    const a = await rawGet(sim, 'shop.example', pathOf(P.product), { Cookie: cookie });
    const recA = last(sim);
    assert.equal(recA.bytes, a.received, 'full: recorded = received');
    assert.equal(recA.requestBytes, a.sent, 'full: request bytes');
    const b = await rawGet(sim, 'shop.example', pathOf(P.product), {
      Cookie: cookie,
      'If-None-Match': etagPaused,
      'If-Modified-Since': lmPaused,
    });
    const recB = last(sim);
    assert.match(b.head, /^HTTP\/1.1 304 Not Modified/);
    assert.equal(recB.bytes, b.received, '304: recorded = received');
    assert.equal(recB.requestBytes, b.sent, '304: request bytes');
    full = a.received;
    notModified = b.received;
    fullReq = a.sent;
    nmReq = b.sent;
    assert.ok(notModified <= 2048, `304 is ${notModified} B`);
    assert.ok(full / notModified >= 50, `ratio ${full / notModified}`);
    return {
      row: ['shop.example', pathOf(P.product), 'paused', '200/304', `${full}/${notModified} B`, `ratio ${(full / notModified).toFixed(0)}`],
    };
  });

  await check('second product page', async () => {
    const r = await get(sim, 'shop.example', pathOf(P.second));
    assert.equal(r.status, 200);
    assert.match(r.body, /Summit 60L/);
    assert.ok(r.bodyBytes > 90 * 1024 && r.bodyBytes < 110 * 1024);
    return { row: ['shop.example', pathOf(P.second), 'paused', '200', kib(last(sim).bytes), ''], reads: readsAs(r, P.second) };
  });
  await check('1 MiB product page', async () => {
    sim.set(P.big, 'open');
    const r = await get(sim, 'shop.example', pathOf(P.big));
    assert.equal(r.status, 200);
    assert.ok(r.bodyBytes > 1000 * 1024 && r.bodyBytes < 1060 * 1024, `size ${r.bodyBytes}`);
    return { row: ['shop.example', pathOf(P.big), 'open', '200', kib(last(sim).bytes), ''], reads: readsAs(r, P.big) };
  });
  await check('any /products/<handle>', async () => {
    const r = await get(sim, 'shop.example', '/products/watch-07');
    assert.equal(r.status, 200);
    assert.match(r.body, /Watch 07/);
    const miss = await get(sim, 'shop.example', '/collections/none');
    assert.equal(miss.status, 404);
    return {
      row: ['shop.example', '/products/watch-07', 'paused', '200', kib(r.bodyBytes), 'other paths 404'],
      reads: readsAs(r, 'https://shop.example/products/watch-07'),
    };
  });

  // --- shop-cn.example
  for (const state of ['paused', 'open'] as const) {
    await check(`chinese page ${state}`, async () => {
      sim.set(P.cn, state);
      const r = await get(sim, hostOf(P.cn), pathOf(P.cn));
      assert.equal(r.status, 200);
      assert.doesNotMatch(r.body, /ld\+json|itemprop|og:availability|product:availability/);
      if (state === 'paused') assert.ok(r.body.includes('售罄') && r.body.includes('到货通知') && !r.body.includes('加入购物车'));
      else assert.ok(r.body.includes('加入购物车') && r.body.includes('立即购买') && !r.body.includes('售罄'));
      return {
        row: [hostOf(P.cn), pathOf(P.cn), state, '200', kib(last(sim).bytes), state === 'paused' ? '售罄 到货通知' : '加入购物车 立即购买'],
        reads: readsAs(r, P.cn),
      };
    });
  }

  // --- signup.example
  const textRule = { type: 'text', selector: '#status-banner', pausedWhen: ['temporarily paused'], mustShow: 'Create your account' };
  for (const state of ['paused', 'open'] as const) {
    await check(`signup banner ${state}`, async () => {
      sim.set(P.signup, state);
      const r = await get(sim, hostOf(P.signup), pathOf(P.signup));
      assert.equal(r.status, 200);
      const banner = /<div id="status-banner"[^>]*>([\s\S]*?)<\/div>\n/.exec(r.body)?.[1] ?? 'missing';
      if (state === 'paused') assert.match(banner, /Sign-ups are temporarily paused/);
      else assert.equal(banner, '');
      assert.match(r.body, /Create your account/);
      return {
        row: [hostOf(P.signup), pathOf(P.signup), state, '200', kib(last(sim).bytes), 'text rule on #status-banner'],
        reads: readsAs(r, P.signup, textRule),
      };
    });
  }

  // --- api.example
  const jsonRule = { type: 'json', pointer: '/data/available', test: 'truthy' };
  await check('api paused/open', async () => {
    const a = await get(sim, hostOf(P.api), pathOf(P.api));
    assert.equal(a.status, 200);
    assert.match(String(a.headers['content-type']), /^application\/json/);
    const da = JSON.parse(a.body).data;
    assert.equal(da.available, false);
    assert.equal(da.stock, 0);
    const etag = String(a.headers.etag);
    sim.set(P.api, 'open');
    const b = await get(sim, hostOf(P.api), pathOf(P.api), { headers: { 'if-none-match': etag } });
    const db = JSON.parse(b.body).data;
    assert.equal(db.available, true);
    assert.equal(db.stock, 3);
    const c = await get(sim, hostOf(P.api), pathOf(P.api), { headers: { 'if-none-match': String(b.headers.etag) } });
    assert.equal(c.status, 304);
    return {
      row: [hostOf(P.api), pathOf(P.api), 'paused→open', '200/200/304', kib(a.bodyBytes), 'false/0 → true/3'],
      reads: readsAs(b, P.api, jsonRule),
    };
  });
  await check('api key', async () => {
    sim.apiKey = 'sim-key-123';
    const none = await get(sim, hostOf(P.api), pathOf(P.api));
    assert.equal(none.status, 401);
    assert.ok(!last(sim).withApiKey);
    const wrong = await get(sim, hostOf(P.api), pathOf(P.api), { headers: { 'x-api-key': 'nope' } });
    assert.equal(wrong.status, 401);
    assert.ok(last(sim).withApiKey && !last(sim).apiKeyValid);
    const right = await get(sim, hostOf(P.api), pathOf(P.api), { headers: { 'x-api-key': 'sim-key-123' } });
    assert.equal(right.status, 200);
    assert.ok(last(sim).apiKeyValid);
    assert.equal(last(sim).headers['x-api-key'], 'sim-key-123');
    sim.apiKey = null;
    return {
      row: [hostOf(P.api), pathOf(P.api), 'apiKey', '401/401/200', kib(none.bodyBytes), 'none / wrong / right'],
      reads: readsAs(none, P.api, jsonRule),
    };
  });

  // --- wall.example: a product page, then each bot wall.
  await check('wall product page', async () => {
    const r = await get(sim, hostOf(P.wall), pathOf(P.wall));
    assert.equal(r.status, 200);
    assert.ok(r.headers['set-cookie']);
    return { row: [hostOf(P.wall), pathOf(P.wall), 'paused', '200', kib(last(sim).bytes), ''], reads: readsAs(r, P.wall) };
  });
  const markers: Record<string, RegExp> = {
    'challenge-cloudflare': /_cf_chl_opt/,
    'challenge-cloudflare-blocked': /Sorry, you have been blocked/,
    'challenge-datadome': /captcha-delivery\.com/,
    'challenge-perimeterx': /px-captcha/,
    'challenge-akamai': /Reference&#32;&#35;/,
    'challenge-verify-human': /verify you are human/,
  };
  for (const [mode, marker] of Object.entries(markers)) {
    await check(mode, async () => {
      sim.set(P.wall, mode as 'challenge-cloudflare');
      const r = await get(sim, hostOf(P.wall), pathOf(P.wall));
      assert.equal(r.status, mode === 'challenge-verify-human' ? 200 : 403);
      assert.match(r.body, marker);
      if (mode === 'challenge-cloudflare') assert.equal(r.headers['cf-mitigated'], 'challenge');
      return { row: [hostOf(P.wall), pathOf(P.wall), mode, String(r.status), kib(last(sim).bytes), ''], reads: readsAs(r, P.wall) };
    });
  }

  // --- forbidden.example, shell.example
  await check('forbidden', async () => {
    const r = await get(sim, hostOf(P.forbidden), pathOf(P.forbidden));
    const r2 = await get(sim, hostOf(P.forbidden), '/');
    assert.equal(r.status, 403);
    assert.equal(r2.status, 403);
    assert.match(r.body, /<title>403 Forbidden<\/title>/);
    return {
      row: [hostOf(P.forbidden), `${pathOf(P.forbidden)}, /`, 'status-403', '403', kib(last(sim).bytes), 'every path'],
      reads: readsAs(r, P.forbidden),
    };
  });
  await check('shell', async () => {
    const r = await get(sim, hostOf(P.shell), pathOf(P.shell));
    assert.equal(r.status, 200);
    assert.match(r.body, /<div id="root"><\/div>/);
    const src = /<script defer="defer" src="([^"]+)"/.exec(r.body)?.[1] ?? '';
    const js = await get(sim, hostOf(P.shell), src);
    assert.equal(js.status, 200);
    assert.match(String(js.headers['content-type']), /javascript/);
    return {
      row: [hostOf(P.shell), pathOf(P.shell), 'shell', '200', kib(last(sim).bytes), `script ${src} 200`],
      reads: readsAs(r, P.shell),
    };
  });

  // --- Modes on any page.
  await check('redirect-signin', async () => {
    sim.set('shop.example', pathOf(P.second), 'redirect-signin');
    const r = await get(sim, 'shop.example', `${pathOf(P.second)}?variant=2`);
    assert.equal(r.status, 302);
    assert.equal(r.headers.location, `/account/login?return=${encodeURIComponent(`${pathOf(P.second)}?variant=2`)}`);
    const login = await get(sim, 'shop.example', String(r.headers.location));
    assert.equal(login.status, 200);
    assert.equal(last(sim).mode, 'sign-in');
    return {
      row: [
        'shop.example',
        pathOf(P.second),
        'redirect-signin',
        '302→200',
        kib(sim.log[sim.log.length - 2]?.bytes ?? 0),
        String(r.headers.location),
      ],
      reads: readsAs(r, P.second),
    };
  });
  for (const [status, retryAfter] of [
    [401, undefined],
    [404, undefined],
    [410, undefined],
    [429, undefined],
    [429, 30],
    [500, undefined],
    [502, undefined],
    [503, new Date(Date.now() + 600_000)],
  ] as const) {
    await check(`status-${status}${retryAfter ? ' +Retry-After' : ''}`, async () => {
      sim.set('shop.example', pathOf(P.second), `status-${status}`, retryAfter === undefined ? {} : { retryAfter });
      const r = await get(sim, 'shop.example', pathOf(P.second));
      assert.equal(r.status, status);
      const expected =
        retryAfter instanceof Date
          ? retryAfter.toUTCString()
          : retryAfter !== undefined
            ? String(retryAfter)
            : status === 429
              ? '120'
              : undefined;
      assert.equal(r.headers['retry-after'], expected);
      return {
        row: [
          'shop.example',
          pathOf(P.second),
          `status-${status}`,
          String(r.status),
          kib(last(sim).bytes),
          expected ? `Retry-After: ${expected}` : '',
        ],
        reads: readsAs(r, P.second),
      };
    });
  }
  await check('api status-503 is JSON', async () => {
    sim.set(P.api, 'status-503');
    const r = await get(sim, hostOf(P.api), pathOf(P.api));
    assert.equal(r.status, 503);
    assert.equal(JSON.parse(r.body).error.status, 503);
    return {
      row: [hostOf(P.api), pathOf(P.api), 'status-503', '503', kib(last(sim).bytes), 'JSON error'],
      reads: readsAs(r, P.api, jsonRule),
    };
  });
  await check('hang', async () => {
    sim.set('shop.example', pathOf(P.second), 'hang');
    const t = Date.now();
    await assert.rejects(get(sim, 'shop.example', pathOf(P.second), { timeoutMs: 300 }), /timeout/);
    assert.equal(last(sim).status, 0);
    return { row: ['shop.example', pathOf(P.second), 'hang', '—', '0 B', `no answer in ${Date.now() - t} ms`] };
  });
  await check('reset', async () => {
    sim.set('shop.example', pathOf(P.second), 'reset');
    await assert.rejects(get(sim, 'shop.example', pathOf(P.second)), /socket hang up|ECONNRESET/);
    return { row: ['shop.example', pathOf(P.second), 'reset', '—', '0 B', 'connection dropped'] };
  });
  await check('trickle', async () => {
    sim.set('shop.example', pathOf(P.second), 'trickle');
    await assert.rejects(get(sim, 'shop.example', pathOf(P.second), { timeoutMs: 700 }), /timeout/);
    const rec = last(sim);
    assert.equal(rec.status, 200);
    assert.ok(rec.bytes > 100);
    return { row: ['shop.example', pathOf(P.second), 'trickle', '200', kib(rec.bytes), 'body never ends'] };
  });
  await check('huge', async () => {
    sim.set('shop.example', pathOf(P.second), 'huge');
    const r = await get(sim, 'shop.example', pathOf(P.second));
    assert.ok(r.bodyBytes > 5 * 1024 * 1024 - 4096, `size ${r.bodyBytes}`);
    return { row: ['shop.example', pathOf(P.second), 'huge', String(r.status), kib(last(sim).bytes), 'over the 4 MiB cap'] };
  });
  await check('empty / wrong-type / shell on a product', async () => {
    sim.set('shop.example', pathOf(P.second), 'empty');
    const e = await get(sim, 'shop.example', pathOf(P.second));
    assert.equal(e.bodyBytes, 0);
    sim.set('shop.example', pathOf(P.second), 'wrong-type');
    const w = await get(sim, 'shop.example', pathOf(P.second));
    assert.match(String(w.headers['content-type']), /json/);
    sim.set(P.api, 'wrong-type');
    const wa = await get(sim, hostOf(P.api), pathOf(P.api));
    assert.match(String(wa.headers['content-type']), /html/);
    sim.set('shop.example', pathOf(P.second), 'shell');
    const s = await get(sim, 'shop.example', pathOf(P.second));
    assert.match(s.body, /<div id="root"><\/div>/);
    return {
      row: ['shop.example', pathOf(P.second), 'empty,wrong-type,shell', '200', '', ''],
      reads: [readsAs(e, P.second), readsAs(w, P.second), readsAs(s, P.second)].filter(Boolean).join(' | '),
    };
  });
  await check('raw page, queue, delay, HEAD, host-wide', async () => {
    sim.set('shop.example', '/custom', { body: '<!doctype html><p>Hello</p>', headers: { 'x-custom': '1' } });
    const raw = await get(sim, 'shop.example', '/custom');
    assert.equal(raw.status, 200);
    assert.equal(raw.headers['x-custom'], '1');
    assert.ok(raw.headers.etag);
    sim.set(P.second, 'paused');
    sim.queue('shop.example', pathOf(P.second), 'open', 'status-500');
    const q = [
      await get(sim, 'shop.example', pathOf(P.second)),
      await get(sim, 'shop.example', pathOf(P.second)),
      await get(sim, 'shop.example', pathOf(P.second)),
    ];
    assert.deepEqual(
      q.map((x) => x.status),
      [200, 500, 200],
    );
    assert.match(q[0]?.body ?? '', /InStock/);
    assert.match(q[2]?.body ?? '', /OutOfStock/);
    sim.set(P.second, 'paused', { delayMs: 200 });
    const t = Date.now();
    await get(sim, 'shop.example', pathOf(P.second));
    assert.ok(Date.now() - t >= 190);
    const head = await get(sim, 'shop.example', pathOf(P.second), { method: 'HEAD' });
    assert.equal(head.bodyBytes, 0);
    assert.ok(Number(head.headers['content-length']) > 90 * 1024);
    sim.set('shop.example', '*', 'status-503');
    assert.equal((await get(sim, 'shop.example', '/products/anything')).status, 503);
    assert.equal((await get(sim, 'shop.example', pathOf(P.second))).status, 200, 'a page setting beats the host-wide one');
    assert.equal((await get(sim, 'shop.example', '/account/login')).status, 200, 'the sign-in page ignores the host-wide one');
    return { row: ['shop.example', '/custom, …', 'raw, queue, delayMs, HEAD, *', 'ok', '', 'open,500 then paused; delay 200 ms'] };
  });
  await check('unknown host', async () => {
    const r = await get(sim, 'elsewhere.example', '/');
    assert.equal(r.status, 421);
    return { row: ['elsewhere.example', '/', '—', '421', kib(last(sim).bytes), ''] };
  });

  // --- Helpers.
  await check('gaps, requests, reset', async () => {
    sim.reset();
    assert.equal(sim.log.length, 0);
    assert.equal(sim.mode('shop.example', pathOf(P.product)), 'paused');
    await get(sim, 'wall.example', pathOf(P.wall));
    await new Promise((r) => setTimeout(r, 120));
    await get(sim, 'wall.example', pathOf(P.wall));
    await new Promise((r) => setTimeout(r, 60));
    await get(sim, 'shop.example', pathOf(P.product));
    await new Promise((r) => setTimeout(r, 40));
    await get(sim, 'wall.example', '/');
    const gap = sim.gaps('https://wall.example');
    const at = sim.requests({ host: 'wall.example' }).map((r) => r.at);
    assert.equal(gap, Math.min((at[1] ?? 0) - (at[0] ?? 0), (at[2] ?? 0) - (at[1] ?? 0)));
    assert.ok(gap >= 95 && gap < 1000, `gap ${gap}`);
    assert.equal(sim.gaps('shop.example'), Number.POSITIVE_INFINITY);
    assert.equal(sim.requests({ host: 'wall.example' }).length, 3);
    assert.equal(sim.requests({ path: pathOf(P.wall) }).length, 2);
    return { row: ['wall.example', '', 'gaps()', '', '', `smallest gap ${gap} ms`] };
  });
  await check('certificate names every host', async () => {
    for (const host of Object.keys(sim.hosts)) {
      await new Promise<void>((resolve, reject) => {
        const s = tlsConnect({ host: '127.0.0.1', port: sim.port, servername: host, ca: sim.certificate }, () => {
          s.end();
          resolve();
        });
        s.on('error', reject);
      });
    }
    assert.match(sim.hostResolverRules(), /^MAP shop\.example 127\.0\.0\.1:\d+(,MAP [\w.-]+ 127\.0\.0\.1:\d+){6}$/);
    assert.match(sim.chromiumArgs()[1] ?? '', /^--ignore-certificate-errors-spki-list=[A-Za-z0-9+/]{43}=$/);
    assert.match(
      sim.chromiumArgs({ rules: ['MAP chatgpt.com 127.0.0.1:1'] })[0] ?? '',
      /^--host-resolver-rules=MAP chatgpt\.com 127\.0\.0\.1:1,MAP shop\.example /,
    );
    assert.throws(() => sim.set('shop.example', '/x', 'challenge-nope' as 'open'), /unknown mode/);
    assert.throws(() => sim.set('nowhere.example', '/x', 'open'), /unknown host/);
    return { row: [`${Object.keys(sim.hosts).length} hosts`, '', 'TLS', 'verified', '', 'SAN per host, trusted via ca'] };
  });
  await check('compress option', async () => {
    const gz = await startShopSim({ compress: true, hosts: { 'shop2.example': 'shop' } });
    try {
      const r = await get(gz, 'shop2.example', pathOf(P.product), { headers: { 'accept-encoding': 'gzip, br' } });
      assert.equal(r.headers['content-encoding'], 'gzip');
      assert.match(String(r.headers.etag), /-gz"$/);
      assert.equal(r.headers.vary, 'Accept-Encoding');
      const again = await get(gz, 'shop2.example', pathOf(P.product), {
        headers: { 'accept-encoding': 'gzip', 'if-none-match': String(r.headers.etag) },
      });
      assert.equal(again.status, 304);
      return { row: ['shop2.example', pathOf(P.product), 'paused', '200/304', `${kib(r.bodyBytes)}`, 'gzip; extra host via hosts option'] };
    } finally {
      await gz.close();
    }
  });
  await check('CONNECT proxy', async () => {
    const proxy = await startHostProxy(() => sim.proxyRoutes());
    try {
      const tunnel = (target: string) =>
        new Promise<string>((resolve, reject) => {
          const raw = netConnect(proxy.port, '127.0.0.1', () => raw.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`));
          raw.once('data', (d: Buffer) => {
            const line = d.toString('latin1').split('\r\n')[0] ?? '';
            if (!line.includes('200')) {
              raw.destroy();
              return resolve(line);
            }
            const secure = tlsConnect({ socket: raw, servername: 'shop.example', rejectUnauthorized: false }, () =>
              secure.write('GET /products/trailhead-40 HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n'),
            );
            let head = '';
            secure.on('data', (c: Buffer) => {
              head ||= c.toString('latin1').split('\r\n')[0] ?? '';
            });
            secure.on('end', () => resolve(head));
            secure.on('error', reject);
          });
          raw.on('error', reject);
        });
      const ok = await tunnel('shop.example:443');
      const refused = await tunnel('example.com:443');
      assert.match(ok, /^HTTP\/1.1 200/);
      assert.match(refused, /403/);
      return { row: ['proxy', 'shop.example:443', 'CONNECT', '200', '', 'example.com:443 refused (403)'] };
    } finally {
      await proxy.close();
    }
  });

  if (process.argv.includes('--browsers')) await browsers(sim);
  await sim.close();

  // --- Report.
  const header = ['', 'case', 'host', 'path', 'mode', 'status', 'wire', 'notes', 'reads as'];
  const widths = header.map((h, i) => Math.min(i === 3 ? 36 : 48, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (c.length > (widths[i] ?? 0) ? `${c.slice(0, (widths[i] ?? 1) - 1)}…` : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log(readerNote);
  console.log(
    `wire: 200 KiB page full ${full} B (request ${fullReq} B), unchanged 304 ${notModified} B (request ${nmReq} B), ratio ${(full / Math.max(notModified, 1)).toFixed(0)}`,
  );
  const notes = rows.filter((r) => r[0] === 'note').length;
  console.log(`shop self-test: ${rows.length - failures - notes} passed, ${failures} failed${notes ? `, ${notes} browser notes` : ''}`);
  if (failures) process.exit(1);
}

/**
 * Do real browsers revalidate to 304 against this simulator, and send its cookie? The e2e's 304 and
 * cookie assertions depend on both. Each probe fetches the 200 KiB page twice with cache: 'no-cache'
 * and credentials: 'include', from a web page and from a throwaway extension's background.
 */
async function browsers(sim: ShopSim): Promise<void> {
  const product = sim.urls.product;
  const done = `${sim.urls.signIn}?probe=done`;
  const fetchTwice = `(async () => { for (let i = 0; i < 2; i++) await (await fetch(${JSON.stringify(product)}, { cache: 'no-cache', credentials: 'include' })).text(); await fetch(${JSON.stringify(done)}); })()`;
  const waitDone = async () => {
    const deadline = Date.now() + 20_000;
    while (!sim.log.some((r) => r.path === new URL(done).pathname + new URL(done).search)) {
      if (Date.now() > deadline) throw new Error('the probe never finished');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const probe = async (name: string, run: () => Promise<void>) => {
    sim.reset();
    try {
      await run();
      const seen = sim.requests({ path: new URL(product).pathname });
      const describe = (r: ShopRequest) =>
        `${r.status}${r.conditional ? ' INM' : ''}${r.withSession ? ' cookie' : ''}${r.setCookie ? ' set-cookie' : ''}`;
      const ok = seen.length === 2 && seen[1]?.status === 304 && seen[1]?.withSession;
      const note = seen[1]?.status === 304 ? (seen[1]?.withSession ? 'revalidates to 304, cookie sent' : '304 but no cookie') : 'no 304';
      rows.push([
        ok ? 'ok' : 'note',
        name,
        'shop.example',
        new URL(product).pathname,
        'paused',
        seen.map(describe).join(' / '),
        seen[1] ? `req ${seen[1].requestBytes} + res ${seen[1].bytes} B` : '',
        note,
        '',
      ]);
    } catch (error) {
      rows.push(['note', name, (error as Error).message.split('\n')[0] ?? '', '', '', '', '', '', '']);
    }
  };

  const extension = (mv3: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'shop-probe-ext-'));
    const manifest = mv3
      ? {
          manifest_version: 3,
          name: 'probe',
          version: '1',
          host_permissions: ['https://shop.example/*'],
          background: { service_worker: 'bg.js' },
        }
      : { manifest_version: 2, name: 'probe', version: '1', permissions: ['https://shop.example/*'], background: { scripts: ['bg.js'] } };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, 'bg.js'), `${fetchTwice};\n`);
    return dir;
  };

  const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  const { chromium } = await import('playwright-core');
  for (const [name, flags] of [
    [
      'chromium page, --ignore-certificate-errors only',
      [`--host-resolver-rules=${sim.hostResolverRules()}`, '--ignore-certificate-errors'],
    ],
    ['chromium page, chromiumArgs() (SPKI pin)', [...sim.chromiumArgs(), '--ignore-certificate-errors']],
  ] as const) {
    await probe(name, async () => {
      const browser = await chromium.launch({
        executablePath: chromePath,
        headless: true,
        args: ['--no-sandbox', '--disable-quic', ...flags],
      });
      try {
        const page = await browser.newPage();
        await page.goto(sim.urls.signIn);
        sim.reset();
        await page.evaluate(fetchTwice);
        await waitDone();
      } finally {
        await browser.close();
      }
    });
  }
  await probe('chromium MV3 service worker, SPKI pin', async () => {
    const dir = extension(true);
    const profile = mkdtempSync(join(tmpdir(), 'shop-probe-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromePath,
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
      args: [
        '--no-sandbox',
        '--disable-quic',
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        ...sim.chromiumArgs(),
        '--ignore-certificate-errors',
      ],
    });
    try {
      await waitDone();
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  });

  const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  const { default: puppeteer } = await import('puppeteer-core');
  const firefox = async (run: (browser: import('puppeteer-core').Browser) => Promise<void>) => {
    const proxy = await startHostProxy(() => sim.proxyRoutes());
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.no_proxies_on': '',
      },
    });
    try {
      await run(browser);
    } finally {
      await browser.close();
      await proxy.close();
    }
  };
  await probe('firefox-esr page, proxy + acceptInsecureCerts', () =>
    firefox(async (browser) => {
      const page = await browser.newPage();
      await page.goto(sim.urls.signIn);
      sim.reset();
      await page.evaluate(fetchTwice);
      await waitDone();
    }),
  );
  await probe('firefox-esr MV2 background, proxy', () =>
    firefox(async (browser) => {
      const dir = extension(false);
      try {
        await browser.installExtension(dir);
        await waitDone();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
