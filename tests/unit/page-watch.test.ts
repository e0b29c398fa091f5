// 2.0 in the worker: page and JSON watches next to ChatGPT Plus, against fake-browser and fake sites.
import { fakeBrowser } from '@webext-core/fake-browser';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEYS } from '../../src/core/storage-keys';
import { releaseUnusedOrigins } from '../../src/options/release-origins';
import type { ViewRequest, WorkerResponse } from '../../src/shared/protocol';
import { requestHostAccess } from '../../src/shared/request-access';
import { sendRequest } from '../../src/shared/view-requests';
import { fakeChatGPT } from './fake-chatgpt';
import { fakePermissions } from './fake-polyfill';
import { check, forgetOriginSpacing, OWN_VIEW, PLUS, send, startWorker, stored } from './worker-harness';

/** What the extension's pages do: some requests answered by the page, the rest sent to the worker. */
const toWorker = async (request: ViewRequest) => ((await send(request, OWN_VIEW)) as unknown as WorkerResponse[])[0] as WorkerResponse;

const SHOP = 'https://shop.test';
const product = (availability: string) =>
  `<!doctype html><html><head><title>GPU</title><script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: 'GPU',
    offers: { '@type': 'Offer', price: '999', availability: `https://schema.org/${availability}` },
  })}</script></head><body><h1>GPU</h1><p>A graphics card.</p></body></html>`;

interface Page {
  status: number;
  body: string;
  type?: string;
  etag?: string;
}
let pages: Record<string, Page>;
let requests: Array<{ url: string; ifNoneMatch: string | null }>;

function shopFetch(chatgpt: ReturnType<typeof fakeChatGPT>) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    if (url.startsWith('https://chatgpt.com')) return chatgpt.fetch(url, init);
    const page = pages[url];
    requests.push({ url, ifNoneMatch: new Headers(init.headers).get('if-none-match') });
    if (!page) return new Response('not found', { status: 404 });
    const headers: Record<string, string> = { 'content-type': page.type ?? 'text/html; charset=utf-8' };
    if (page.etag) headers.etag = page.etag;
    return new Response(page.body, { status: page.status, headers });
  };
}

const addWatch = async (watch: Record<string, unknown>) => {
  const [answer] = (await send({ type: 'add-watch', watch }, OWN_VIEW)) as unknown as Array<{
    ok: boolean;
    watchId?: string;
    problems?: string[];
  }>;
  return answer as { ok: boolean; watchId?: string; problems?: string[] };
};
const gpu = { name: 'GPU', kind: 'page', url: `${SHOP}/gpu`, rule: { type: 'auto' }, intervalMinutes: 5 };

beforeEach(async () => {
  pages = { [`${SHOP}/gpu`]: { status: 200, body: product('OutOfStock'), etag: '"v1"' } };
  requests = [];
  vi.stubGlobal('fetch', shopFetch(fakeChatGPT('paused')));
  // The event page's DOMParser (the Firefox path), here from jsdom.
  vi.stubEnv('MODE', 'firefox');
  vi.stubGlobal('DOMParser', new JSDOM('').window.DOMParser);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  fakePermissions.granted.add(`${SHOP}/*`);
  await startWorker();
  await check('test', PLUS);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a page watch', () => {
  it('is added as data, scheduled, and reads JSON-LD OutOfStock as paused', async () => {
    const { ok, watchId } = await addWatch(gpu);
    expect(ok).toBe(true);
    const id = watchId as string;
    const all = await stored();
    expect(all.watchIds).toEqual([PLUS, id]);
    expect(all[KEYS.def(id)]).toMatchObject({ id, ...gpu, notify: true, enabled: true });
    expect(await fakeBrowser.alarms.get(`check:${id}`)).toBeDefined();
    await check('test', id);
    const state = (await stored())[KEYS.state(id)];
    expect(state.latest).toMatchObject({ kind: 'paused', reason: 'structured-data', requests: 1 });
    expect(state.latest.evidence).toMatch(/OutOfStock/);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('WAIT');
  });

  it('alerts exactly once when it really reopens, naming the watch; the badge aggregates to OPEN', async () => {
    const id = (await addWatch(gpu)).watchId as string;
    await check('test', id);
    pages[`${SHOP}/gpu`] = { status: 200, body: product('InStock'), etag: '"v2"' };
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await check('test', id);
    expect(create).toHaveBeenCalledTimes(1);
    expect(fakeBrowser.notifications.getAllCreateOptions()[`reopened:${id}`]).toMatchObject({ title: 'GPU is back in stock' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OPEN');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/^Available now: GPU\. 1 watch not available yet\. Last check at .+\.$/);
    await check('test', id);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('re-reads an unchanged page from its validator without parsing it again', async () => {
    const id = (await addWatch(gpu)).watchId as string;
    await check('test', id);
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString');
    await check('test', id);
    expect(parse).not.toHaveBeenCalled();
    const state = (await stored())[KEYS.state(id)];
    expect(state.latest).toMatchObject({ kind: 'paused', validator: 'etag "v1"' });
  });

  it.each([
    [
      'a Cloudflare challenge',
      { status: 403, body: '<html><head><title>Just a moment...</title></head><body><script>window._cf_chl_opt={}</script></body></html>' },
      'blocked',
      '!',
    ],
    ['a plain 403', { status: 403, body: '<html><body>Forbidden</body></html>' }, 'error', '?'],
    ['a 503', { status: 503, body: '<html><body>Down</body></html>' }, 'error', '?'],
    [
      'a script-rendered shell',
      { status: 200, body: '<html><body><div id="root"></div><script src="/app.js"></script></body></html>' },
      'error',
      '?',
    ],
  ])('never reads %s as open or paused', async (_name, page, kind, badge) => {
    pages[`${SHOP}/gpu`] = page;
    const id = (await addWatch(gpu)).watchId as string;
    await send({ type: 'update-watch', watchId: PLUS, changes: { enabled: false } }, OWN_VIEW);
    await check('test', id);
    expect((await stored())[KEYS.state(id)].latest.kind).toBe(kind);
    expect(await fakeBrowser.action.getBadgeText({})).toBe(badge);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('shows ! with nothing requested when the site was not granted', async () => {
    fakePermissions.granted.delete(`${SHOP}/*`);
    const id = (await addWatch(gpu)).watchId as string;
    await check('test', id);
    expect((await stored())[KEYS.state(id)].latest).toMatchObject({ kind: 'blocked', reason: 'no-host-access', requests: 0 });
    expect(requests).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });
});

describe('per-origin spacing', () => {
  it('moves a second automatic check of the same site instead of sending it within 10 s', async () => {
    pages[`${SHOP}/cpu`] = { status: 200, body: product('OutOfStock') };
    const a = (await addWatch(gpu)).watchId as string;
    const b = (await addWatch({ ...gpu, name: 'CPU', url: `${SHOP}/cpu` })).watchId as string;
    await forgetOriginSpacing();
    await send({ type: 'check-now', watchId: a }, OWN_VIEW);
    const before = requests.length;
    await fakeBrowser.alarms.onAlarm.trigger({ name: `check:${b}`, scheduledTime: Date.now() } as never);
    await vi.waitFor(() =>
      expect(vi.mocked(console.info).mock.calls.some((c) => c[1] === 'check moved: another watch just contacted this site')).toBe(true),
    );
    expect(requests.length).toBe(before);
    const moved = (await fakeBrowser.alarms.get(`check:${b}`))?.scheduledTime ?? 0;
    expect(moved - Date.now()).toBeGreaterThan(5_000);
    expect((await stored())[KEYS.state(b)].nextCheckAt).toBe(moved);
  });
});

describe('a JSON watch', () => {
  it('reads a pointer and test, with its secret header sent but never stored in the definition or exported', async () => {
    pages[`${SHOP}/api`] = { status: 200, body: '{"data":{"available":false}}', type: 'application/json' };
    const answer = await addWatch({
      name: 'API',
      kind: 'json',
      url: `${SHOP}/api`,
      rule: { type: 'json', pointer: '/data/available', test: 'truthy' },
    });
    const id = answer.watchId as string;
    // The options page keeps the header itself (src/shared/view-requests.ts).
    expect(
      await sendRequest({ type: 'set-secret', watchId: id, header: { name: 'X-Api-Key', value: 'SECRET-KEY-123' } }, toWorker),
    ).toEqual({ ok: true });
    await check('test', id);
    expect((await stored())[KEYS.state(id)].latest).toMatchObject({ kind: 'paused', reason: 'json-no-match' });
    const all = await stored();
    expect(JSON.stringify({ ...all, [KEYS.secret(id)]: undefined })).not.toContain('SECRET-KEY-123');
    expect(JSON.stringify(vi.mocked(console.info).mock.calls)).not.toContain('SECRET-KEY-123');
  });
});

describe('editing the list', () => {
  it('rejects a bad import with reasons and changes nothing; a good one adds every watch', async () => {
    const before = await stored();
    const [bad] = (await send(
      { type: 'import-watches', file: { format: 'reopen-watch/watches', version: 1, watches: [{ ...gpu, url: 'ftp://x' }] } },
      OWN_VIEW,
    )) as unknown as Array<{ ok: boolean; problems: string[] }>;
    expect(bad?.ok).toBe(false);
    expect(bad?.problems).toEqual(['watch 1: url must start with https://']);
    expect(await stored()).toEqual(before);
    const [good] = (await send(
      { type: 'import-watches', file: { format: 'reopen-watch/watches', version: 1, watches: [gpu, { ...gpu, name: 'Two' }] } },
      OWN_VIEW,
    )) as unknown as Array<{ ok: boolean; added: number }>;
    expect(good).toMatchObject({ ok: true, added: 2 });
    expect((await stored()).watchIds).toHaveLength(3);
  });

  it('keeps the ChatGPT Plus watch (it can be switched off, not removed) and releases a site no watch needs', async () => {
    const [refused] = (await send({ type: 'remove-watch', watchId: PLUS }, OWN_VIEW)) as unknown as Array<{ ok: boolean }>;
    expect(refused?.ok).toBe(false);
    // Asked for as the options page asks, on the user's click: so it is Reopen Watch's to give back.
    fakePermissions.granted.delete(`${SHOP}/*`);
    expect(await requestHostAccess([`${SHOP}/*`])).toBe(true);
    const id = (await addWatch(gpu)).watchId as string;
    await sendRequest({ type: 'remove-watch', watchId: id }, toWorker);
    await releaseUnusedOrigins(); // what the options page does after a removal (src/options/messaging.ts)
    const all = await stored();
    expect(all.watchIds).toEqual([PLUS]);
    expect(all[KEYS.def(id)]).toBeUndefined();
    expect(await fakeBrowser.alarms.get(`check:${id}`)).toBeUndefined();
    expect(fakePermissions.granted.has(`${SHOP}/*`)).toBe(false);
    expect(fakePermissions.granted.has('https://chatgpt.com/*')).toBe(true);
  });
});
