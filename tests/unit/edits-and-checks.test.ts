// Issue 14 in the worker: an edit never resets what a watch knows unless it changes what a check
// reads; a check in flight lands only on the definition it read; a secret header stays with its
// site; watching switched off means nothing checks; a JSON value that changes type is no reopening.
// Against fake-browser, whose storage hands values back with their keys sorted, as Chrome's does.
import { fakeBrowser } from '@webext-core/fake-browser';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEYS } from '../../src/core/storage-keys';
import { saveChannel } from '../../src/options/channel-configs';
import type { ViewRequest, WorkerResponse } from '../../src/shared/protocol';
import { sendRequest } from '../../src/shared/view-requests';
import { webhookConfig } from '../sim/channels/events';
import { fakeChatGPT } from './fake-chatgpt';
import { fakePermissions } from './fake-polyfill';
import { check, OWN_VIEW, PLUS, runCheck, send, startWorker, stored } from './worker-harness';

const { outbox: OUTBOX_KEY } = KEYS;

const SHOP = 'https://shop.test';
const OTHER = 'https://elsewhere.test';
const API = `${SHOP}/api/stock`;

interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /** How a browser answers a redirect not followed: type opaqueredirect, status 0, no headers. */
  opaqueRedirect?: boolean;
}
/** What each URL answers now. */
let answers: Record<string, Answer>;
/** Every request the fake sites got. */
let requests: Array<{ url: string; redirect: RequestRedirect | undefined; headers: Record<string, string> }>;

const json = (value: unknown): Answer => ({ status: 200, body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });

async function fakeFetch(url: string, init: RequestInit = {}): Promise<Response> {
  if (url.startsWith('https://chatgpt.com')) return chatgpt.fetch(url, init);
  requests.push({ url, redirect: init.redirect, headers: Object.fromEntries(new Headers(init.headers).entries()) });
  if (url.startsWith('https://hooks.example.test')) return new Response('ok', { status: 200 });
  const answer = answers[url];
  if (!answer) return new Response('not found', { status: 404 });
  const response = new Response(answer.body, { status: answer.status, headers: answer.headers });
  if (answer.opaqueRedirect && init.redirect === 'manual') {
    // Node's Response cannot be made opaque; what a reader sees of one is set by hand.
    Object.defineProperties(response, { type: { value: 'opaqueredirect' }, status: { value: 0 }, headers: { value: new Headers() } });
  }
  return response;
}
let chatgpt = fakeChatGPT('paused');

const ask = async (message: ViewRequest): Promise<WorkerResponse> => {
  const [answer] = (await send(message, OWN_VIEW)) as unknown as Array<Promise<WorkerResponse>>;
  return (await answer) as WorkerResponse;
};
/** The options page's own path: some requests it answers itself (src/shared/view-requests.ts). */
const fromPage = (message: ViewRequest) => sendRequest(message, ask);

/** A JSON watch as the editor builds it: its rule's keys in the form's order (type first). */
const stockWatch = { name: 'Stock API', kind: 'json', url: API, rule: { type: 'json', pointer: '/inStock', test: 'truthy' } };

