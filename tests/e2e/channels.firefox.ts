// Channels in Firefox ESR (dist-firefox/, the event page sends): a page watch on the shop simulator
// reopens and its alert reaches ntfy (JSON published to the server root) and a generic JSON webhook,
// exactly once each and with the documented bodies; a webhook that answers 410 is flagged broken.
// The services are the local HTTPS simulators in tests/sim/channels, reached under their real
// hostnames through the loopback CONNECT proxy; optional host access is granted without a prompt by
// the pref DESIGN.md names, on a real click. Channels are stored as the options page stores them:
// straight into storage.local under `channels`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelConfig } from '../../src/core/channels/index';
import type { ChannelStatusMap } from '../../src/core/channels/stored';
import { alertEventId, type OutboxState } from '../../src/core/outbox';
import type { WatchState } from '../../src/core/watch-state';
import { CHANNEL_DATA } from '../../src/shared/channel-access';
import type { ViewRequest, WorkerResponse } from '../../src/shared/protocol';
import { type ChannelSims, startChannelSims } from '../sim/channels/server';
import { type ShopSim, startShopSim } from '../sim/shop/server';
import { type Simulator, startSimulator } from '../sim/simulator';
import { type FirefoxExtension, launchFirefoxExtension } from './firefox-harness';
import { waitFor } from './harness';
import { requestByClick } from './host-grants';
import { NAMES, originPatternOf, watchEntry } from './shop-watches';

const SECRETS = {
  topic: 'rw-ff-topic-3c9d0e11',
  webhookPath: '/hooks/ffSECRETwebhook77',
  goneWebhookPath: '/hooks/ffSECRETgone410',
};
const CHANNELS: ChannelConfig[] = [
  { id: 'ntfy', type: 'ntfy', enabled: true, topic: SECRETS.topic },
  { id: 'webhook', type: 'webhook', enabled: true, url: `https://hooks.example.test${SECRETS.webhookPath}` },
  { id: 'webhook-gone', type: 'webhook', enabled: true, url: `https://gone.example.test${SECRETS.goneWebhookPath}` },
];
const CHANNEL_ORIGINS = ['https://ntfy.sh/*', 'https://hooks.example.test/*', 'https://gone.example.test/*'];

let chatgpt: Simulator;
let shop: ShopSim;
let sims: ChannelSims;
let ff: FirefoxExtension;
let id = '';

type Api = typeof globalThis & { browser: typeof chrome };

/** Sends a message to the event page from the popup (an extension page), as the options page does. */
function toWorker(request: ViewRequest): Promise<WorkerResponse> {
  return ff.popup.evaluate((r) => (globalThis as Api).browser.runtime.sendMessage(r) as Promise<WorkerResponse>, request);
}

const local = () => ff.storage();
const stateOf = async () => (await local())[`state:${id}`] as WatchState | undefined;
const received = (host: string) => sims.received().filter((r) => r.host === host);

/** As if the site had not been contacted for a while: the 10 s spacing per site is not what this suite tests. */
async function forgetOriginContacts(): Promise<void> {
  await ff.popup.evaluate(async () => {
    const session = (globalThis as Api).browser.storage.session;
    await session.remove(Object.keys(await session.get(null)).filter((key) => key.startsWith('origin:')));
  });
}

/**
 * `permissions.request` from a real click, as the options page asks when a channel is added: its host,
 * and Firefox's consent to share what an alert carries (src/shared/channel-access.ts).
 */
async function allowByClick(origins: string[]): Promise<boolean> {
  return requestByClick(ff.popup, { origins, data_collection: [...CHANNEL_DATA] });
}

beforeAll(async () => {
  chatgpt = await startSimulator({ mode: 'paused' });
  shop = await startShopSim();
  sims = await startChannelSims({ hosts: { 'gone.example.test': 'webhook' } });
  // The removed hook answers the webhook service's permanent failure (410); the others 2xx.
  sims.route = (r) => (r.host === 'gone.example.test' ? { type: 'broken' } : undefined);
  ff = await launchFirefoxExtension(chatgpt, {
    routes: () => ({ ...shop.proxyRoutes(), ...sims.proxyRoutes() }),
    prefs: { 'extensions.webextOptionalPermissionPrompts': false },
  });
  // The built-in watch is not what this suite is about.
  expect(await toWorker({ type: 'update-watch', watchId: 'chatgpt-plus', changes: { enabled: false } })).toEqual({ ok: true });
});

