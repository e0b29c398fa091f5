// Storage a check costs, measured by running the worker's real modules in Node against the unit
// tests' fake browser (run with tests/bench/fake-polyfill-loader.ts). Prints one JSON line.
import { fakeBrowser } from '@webext-core/fake-browser';
import { JSDOM } from 'jsdom';
import { recordCheck } from '../../src/core/history';
import { KEYS } from '../../src/core/storage-keys';
import type { Verdict } from '../../src/core/verdict';
import { CANT_CHECK_AFTER_MS, INITIAL_WATCH, REOPEN_COOLDOWN_MS } from '../../src/core/watch-state';
import { applyReadings } from '../../src/core/watch-transitions';
import { fakeChatGPT } from '../unit/fake-chatgpt';
import { fakePermissions } from '../unit/fake-polyfill';

const SHOP = 'https://shop.test';
const page = `<!doctype html><html><head><script type="application/ld+json">${JSON.stringify({
  '@type': 'Product',
  name: 'GPU',
  offers: { '@type': 'Offer', availability: 'https://schema.org/OutOfStock' },
})}</script></head><body><h1>GPU</h1></body></html>`;
const chatgpt = fakeChatGPT('paused');
globalThis.fetch = (async (url: string, init: RequestInit) =>
  url.startsWith('https://chatgpt.com')
    ? chatgpt.fetch(url, init)
    : new Response(page, { status: 200, headers: { 'content-type': 'text/html', etag: `"${url}"` } })) as typeof fetch;
globalThis.DOMParser = new JSDOM('').window.DOMParser as typeof DOMParser;
console.info = () => undefined;

const json = (value: unknown) => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value)));
let bytes = 0;
function meter(area: typeof fakeBrowser.storage.local) {
  const get = area.get.bind(area);
  const set = area.set.bind(area);
  area.get = (async (keys?: unknown) => {
    const result = await get(keys as never);
    bytes += json(result);
    return result;
  }) as typeof area.get;
  area.set = (async (items: Record<string, unknown>) => {
    bytes += json(items);
    return set(items);
  }) as typeof area.set;
}
meter(fakeBrowser.storage.local);
meter(fakeBrowser.storage.session);

/** A week of 5-minute checks: the history a watch typically carries. */
function weekOfHistory(now: number) {
  let state = INITIAL_WATCH;
  let history = { transitions: [], days: [] } as ReturnType<typeof recordCheck>;
  for (let at = now - 7 * 86_400_000; at < now; at += 300_000) {
    const reading: Verdict = {
      kind: 'paused',
      reason: 'structured-data',
      status: 200,
      at,
      durationMs: 40,
      bytes: 9000,
      requests: 1,
      evidence: 'JSON-LD availability OutOfStock',
    };
    state = applyReadings(state, [reading], at, {
      reopenCooldownMs: REOPEN_COOLDOWN_MS,
      cantCheckAfterMs: CANT_CHECK_AFTER_MS,
      notificationsEnabled: true,
    }).state;
    history = recordCheck(history, [reading], state, at);
  }
  return { state, history };
}

/** Bytes one check of one page watch reads and writes, as a fresh wake, with `count` watches stored. */
async function bytesPerCheck(count: number): Promise<number> {
  fakeBrowser.reset();
  fakePermissions.reset();
  fakePermissions.granted.add(`${SHOP}/*`);
  const store = await import('../../src/background/worker-storage');
  store.forgetMemory();
  const messages = await import('../../src/background/messages');
  messages.registerMessages();
  const sender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/src/popup/index.html' };
  const watches = Array.from({ length: count }, (_, i) => ({
    name: `Item ${i}`,
    kind: 'page',
    url: `${SHOP}/item-${i}`,
    rule: { type: 'auto' },
  }));
  await fakeBrowser.runtime.onMessage.trigger(
    { type: 'import-watches', file: { format: 'reopen-watch/watches', version: 1, watches } },
    sender as never,
    () => undefined,
  );
  const ids = ((await fakeBrowser.storage.local.get('watchIds')).watchIds as string[]).filter((id) => id !== 'chatgpt-plus');
  const now = Date.now();
  const seeded: Record<string, unknown> = {};
  for (const id of ids) {
    const { state, history } = weekOfHistory(now - 600_000);
    seeded[KEYS.state(id)] = state;
    seeded[KEYS.history(id)] = history;
  }
  await fakeBrowser.storage.local.set(seeded);
  store.forgetMemory();
  const { runCheck } = await import('../../src/background/check-runner');
  const samples: number[] = [];
  for (const id of ids.slice(0, 5)) {
    store.forgetMemory(); // a new wake: nothing in memory
    await fakeBrowser.storage.session.clear();
    bytes = 0;
    await runCheck(id, 'alarm');
    samples.push(bytes);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] as number;
}

const one = await bytesPerCheck(1);
const hundred = await bytesPerCheck(99);
console.log(JSON.stringify({ one, hundred }));