async function addWatch(watch: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<string> {
  const answer = await ask({ type: 'add-watch', watch, ...extra } as ViewRequest);
  expect(answer).toMatchObject({ ok: true });
  return (answer as { watchId: string }).watchId;
}
const stateOf = async (id: string) => (await stored())[KEYS.state(id)];
const notificationIds = async () => Object.keys(await fakeBrowser.notifications.getAll());
const logged = (message: string) =>
  [...vi.mocked(console.info).mock.calls, ...vi.mocked(console.warn).mock.calls].filter((call) => call[1] === message);
/** The options page's Save: every field of the form, whether it changed or not. */
const saveForm = (id: string, changes: Record<string, unknown>) =>
  ask({ type: 'update-watch', watchId: id, changes: { intervalMinutes: 5, notify: true, enabled: true, channels: null, ...changes } });

beforeEach(async () => {
  answers = { [API]: json({ inStock: false }) };
  requests = [];
  chatgpt = fakeChatGPT('paused');
  vi.stubGlobal('fetch', fakeFetch);
  // The event page's DOMParser (the Firefox path), here from jsdom.
  vi.stubEnv('MODE', 'firefox');
  vi.stubGlobal('DOMParser', new JSDOM('').window.DOMParser);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  for (const origin of [SHOP, OTHER, 'https://hooks.example.test']) fakePermissions.granted.add(`${origin}/*`);
  await startWorker();
  await check('test', PLUS);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('an edit that changes nothing a check reads', () => {
  it('keeps an open, alerted watch as it is after the worker was idle: no second alert', async () => {
    const id = await addWatch(stockWatch);
    await check('test', id);
    answers[API] = json({ inStock: true });
    await check('test', id);
    expect(await notificationIds()).toEqual([`reopened:${id}`]);
    await fakeBrowser.notifications.clear(`reopened:${id}`);
    const before = await stateOf(id);
    expect(before).toMatchObject({ confirmed: { availability: 'open' }, alertArmed: false, alertsRaised: 1 });

    // The worker stopped while idle: the next one reads the definition back with its keys sorted.
    await startWorker({ wakeOnly: true });
    expect(await saveForm(id, { name: 'Stock API (EU)', url: API, rule: { type: 'json', pointer: '/inStock', test: 'truthy' } })).toEqual({
      ok: true,
    });
    expect(await stateOf(id)).toEqual(before);
    expect(await saveForm(id, { name: 'Stock API (EU)', url: API, rule: stockWatch.rule, notify: false })).toEqual({ ok: true });
    expect(await saveForm(id, { name: 'Stock API (EU)', url: API, rule: stockWatch.rule, notify: true })).toEqual({ ok: true });
    expect((await stateOf(id)).confirmed).toEqual(before.confirmed);

    await check('test', id);
    expect(await notificationIds()).toEqual([]);
    expect(await stateOf(id)).toMatchObject({ alertArmed: false, alertsRaised: 1, lastReopenAlertAt: before.lastReopenAlertAt });
  });

  it('keeps the 6 h "can\'t check" clock of a failing page watch when it is renamed or re-timed', async () => {
    answers[`${SHOP}/gpu`] = { status: 503, body: 'down', headers: { 'content-type': 'text/html' } };
    const id = await addWatch({
      name: 'GPU',
      kind: 'page',
      url: `${SHOP}/gpu`,
      rule: { type: 'text', pausedWhen: ['sold out'], selector: '#buy' },
    });
    await check('test', id);
    const failingSince = (await stateOf(id)).failingSince;
    expect(failingSince).toEqual(expect.any(Number));
    await startWorker({ wakeOnly: true });
    const rule = { type: 'text', selector: '#buy', pausedWhen: ['sold out'] };
    expect(await saveForm(id, { name: 'GPU (renamed)', url: `${SHOP}/gpu`, rule, intervalMinutes: 10 })).toEqual({ ok: true });
    expect(await stateOf(id)).toMatchObject({ failingSince, failureStreak: 1 });
  });

  it('writes nothing for a Save that changes nothing', async () => {
    const id = await addWatch(stockWatch);
    await check('test', id);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await saveForm(id, { name: 'Stock API', url: API, rule: { pointer: '/inStock', test: 'truthy', type: 'json' } })).toEqual({
      ok: true,
    });
    expect(set.mock.calls).toEqual([]);
  });

  it('resets what was known when the rule really changes', async () => {
    const id = await addWatch(stockWatch);
    await check('test', id);
    await startWorker({ wakeOnly: true });
    expect(await saveForm(id, { name: 'Stock API', url: API, rule: { type: 'json', pointer: '/inStock', test: 'falsy' } })).toEqual({
      ok: true,
    });
    expect(await stateOf(id)).toMatchObject({ latest: null, confirmed: null });
  });
});

/** Starts a check whose first reading is open, and stops the clock while it waits to confirm. */
async function openCheckWaitingToConfirm(id: string): Promise<{ done: Promise<unknown> }> {
  answers[API] = json({ inStock: true });
  await fakeBrowser.storage.session.clear();
  const before = requests.length;
  vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
  const done = runCheck('test', id);
  await vi.advanceTimersByTimeAsync(2_000);
  expect(requests.slice(before).filter((r) => r.url === API)).toHaveLength(1); // the first reading, not yet its confirmation
  return { done }; // wrapped: an async function returning the promise itself would wait for it
}
/** Lets the check finish; returns when (on its clock) it had. */
async function finish({ done }: { done: Promise<unknown> }): Promise<number> {
  await vi.advanceTimersByTimeAsync(40_000);
  await done;
  const at = Date.now();
  vi.useRealTimers();
  return at;
}

describe('a check in flight when the watch changes', () => {
  beforeEach(async () => {
    expect(await saveChannel({ ...webhookConfig() })).toMatchObject({ ok: true });
  });

  it('is dropped when the address changed meanwhile: no "open" for a page never read, and its real reopening alerts later', async () => {
    const id = await addWatch(stockWatch);
    await check('test', id);
    const running = await openCheckWaitingToConfirm(id);
    const moved = `${OTHER}/api/stock`;
    answers[moved] = json({ inStock: false });
    expect(await saveForm(id, { name: 'Stock API', url: moved, rule: stockWatch.rule })).toEqual({ ok: true });
    const ended = await finish(running);

    expect((await stateOf(id)).latest).toBeNull();
    expect(await notificationIds()).toEqual([]);
    expect((await stored())[OUTBOX_KEY]?.pending ?? []).toEqual([]);
    expect(logged('check dropped: the watch was changed while it was being checked')).toHaveLength(1);
    // Its new question gets a check of its own soon.
    const alarm = await fakeBrowser.alarms.get(`check:${id}`);
    expect(alarm?.scheduledTime).toBeLessThan(ended + 5_000);
    expect((await stateOf(id)).nextCheckAt).toBe(alarm?.scheduledTime);

    await check('test', id);
    expect((await stateOf(id)).latest).toMatchObject({ kind: 'paused' });
    answers[moved] = json({ inStock: true });
    await check('test', id);
    expect(await notificationIds()).toEqual([`reopened:${id}`]);
  });

  it('sends nothing for a watch removed meanwhile, to the desktop or any channel', async () => {
    const id = await addWatch(stockWatch);
    await check('test', id);
    const running = await openCheckWaitingToConfirm(id);
    expect(await ask({ type: 'remove-watch', watchId: id })).toEqual({ ok: true });
    await finish(running);
    expect(await notificationIds()).toEqual([]);
    expect((await stored())[OUTBOX_KEY]?.pending ?? []).toEqual([]);
    expect(requests.filter((r) => r.url.startsWith('https://hooks.example.test'))).toEqual([]);
    expect((await stored())[KEYS.state(id)]).toBeUndefined();
  });

  it('queues nothing when its alert was switched off meanwhile, so the next alert is not swallowed as sent', async () => {
    const id = await addWatch(stockWatch);
    await check('test', id);
    const running = await openCheckWaitingToConfirm(id);
    expect(await saveForm(id, { name: 'Stock API', url: API, rule: stockWatch.rule, notify: false })).toEqual({ ok: true });
    await finish(running);
    expect((await stateOf(id)).confirmed?.availability).toBe('open');
    const { sendDue } = await import('../../src/background/outbox-sender');
    await sendDue();
    expect((await stored())[OUTBOX_KEY]?.pending ?? []).toEqual([]);
    expect(requests.filter((r) => r.url.startsWith('https://hooks.example.test'))).toEqual([]);
    expect(await notificationIds()).toEqual([]);

    // Alerts on again; it pauses, then reopens: that alert reaches the webhook.
    expect(await saveForm(id, { name: 'Stock API', url: API, rule: stockWatch.rule, notify: true })).toEqual({ ok: true });
    answers[API] = json({ inStock: false });
    await check('test', id);
    answers[API] = json({ inStock: true });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31 * 60_000); // past the 30 min cool-down
    await check('test', id);
    await sendDue();
    expect(await notificationIds()).toEqual([`reopened:${id}`]);
    const hooks = requests.filter((r) => r.url.startsWith('https://hooks.example.test'));
    expect(hooks.map((r) => decodeURIComponent(r.headers['x-reopen-watch-event'] ?? ''))).toEqual([`${id}:reopened:0`]);
  });

  it('says nothing when watching was switched off meanwhile: no alert, no "open" kept for later', async () => {
    const id = await addWatch(stockWatch);
    await check('test', id);
    const running = await openCheckWaitingToConfirm(id);
    expect(await ask({ type: 'save-settings', settings: { paused: true } })).toEqual({ ok: true });
    await finish(running);
    expect(logged('check dropped: watching was switched off while it was being checked')).toHaveLength(1);
    expect(await stateOf(id)).toMatchObject({ latest: { kind: 'paused' }, nextCheckAt: null });
    expect(await notificationIds()).toEqual([]);
    const { sendDue } = await import('../../src/background/outbox-sender');
    await sendDue();
    expect(requests.filter((r) => r.url.startsWith('https://hooks.example.test'))).toEqual([]);
  });
});

describe("a JSON watch's secret header", () => {
  const setHeader = (id: string) => fromPage({ type: 'set-secret', watchId: id, header: { name: 'X-Api-Key', value: 'SECRET-KEY-777' } });

  it('never follows a redirect: the request is manual, a redirect reads can’t tell, the other site is never asked', async () => {
    const id = await addWatch(stockWatch);
    expect(await setHeader(id)).toEqual({ ok: true });
    answers[API] = { status: 302, body: '', headers: { location: `${OTHER}/collect` } };
    await check('test', id);
    expect((await stateOf(id)).latest).toMatchObject({ kind: 'error', reason: 'redirected' });
    expect((await stateOf(id)).latest.evidence).toMatch(/elsewhere\.test\/collect/);
    const sent = requests.filter((r) => r.url === API);
    expect(sent.every((r) => r.redirect === 'manual' && r.headers['x-api-key'] === 'SECRET-KEY-777')).toBe(true);
    expect(requests.filter((r) => r.url.startsWith(OTHER))).toEqual([]);
  });

  it('reads a redirect the browser hides (opaque, status 0) as redirected too, never as the answer', async () => {
    const id = await addWatch(stockWatch);
    expect(await setHeader(id)).toEqual({ ok: true });
    answers[API] = { ...json({ inStock: true }), opaqueRedirect: true };
    await check('test', id);
    expect((await stateOf(id)).latest).toMatchObject({ kind: 'error', reason: 'redirected', status: null });
    expect(await notificationIds()).toEqual([]);
  });

  it('follows redirects as usual when no secret goes along', async () => {
    const id = await addWatch(stockWatch);
    await check('test', id);
    expect(requests.filter((r) => r.url === API).every((r) => r.redirect === 'follow')).toBe(true);
  });

  it('is dropped when the address moves to another origin, kept on the same one', async () => {
    const id = await addWatch(stockWatch);
    expect(await setHeader(id)).toEqual({ ok: true });
    expect(await saveForm(id, { name: 'Stock API', url: `${SHOP}/api/v2/stock`, rule: stockWatch.rule })).toEqual({ ok: true });
    expect((await stored())[KEYS.secret(id)]).toMatchObject({ name: 'X-Api-Key' });
    expect(await saveForm(id, { name: 'Stock API', url: `${OTHER}/api/stock`, rule: stockWatch.rule })).toEqual({ ok: true });
    expect((await stored())[KEYS.secret(id)]).toBeUndefined();
    answers[`${OTHER}/api/stock`] = json({ inStock: false });
    await check('test', id);
    expect(requests.filter((r) => r.url.startsWith(OTHER)).every((r) => r.headers['x-api-key'] === undefined)).toBe(true);
  });

  it('goes over https only: refused for an http address, and never sent there', async () => {
    const id = await addWatch({ ...stockWatch, url: 'http://shop.test/api/stock' });
    expect(await setHeader(id)).toMatchObject({ ok: false, problems: ['a request header is sent over https only'] });
    // One stored by 2.1 (no origin) on a watch since moved to http is not sent either.
    await fakeBrowser.storage.local.set({ [KEYS.secret(id)]: { name: 'X-Api-Key', value: 'SECRET-KEY-777' } });
    fakePermissions.granted.add('http://shop.test/*');
    await check('test', id);
    expect(requests.filter((r) => r.url.startsWith('http://shop.test')).map((r) => r.headers['x-api-key'])).toEqual([undefined]);
  });
});

describe('watching switched off', () => {
  it('checks nothing when access is granted meanwhile', async () => {
    fakePermissions.granted.delete(`${SHOP}/*`);
    const id = await addWatch(stockWatch);
    await check('test', id);
    expect((await stateOf(id)).latest).toMatchObject({ reason: 'no-host-access' });
    expect(await ask({ type: 'save-settings', settings: { paused: true } })).toEqual({ ok: true });
    const before = requests.length;
    await fakeBrowser.permissions.request({ origins: [`${SHOP}/*`] });
    await vi.waitFor(() => expect(logged('check skipped: watching is paused').length).toBeGreaterThan(0));
    expect(requests.length).toBe(before);
    expect((await stateOf(id)).latest).toMatchObject({ reason: 'no-host-access' });
  });
});

describe('a JSON value that changes type', () => {
  it('reads can’t tell, quoting both, when a list becomes the string "none": never a reopening', async () => {
    answers[API] = json({ slots: [] });
    const id = await addWatch({ ...stockWatch, rule: { type: 'json', pointer: '/slots', test: 'nonEmpty' } });
    await check('test', id);
    expect(await stateOf(id)).toMatchObject({ latest: { kind: 'paused' }, valueType: 'array' });
    answers[API] = json({ slots: 'none' });
    await check('test', id);
    expect((await stateOf(id)).latest).toMatchObject({ kind: 'error', reason: 'type-changed', evidence: '/slots was a list, now "none"' });
    expect(await notificationIds()).toEqual([]);
    answers[API] = json({ slots: ['10:00'] });
    await check('test', id);
    expect(await notificationIds()).toEqual([`reopened:${id}`]);
  });

  it('expects the type the editor’s Test showed; a plain Save keeps it, only an accepted new shape replaces it', async () => {
    answers[API] = json({ slots: 'none' });
    const rule = { type: 'json', pointer: '/slots', test: 'nonEmpty' };
    const id = await addWatch({ ...stockWatch, rule }, { valueType: 'array' });
    await check('test', id);
    expect((await stateOf(id)).latest).toMatchObject({ kind: 'error', reason: 'type-changed' });
    // The editor's Test on the saved watch reads as its check does: the changed shape, not an "open".
    // Each Test comes right after a check: the site's 10 s turn is forgotten, as the checks here do.
    const test = async (ignoreType?: boolean) => {
      await fakeBrowser.storage.session.clear();
      return fromPage({ type: 'test-watch', watch: { ...stockWatch, rule }, watchId: id, ...(ignoreType && { ignoreType }) });
    };
    expect(await test()).toMatchObject({ ok: true, verdict: { kind: 'error', reason: 'type-changed', valueType: 'string' } });
    // A Save that carries a type without the user accepting it changes nothing the watch expects.
    const save = (extra: Record<string, unknown>) =>
      ask({ type: 'update-watch', watchId: id, changes: { name: 'Stock API', url: API, rule }, ...extra } as ViewRequest);
    expect(await save({ valueType: 'string' })).toEqual({ ok: true });
    expect(await stateOf(id)).toMatchObject({ valueType: 'array' });
    await check('test', id);
    expect((await stateOf(id)).latest).toMatchObject({ kind: 'error', reason: 'type-changed' });
    // Accepted: Test reads the new shape as a verdict, and Save makes it the one expected.
    expect(await test(true)).toMatchObject({ ok: true, verdict: { kind: 'open', valueType: 'string' } });
    expect(await save({ valueType: 'string', acceptType: true })).toEqual({ ok: true });
    expect(await stateOf(id)).toMatchObject({ valueType: 'string' });
    await check('test', id);
    expect((await stateOf(id)).latest).toMatchObject({ kind: 'open' });
  });

  it('takes null as no shape: a value that is null while closed and a list while open reads both ways', async () => {
    answers[API] = json({ slots: null });
    const rule = { type: 'json', pointer: '/slots', test: 'nonEmpty' };
    const id = await addWatch({ ...stockWatch, rule }, { valueType: 'null' });
    await check('test', id);
    expect(await stateOf(id)).toMatchObject({ latest: { kind: 'paused' } });
    expect((await stateOf(id)).valueType).toBeUndefined();
    answers[API] = json({ slots: ['10:00'] });
    await check('test', id);
    expect(await stateOf(id)).toMatchObject({ latest: { kind: 'open' }, valueType: 'array' });
    answers[API] = json({ slots: null });
    await check('test', id);
    expect(await stateOf(id)).toMatchObject({ latest: { kind: 'paused' }, valueType: 'array' });
  });
});

describe('Test, in the worker', () => {
  it('never sends the request header, and saves nothing', async () => {
    const id = await addWatch(stockWatch);
    expect(await fromPage({ type: 'set-secret', watchId: id, header: { name: 'X-Api-Key', value: 'SECRET-KEY-777' } })).toEqual({
      ok: true,
    });
    await fakeBrowser.storage.session.clear();
    const storedBefore = await stored();
    expect(await fromPage({ type: 'test-watch', watch: stockWatch, watchId: id })).toMatchObject({ ok: true });
    expect(requests.filter((r) => r.url === API).every((r) => r.headers['x-api-key'] === undefined)).toBe(true);
    const { [KEYS.summary]: _s, ...rest } = await stored();
    const { [KEYS.summary]: _b, ...restBefore } = storedBefore;
    expect(rest).toEqual(restBefore);
  });
});