afterAll(async () => {
  await ff?.close();
  await sims?.close();
  await shop?.close();
  await chatgpt?.close();
});

describe('channels in Firefox ESR', () => {
  it('ntfy and two webhooks are stored with access to their hosts; a page watch reads paused', async () => {
    expect(await allowByClick([...CHANNEL_ORIGINS, originPatternOf(shop.urls.product)])).toBe(true);
    const savedAt = Date.now();
    await ff.popup.evaluate(
      (channels) => (globalThis as Api).browser.storage.local.set({ channels }),
      CHANNELS.map((c) => ({ ...c, savedAt })),
    );
    const answer = await toWorker({ type: 'add-watch', watch: watchEntry(shop, 'product', 10) });
    expect(answer).toMatchObject({ ok: true });
    id = (answer as { watchId: string }).watchId;
    const state = await waitFor(stateOf, (s) => s?.confirmed?.availability === 'paused', 60_000, 'the page watch confirmed paused');
    expect(state?.latest).toMatchObject({ kind: 'paused', reason: 'structured-data' });
    const granted = (await ff.popup.evaluate(() => (globalThis as Api).browser.permissions.getAll())) as chrome.permissions.Permissions & {
      data_collection?: string[];
    };
    expect(granted.origins).toEqual(expect.arrayContaining(CHANNEL_ORIGINS));
    expect(granted.data_collection).toEqual(expect.arrayContaining([...CHANNEL_DATA]));
    expect(sims.requests).toEqual([]);
  });

  it('the reopening reaches ntfy and the webhook exactly once, with the documented bodies; the 410 hook is flagged broken', async () => {
    shop.set(shop.urls.product, 'open');
    await forgetOriginContacts();
    expect(await toWorker({ type: 'check-now', watchId: id })).toMatchObject({ ok: true, verdict: { kind: 'open' } });
    const at = (await stateOf())?.lastReopenAlertAt as number;
    expect(at).toEqual(expect.any(Number));
    // The watch's first reopening alert: none came before it (src/core/outbox.ts).
    const eventId = alertEventId(id, 'reopened', 0);
    await waitFor(
      async () => ({ pending: ((await local()).outbox as OutboxState | undefined)?.pending.length, requests: sims.requests.length }),
      (seen) => seen.pending === 0 && seen.requests === 3,
      30_000,
      'one request to each channel and the outbox empty',
    );

    const [ntfy] = received('ntfy.sh');
    expect(received('ntfy.sh')).toHaveLength(1);
    expect(ntfy).toMatchObject({ method: 'POST', path: '/', status: 200, eventId });
    expect(ntfy?.json).toMatchObject({
      topic: SECRETS.topic,
      title: `${NAMES.product} is in stock`,
      message: expect.stringMatching(/^Confirmed open at /),
      click: shop.urls.product,
    });

    const [webhook] = received('hooks.example.test');
    expect(received('hooks.example.test')).toHaveLength(1);
    expect(webhook).toMatchObject({ method: 'POST', path: SECRETS.webhookPath, status: 200, eventId });
    expect(Object.keys(webhook?.json as object)).toEqual(['event', 'watch', 'state', 'at', 'evidence']);
    expect(webhook?.json).toEqual({
      event: 'reopened',
      watch: { name: NAMES.product, url: shop.urls.product },
      state: 'open',
      at: new Date(at).toISOString(),
      evidence: expect.stringMatching(/InStock/),
    });

    const gone = sims.requests.filter((r) => r.host === 'gone.example.test');
    expect(gone.map((r) => r.status)).toEqual([410]);
    const status = (await local()).channelStatus as ChannelStatusMap;
    expect(status['webhook-gone']?.broken?.why).toBe('HTTP 410');
    for (const c of ['ntfy', 'webhook']) {
      expect(status[c]?.broken, c).toBeUndefined();
      expect(status[c]?.lastDelivered, c).toEqual(expect.any(Number));
    }
  });

  it('checked again while open: nothing more is sent, and no secret is in storage.sync', async () => {
    await forgetOriginContacts();
    expect(await toWorker({ type: 'check-now', watchId: id })).toMatchObject({ ok: true, verdict: { kind: 'open' } });
    await new Promise((r) => setTimeout(r, 1000));
    expect(sims.requests).toHaveLength(3);
    const sync = JSON.stringify(await ff.popup.evaluate(() => (globalThis as Api).browser.storage.sync.get(null)));
    for (const secret of Object.values(SECRETS)) expect(sync).not.toContain(secret);
  });
});
