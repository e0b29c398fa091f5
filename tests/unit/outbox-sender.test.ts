// Issue 9 in the worker: reopenings reach every channel through the persisted outbox, against
// fake-browser and in-process stand-ins of ntfy, Telegram, Discord, Slack and a webhook receiver
// (the e2e simulators' own answer shapes, tests/sim/channels).
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelConfig } from '../../src/core/channels/index';
import { secretsOf } from '../../src/core/channels/index';
import { GIVE_UP_AFTER_MS, type OutboxState } from '../../src/core/outbox';
import { KEYS } from '../../src/core/storage-keys';
import { removeChannel, repairStoredChannels, saveChannel } from '../../src/options/channel-configs';
import { releaseUnusedOrigins, rememberSitesAskedBefore } from '../../src/options/release-origins';
import type { Incoming, Reply, ServiceSim, SimAnswer } from '../sim/channels/answers';
import { discordSim } from '../sim/channels/discord';
import {
  allConfigs,
  DISCORD_URL,
  discordConfig,
  ntfyConfig,
  SECRETS,
  SLACK_URL,
  slackConfig,
  telegramConfig,
  WEBHOOK_URL,
  webhookConfig,
} from '../sim/channels/events';
import { ntfySim } from '../sim/channels/ntfy';
import { slackSim } from '../sim/channels/slack';
import { telegramSim } from '../sim/channels/telegram';
import { webhookSim } from '../sim/channels/webhook';
import { type FakeChatGPT, fakeChatGPT, TOKEN } from './fake-chatgpt';
import { fakePermissions } from './fake-polyfill';
import { check, fireAlarm, OWN_VIEW, PLUS, runCheck, send, startWorker, stored } from './worker-harness';

const { channels: CHANNELS_KEY, channelStatus: CHANNEL_STATUS_KEY, outbox: OUTBOX_KEY } = KEYS;

type Service = 'ntfy' | 'telegram' | 'discord' | 'slack' | 'webhook';
const HOSTS: Record<string, [Service, ServiceSim]> = {
  'ntfy.sh': ['ntfy', ntfySim],
  'api.telegram.org': ['telegram', telegramSim],
  'discord.com': ['discord', discordSim],
  'hooks.slack.com': ['slack', slackSim],
  'hooks.example.test': ['webhook', webhookSim],
};
const ORIGINS = Object.keys(HOSTS).map((host) => `https://${host}/*`);
const CONFIGS: Record<Service, () => ChannelConfig> = {
  ntfy: ntfyConfig,
  telegram: telegramConfig,
  discord: discordConfig,
  slack: slackConfig,
  webhook: webhookConfig,
};

interface Request {
  service: Service;
  eventId: string;
  answer: SimAnswer['type'];
  json: unknown;
}

let site: FakeChatGPT;
/** Every request a service got, in order, with the answer it gave. */
let requests: Request[];
/** Next answers per service, used once each; then `always`, then ok. */
let script: Partial<Record<Service, SimAnswer[]>>;
let always: Partial<Record<Service, SimAnswer>>;

const toResponse = ({ status, body, headers }: Reply) => new Response([204, 205, 304].includes(status) ? null : body, { status, headers });

async function fakeFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const parsed = new URL(url);
  if (parsed.hostname === 'chatgpt.com') return site.fetch(url, init);
  const route = HOSTS[parsed.hostname];
  if (!route) throw new TypeError('Failed to fetch');
  const [service, sim] = route;
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  const body = typeof init.body === 'string' ? init.body : '';
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  const incoming: Incoming = { method: init.method ?? 'GET', path: parsed.pathname + parsed.search, headers, body, json };
  const answer = script[service]?.shift() ?? always[service] ?? { type: 'ok' };
  requests.push({ service, eventId: decodeURIComponent(headers['x-reopen-watch-event'] ?? ''), answer: answer.type, json });
  const refused = sim.refuse(incoming);
  if (refused) return toResponse(refused);
  // A hang stands for a worker killed mid-send: the request went out and no answer ever comes.
  if (answer.type === 'hang') return new Promise<Response>(() => undefined);
  if (answer.type === 'reset') throw new TypeError('Failed to fetch');
  if (answer.type === 'raw') return toResponse({ status: answer.status, body: answer.body, headers: answer.headers ?? {} });
  return toResponse(sim.reply(answer, incoming));
}

/** The outbox sender of the worker now running (each startWorker loads a fresh copy). */
const sender = () => import('../../src/background/outbox-sender');
/** Waits until the running send (and one more round) is done. */
const flush = async () => (await sender()).sendDue();
const outbox = async () => (await stored())[OUTBOX_KEY] as OutboxState;
const status = async () => (await stored())[CHANNEL_STATUS_KEY] as Record<string, { broken?: { why: string }; lastDelivered?: number }>;
const delivered = (service: Service) => requests.filter((r) => r.service === service && r.answer === 'ok');
const sentTo = (service: Service) => requests.filter((r) => r.service === service);

/** Moves the clock (only Date: the worker's timers stay real). */
function setNow(at: number): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
}

/** Every message response, so the secrets test can scan them. */
const responses: unknown[] = [];
async function ask(message: unknown): Promise<Record<string, any>> {
  const [answer] = (await send(message, OWN_VIEW)) as unknown as Array<Promise<Record<string, any>>>;
  const result = await answer;
  responses.push(result);
  return result as Record<string, any>;
}
/** As the options page saves them: straight into storage.local (src/options/channel-configs.ts). */
async function addChannels(...configs: ChannelConfig[]): Promise<void> {
  for (const channel of configs) expect(await saveChannel({ ...channel })).toMatchObject({ ok: true, channel });
  await settleWorker();
}
/** Lets the worker follow a change of the stored list (its storage.onChanged listener). */
const settleWorker = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  await flush();
};

/**
 * A confirmed reopening of ChatGPT Plus through the real check path; then time moves on a minute
 * and the send settles (unless a request hangs: then until it is marked in flight).
 */
async function reopen(options: { hangs?: boolean } = {}): Promise<void> {
  site.mode = 'open';
  await check();
  setNow(Date.now() + 60_000);
  if (!options.hangs) return flush();
  await vi.waitFor(async () => {
    const box = await outbox();
    expect(box?.pending.some((d) => d.inFlightSince !== undefined)).toBe(true);
    expect(box?.pending.length).toBe(1);
  });
}

const log = () => JSON.stringify([vi.mocked(console.info).mock.calls, vi.mocked(console.warn).mock.calls]);
const logged = (message: string) =>
  [...vi.mocked(console.info).mock.calls, ...vi.mocked(console.warn).mock.calls].filter((call) => call[1] === message);

beforeEach(async () => {
  site = fakeChatGPT('paused');
  requests = [];
  script = {};
  always = {};
  responses.length = 0;
  vi.stubGlobal('fetch', fakeFetch);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  for (const origin of ORIGINS) fakePermissions.granted.add(origin);
  await startWorker();
  await check();
});

describe('a reopening', () => {
  it('is delivered once to each healthy channel, localised, with its link; not to a switched-off or broken one', async () => {
    await addChannels(...allConfigs());
    await addChannels(ntfyConfig({ id: 'off', topic: 'another-topic', enabled: false }));
    await addChannels(webhookConfig({ id: 'gone', url: 'https://hooks.example.test/old' }));
    script.webhook = [{ type: 'broken' }];
    expect(await ask({ type: 'test-channel', channelId: 'gone' })).toMatchObject({ ok: true, outcome: { type: 'broken' } });
    requests = [];

    await reopen();
    for (const service of Object.keys(CONFIGS) as Service[]) expect(delivered(service), service).toHaveLength(1);
    expect(requests).toHaveLength(5);
    const eventId = requests[0]?.eventId as string;
    expect(eventId).toBe('chatgpt-plus:reopened:0');
    expect(new Set(requests.map((r) => r.eventId))).toEqual(new Set([eventId]));
    expect(requests.find((r) => r.service === 'ntfy')?.json).toMatchObject({
      title: 'ChatGPT Plus upgrades are open',
      message: expect.stringMatching(/^Confirmed open at .+\. Reopenings can be short, so act soon\.$/),
      click: 'https://chatgpt.com/#pricing',
      actions: [{ label: 'Upgrade now', url: 'https://chatgpt.com/#pricing' }],
    });
    expect(requests.find((r) => r.service === 'webhook')?.json).toMatchObject({ event: 'reopened', state: 'open' });

    const box = await outbox();
    expect(box.pending).toEqual([]);
    expect(box.settled.map((s) => s.channelId).sort()).toEqual(
      allConfigs()
        .map((c) => c.id)
        .sort(),
    );
    expect(await fakeBrowser.alarms.get('outbox')).toBeUndefined();
    const health = await status();
    for (const config of allConfigs()) expect(health[config.id]?.lastDelivered, config.id).toBeGreaterThan(0);
    expect(health.gone?.broken?.why).toBe('HTTP 410');

    // Still open, and the alarm or a restart finds nothing more to send.
    vi.useRealTimers();
    await check();
    await fireAlarm('outbox');
    await startWorker();
    await flush();
    expect(requests).toHaveLength(5);
  });

  it('goes only to the channels the watch chose, when it chose some', async () => {
    await addChannels(ntfyConfig(), webhookConfig(), slackConfig());
    expect(await ask({ type: 'update-watch', watchId: PLUS, changes: { channels: ['ch-webhook', 'ch-gone'] } })).toEqual({ ok: true });
    await reopen();
    expect(requests.map((r) => r.service)).toEqual(['webhook']);
  });

  it('is queued for channels only when the watch alerts (a desktop notification is due)', async () => {
    await addChannels(ntfyConfig());
    await send({ type: 'save-settings', settings: { notificationsEnabled: false } }, OWN_VIEW);
    await reopen();
    expect(requests).toEqual([]);
    expect((await stored())[OUTBOX_KEY]).toBeUndefined();
  });
});

describe('rate limits', () => {
  it.each(Object.keys(CONFIGS) as Service[])("%s: a 429 waits the service's own time, then delivers", async (service) => {
    await addChannels(CONFIGS[service]());
    script[service] = [{ type: 'rate-limited', retryAfterS: 120 }];
    await reopen();
    expect(sentTo(service)).toHaveLength(1);
    const [waiting] = (await outbox()).pending;
    expect(waiting).toMatchObject({ attempts: 1, lastWhy: expect.stringMatching(/^HTTP 429/) });
    const waited = (waiting?.nextAttemptAt ?? 0) - (waiting?.firstQueuedAt ?? 0);
    expect(waited).toBeGreaterThanOrEqual(120_000);
    expect(waited).toBeLessThan(125_000);
    expect((await fakeBrowser.alarms.get('outbox'))?.scheduledTime).toBe(waiting?.nextAttemptAt);

    setNow((waiting?.nextAttemptAt ?? 0) - 5_000);
    await fireAlarm('outbox');
    await flush();
    expect(sentTo(service)).toHaveLength(1);

    setNow(waiting?.nextAttemptAt ?? 0);
    await fireAlarm('outbox');
    await flush();
    expect(sentTo(service)).toHaveLength(2);
    expect(delivered(service)).toHaveLength(1);
    expect((await outbox()).pending).toEqual([]);
    expect(await fakeBrowser.alarms.get('outbox')).toBeUndefined();
  });
});

describe('permanent failures', () => {
  const cases: Array<[string, Service, SimAnswer, RegExp]> = [
    ['ntfy 403', 'ntfy', { type: 'broken' }, /^HTTP 403: forbidden \(40301\)$/],
    ['Telegram 400 chat not found', 'telegram', { type: 'broken' }, /^HTTP 400: Bad Request: chat not found$/],
    [
      'Telegram 401',
      'telegram',
      { type: 'raw', status: 401, body: '{"ok":false,"error_code":401,"description":"Unauthorized"}' },
      /^HTTP 401/,
    ],
    ['Discord 404 Unknown Webhook', 'discord', { type: 'broken' }, /^HTTP 404: Unknown Webhook \(10015\)$/],
    ['Slack 404 no_service', 'slack', { type: 'broken' }, /^HTTP 404: no_service$/],
    ['Slack 403', 'slack', { type: 'raw', status: 403, body: 'action_prohibited' }, /^HTTP 403/],
    ['webhook 410', 'webhook', { type: 'broken' }, /^HTTP 410$/],
    ['webhook 401', 'webhook', { type: 'raw', status: 401, body: '' }, /^HTTP 401$/],
    ['webhook 404', 'webhook', { type: 'raw', status: 404, body: '' }, /^HTTP 404$/],
  ];

  it.each(cases)('%s marks the channel broken and stops retrying; a good test clears it', async (_name, service, answer, why) => {
    const config = CONFIGS[service]();
    await addChannels(config);
    script[service] = [answer];
    await reopen();
    expect(sentTo(service)).toHaveLength(1);
    expect((await outbox()).pending).toEqual([]);
    expect((await status())[config.id]?.broken?.why).toMatch(why);
    expect(logged('channel broken: nothing more is sent to it until it is fixed')).toHaveLength(1);

    // No retry later, and no new alert queued for it while it is broken.
    setNow(Date.now() + 30 * 60_000);
    await fireAlarm('outbox');
    await flush();
    const { enqueueAlert } = await sender();
    const plus = (await stored()).plus;
    await enqueueAlert(plus, 'reopened', (await stored()).watch.latest, Date.now(), {
      ...(await stored()).watch,
      lastReopenAlertAt: Date.now(),
    });
    await flush();
    expect(sentTo(service)).toHaveLength(1);
    expect((await outbox()).pending).toEqual([]);

    // Fixed by the user: Send test reaches it and the mark goes.
    expect(await ask({ type: 'test-channel', channelId: config.id })).toEqual({ ok: true, outcome: { type: 'delivered' } });
    expect((await status())[config.id]?.broken).toBeUndefined();
    expect(delivered(service).at(-1)?.eventId).toMatch(/^test:/);
  });
});

describe('a worker killed between queueing an alert and saving its check', () => {
  it('sends the alert once: the check done again makes the same event, and the desktop alert still comes', async () => {
    await addChannels(webhookConfig());
    const original = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let died = false;
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      // The check's own write: the worker is gone before it lands (so is every later try to save it).
      if (`state:${PLUS}` in items) {
        died = true;
        throw new Error('the worker was stopped');
      }
      return original(items);
    });
    site.mode = 'open';
    // As check() does, with the failure caught at once (the commit throws while the clock runs).
    await fakeBrowser.storage.session.clear();
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const failed = runCheck('test').then(
      () => null,
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(30_000);
    expect(String(await failed)).toMatch(/the worker was stopped/);
    vi.useRealTimers();
    expect(died).toBe(true);
    await vi.waitFor(() => expect(delivered('webhook')).toHaveLength(1));
    expect(Object.keys(await fakeBrowser.notifications.getAllCreateOptions())).toEqual([]);

    // A new worker checks again and finds the same reopening: desktop alert now, channels nothing new.
    set.mockRestore();
    await startWorker();
    await check();
    await flush();
    expect(Object.keys(await fakeBrowser.notifications.getAllCreateOptions())).toEqual([`reopened:${PLUS}`]);
    expect(sentTo('webhook')).toHaveLength(1);
    expect(sentTo('webhook')[0]?.eventId).toBe(`${PLUS}:reopened:0`);
  });
});

describe('a watch edited to another page', () => {
  it('keeps its count of alerts, so its next reopening is a new event for the channels', async () => {
    const [added] = (await send(
      { type: 'add-watch', watch: { name: 'Shop', kind: 'page', url: 'https://shop.example/a' } },
      OWN_VIEW,
    )) as unknown as Array<Promise<{ watchId: string }>>;
    const id = (await (added as Promise<{ watchId: string }>)).watchId;
    const key = `state:${id}`;
    await fakeBrowser.storage.local.set({ [key]: { ...(await stored())[key], alertsRaised: 3, lastReopenAlertAt: 5 } });
    await startWorker();
    expect(await ask({ type: 'update-watch', watchId: id, changes: { url: 'https://shop.example/b' } })).toEqual({ ok: true });
    const state = (await stored())[key];
    expect(state).toMatchObject({ alertsRaised: 3, lastReopenAlertAt: null, latest: null });
  });
});

describe('answers that could mislead', () => {
  it('a 2xx whose body then breaks off counts as delivered (sending again would deliver twice)', async () => {
    await addChannels(webhookConfig());
    const base = fetch;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      if (new URL(url).hostname !== 'hooks.example.test') return base(url, init);
      requests.push({ service: 'webhook', eventId: 'broken-body', answer: 'ok', json: undefined });
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"ok":'));
          controller.error(new TypeError('network error'));
        },
      });
      return new Response(body, { status: 200 });
    });
    await reopen();
    expect(sentTo('webhook')).toHaveLength(1);
    expect((await outbox()).pending).toEqual([]);
    expect((await status())['ch-webhook']?.lastDelivered).toBeGreaterThan(0);
  });

  it('a refusal of settings the user has fixed meanwhile does not stop the fixed channel', async () => {
    await addChannels(ntfyConfig());
    const base = fetch;
    let answer: (response: Response) => void = () => undefined;
    let asked = 0;
    vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
      if (new URL(url).hostname !== 'ntfy.sh' || asked++ > 0) return base(url, init);
      return new Promise<Response>((resolve) => {
        answer = resolve;
      });
    });
    site.mode = 'open';
    await check();
    const sending = flush();
    await vi.waitFor(() => expect(asked).toBe(1));
    // The user saves a new token while the old one's request is out; then the old one is refused.
    // (Saved as the page does; not addChannels, whose settling would wait for this very send.)
    expect((await saveChannel({ ...ntfyConfig({ token: 'tk_newtoken000000000000000000' }) })).ok).toBe(true);
    answer(new Response('{"code":40101,"error":"unauthorized"}', { status: 401 }));
    await sending;
    expect((await status())?.['ch-ntfy']?.broken).toBeUndefined();
    const [waiting] = (await outbox()).pending;
    expect(waiting?.lastWhy).toMatch(/^HTTP 401.*with settings changed since$/);
    setNow(waiting?.nextAttemptAt ?? 0);
    await fireAlarm('outbox');
    await flush();
    expect(delivered('ntfy')).toHaveLength(1);
  });
});

describe('a slow channel', () => {
  it('holds up only itself: another channel gets a later alert at once', async () => {
    await addChannels(ntfyConfig(), webhookConfig());
    always.ntfy = { type: 'hang' };
    const { enqueueAlert } = await sender();
    const { plus, watch } = await stored();
    await enqueueAlert(plus, 'reopened', watch.latest, Date.now(), { ...watch, alertsRaised: 1 });
    await vi.waitFor(() => expect(delivered('webhook')).toHaveLength(1));
    await enqueueAlert(plus, 'reopened', watch.latest, Date.now(), { ...watch, alertsRaised: 2 });
    // ntfy's first request still hangs.
    await vi.waitFor(() => expect(delivered('webhook')).toHaveLength(2), { timeout: 1000 });
    expect(sentTo('ntfy')).toHaveLength(1);
  });
});

describe('a worker killed mid-send', () => {
  it('sends the interrupted delivery again exactly once after the restart, and nothing else twice', async () => {
    await addChannels(ntfyConfig(), webhookConfig());
    script.ntfy = [{ type: 'hang' }];
    await reopen({ hangs: true });
    const box = await outbox();
    expect(box.pending).toHaveLength(1);
    expect(box.pending[0]).toMatchObject({ channelId: 'ch-ntfy', attempts: 1, inFlightSince: expect.any(Number) });
    expect(delivered('webhook')).toHaveLength(1);

    // The browser starts a new worker; the old one's request never answers.
    vi.useRealTimers();
    await startWorker();
    await vi.waitFor(() => expect(delivered('ntfy')).toHaveLength(1));
    await flush();
    expect(sentTo('ntfy').map((r) => r.eventId)).toEqual([box.pending[0]?.eventId, box.pending[0]?.eventId]);
    expect(logged('channel delivery resent')).toHaveLength(1);
    expect((await outbox()).pending).toEqual([]);

    // Later wakes and restarts send nothing more.
    await fireAlarm('outbox');
    await startWorker();
    await flush();
    expect(sentTo('ntfy')).toHaveLength(2);
    expect(sentTo('webhook')).toHaveLength(1);
  });

  it('is found by the outbox alarm even without a browser restart', async () => {
    await addChannels(webhookConfig());
    script.webhook = [{ type: 'hang' }];
    await reopen({ hangs: true });
    const marked = (await outbox()).pending[0];
    expect(marked?.inFlightSince).toBeDefined();
    // The alarm was set before the request went out, for when a lost send counts as lost.
    expect((await fakeBrowser.alarms.get('outbox'))?.scheduledTime).toBeGreaterThan((marked?.inFlightSince ?? 0) + 2 * 60_000);

    await startWorker({ wakeOnly: true });
    setNow((marked?.inFlightSince ?? 0) + 2 * 60_000);
    await fireAlarm('outbox');
    await flush();
    expect(sentTo('webhook')).toHaveLength(2);
    expect(delivered('webhook')).toHaveLength(1);
    expect((await outbox()).pending).toEqual([]);
    // The possible duplicate is said, not silent.
    expect(logged('channel delivery resent')).toHaveLength(1);
  });
});

describe('retries', () => {
  it('give up after 1 h with a logged, redacted reason', async () => {
    await addChannels(ntfyConfig());
    const echo = JSON.stringify({ code: 50001, http: 500, error: `boom ${SECRETS.ntfyTopic} ${SECRETS.ntfyToken}` });
    always.ntfy = { type: 'raw', status: 500, body: echo, headers: { 'content-type': 'application/json' } };
    await reopen();
    const first = (await outbox()).pending[0];
    expect(first?.lastWhy).toBe('HTTP 500: boom [secret] [secret] (50001)');
    for (let round = 0; round < 50; round++) {
      const [next] = (await outbox()).pending;
      if (!next) break;
      setNow(next.nextAttemptAt);
      await fireAlarm('outbox');
      await flush();
    }
    expect((await outbox()).pending).toEqual([]);
    const attempts = sentTo('ntfy').length;
    expect(attempts).toBeGreaterThan(10);
    expect(Date.now() - (first?.firstQueuedAt ?? 0)).toBeLessThanOrEqual(GIVE_UP_AFTER_MS);
    const [lost] = logged('channel delivery lost');
    expect(JSON.parse(lost?.[2] as string)).toMatchObject({
      channelId: 'ch-ntfy',
      reason: 'lost-after-retries',
      why: expect.stringMatching(
        new RegExp(`^${attempts} attempts in \\d+ min; last: HTTP 500: boom \\[secret\\] \\[secret\\] \\(50001\\)$`),
      ),
    });
    expect((await status())['ch-ntfy']).toMatchObject({ lastLost: { why: expect.stringMatching(/^lost-after-retries: /) } });
    expect((await status())['ch-ntfy']?.broken).toBeUndefined();
    expect(await fakeBrowser.alarms.get('outbox')).toBeUndefined();
    expect(log()).not.toContain(SECRETS.ntfyTopic);
  });

  it('survive no answer at all (a dropped connection) and deliver once the service is back', async () => {
    await addChannels(discordConfig());
    script.discord = [{ type: 'reset' }, { type: 'server-error' }];
    await reopen();
    for (let round = 0; round < 5 && (await outbox()).pending.length > 0; round++) {
      setNow((await outbox()).pending[0]?.nextAttemptAt ?? 0);
      await fireAlarm('outbox');
      await flush();
    }
    expect(sentTo('discord').map((r) => r.answer)).toEqual(['reset', 'server-error', 'ok']);
    expect((await status())['ch-discord']?.lastDelivered).toBeDefined();
  });
});

describe('the channel store', () => {
  it('validates every save, keeps only known fields and makes ids (the page asks for the host before saving)', async () => {
    const bad = await saveChannel({ ...telegramConfig({ chatId: 'not a chat' }) });
    expect(bad).toMatchObject({ ok: false, problems: [expect.stringMatching(/^Chat id must be/)] });
    const unknown = await saveChannel({ type: 'pager', id: 'x', enabled: true });
    expect(unknown).toMatchObject({ ok: false, problems: ['Unknown channel type.'] });
    expect((await stored())[CHANNELS_KEY]).toBeUndefined();

    const made = await saveChannel({ ...ntfyConfig({ id: '' }), extra: 'dropped', botToken: 'x' });
    const id = made.ok ? made.channel.id : '';
    expect(id).toMatch(/^ch-[0-9a-f]{12}$/);
    expect((await stored())[CHANNELS_KEY]).toEqual([{ ...ntfyConfig(), id, savedAt: expect.any(Number) }]);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('clears a broken mark when the user changes the channel, and sends to it again', async () => {
    await addChannels(ntfyConfig());
    always.ntfy = { type: 'raw', status: 401, body: '{"code":40101,"error":"unauthorized"}' };
    await reopen();
    expect((await status())['ch-ntfy']?.broken?.why).toMatch(/401/);
    delete always.ntfy;
    await addChannels(ntfyConfig({ token: 'tk_fixedtoken0000000000000000' }));
    expect((await status())['ch-ntfy']?.broken).toBeUndefined();
    expect(logged('channel changed')).toHaveLength(1);
  });

  it('removes a channel with its waiting deliveries (reported) and releases its host unless a watch needs it', async () => {
    await addChannels(ntfyConfig(), webhookConfig());
    // Channels from 2.1, which kept no list of the sites it asked for: the options page makes one as it opens.
    await rememberSitesAskedBefore();
    always.ntfy = { type: 'server-error' };
    await reopen();
    expect((await outbox()).pending).toHaveLength(1);
    // Removing a watch keeps every channel's host.
    const [added] = (await send(
      { type: 'add-watch', watch: { name: 'Shop', kind: 'page', url: 'https://hooks.example.test/shop' } },
      OWN_VIEW,
    )) as unknown as Array<Promise<{ watchId: string }>>;
    await send({ type: 'remove-watch', watchId: (await added)?.watchId }, OWN_VIEW);
    await releaseUnusedOrigins(); // as the options page does after a removal
    expect(fakePermissions.granted).toContain('https://ntfy.sh/*');

    await removeChannel('ch-ntfy');
    await settleWorker();
    expect((await outbox()).pending).toEqual([]);
    expect(logged('channel delivery lost').map((c) => JSON.parse(c[2] as string).reason)).toEqual(['dropped']);
    expect((await stored())[CHANNELS_KEY].map((c: ChannelConfig) => c.id)).toEqual(['ch-webhook']);
    expect(Object.keys(await status())).toEqual(['ch-webhook']);
    expect(fakePermissions.granted).not.toContain('https://ntfy.sh/*');
    expect(fakePermissions.granted).toContain('https://hooks.example.test/*');
  });

  it('repairs damaged channels, status and outbox on read, logging why without a secret', async () => {
    await fakeBrowser.storage.local.set({
      [CHANNELS_KEY]: [ntfyConfig(), { ...telegramConfig(), chatId: SECRETS.telegramToken }, 'junk', ntfyConfig()],
      [CHANNEL_STATUS_KEY]: { 'ch-ntfy': { broken: 'yes', lastDelivered: 5 }, nobody: {} },
      [OUTBOX_KEY]: { pending: [{ eventId: 'x' }], settled: 'no' },
    });
    await startWorker();
    await reopen();
    expect(delivered('ntfy')).toHaveLength(1);
    // The worker only reads around the damage: the options page, which owns the list, writes it back when it opens.
    await repairStoredChannels();
    const all = await stored();
    expect(all[CHANNELS_KEY]).toEqual([ntfyConfig()]);
    expect(all[CHANNEL_STATUS_KEY]).toEqual({ 'ch-ntfy': { lastDelivered: expect.any(Number) } });
    const repairs = JSON.stringify([...logged('channels repaired'), ...logged('outbox repaired')]);
    expect(repairs).toContain('channel 2 (telegram) is not usable (Chat id must be');
    expect(repairs).toContain('channel 3 is not usable (A channel must be an object.); dropped');
    expect(repairs).toContain('channel 4 (ntfy) repeats an id; dropped');
    expect(repairs).toContain('status of channel ch-ntfy had malformed fields; removed');
    expect(repairs).toContain('outbox settled was not a list; reset');
    expect(log()).not.toContain(SECRETS.telegramToken);
  });
});

describe('secrets', () => {
  /** Every secret of every channel type: tokens, topics, webhook URLs and their secret parts, a header value. */
  const SECRET_VALUES = [...new Set(allConfigs().flatMap((c) => secretsOf(c)))];
  const echo = SECRET_VALUES.join(' ');

  it('never appear in storage outside `channels`, in the console, in notifications, in any message response or in a save problem', async () => {
    expect(SECRET_VALUES).toEqual(expect.arrayContaining([DISCORD_URL, SLACK_URL, WEBHOOK_URL, SECRETS.ntfyToken, SECRETS.telegramToken]));
    await addChannels(...allConfigs());
    // Problems about a config name fields, never the values.
    for (const wrong of [
      { ...telegramConfig(), botToken: `${SECRETS.telegramToken} x` },
      { ...webhookConfig(), headerValue: `${SECRETS.headerValue}é` },
      { ...discordConfig(), webhookUrl: `${DISCORD_URL}/extra` },
    ])
      responses.push(await saveChannel(wrong));
    for (const config of allConfigs()) await ask({ type: 'test-channel', channelId: config.id });

    // Each service answers with failures that quote every secret back, then a permanent failure or success.
    script = {
      ntfy: [{ type: 'raw', status: 500, body: JSON.stringify({ code: 50001, error: echo }) }],
      telegram: [
        { type: 'raw', status: 429, body: JSON.stringify({ ok: false, description: echo, parameters: { retry_after: 1 } }) },
        { type: 'raw', status: 401, body: JSON.stringify({ ok: false, description: echo }) },
      ],
      discord: [{ type: 'raw', status: 429, body: JSON.stringify({ message: echo, retry_after: 1 }) }],
      slack: [{ type: 'raw', status: 500, body: echo }],
      webhook: [{ type: 'raw', status: 404, body: echo }],
    };
    site.mode = 'open';
    await check();
    setNow(Date.now() + 60_000);
    await flush();
    for (let round = 0; round < 5; round++) {
      setNow(Date.now() + 10 * 60_000);
      await fireAlarm('outbox');
      await flush();
    }
    // Some weird answers too: test sends quoting secrets, a channel removed.
    script.ntfy = [{ type: 'raw', status: 403, body: JSON.stringify({ code: 40301, error: echo }) }];
    await ask({ type: 'test-channel', channelId: 'ch-ntfy' });
    await removeChannel('ch-slack');
    await settleWorker();
    await ask({ type: 'test-channel', channelId: 'ch-slack' });

    expect(delivered('discord').length + delivered('slack').length).toBeGreaterThan(0);
    const all = await stored();
    const { [CHANNELS_KEY]: _channels, ...outside } = all;
    const places: Record<string, string> = {
      'storage outside channels': JSON.stringify(outside),
      'storage.sync': JSON.stringify(await fakeBrowser.storage.sync.get(null)),
      console: log(),
      notifications: JSON.stringify(fakeBrowser.notifications.getAllCreateOptions()),
      'message responses': JSON.stringify(responses),
    };
    expect(places['message responses']).toContain('[secret]');
    expect(places['storage outside channels']).toContain('[secret]');
    for (const [place, text] of Object.entries(places))
      for (const secret of [...SECRET_VALUES, TOKEN]) expect(text.includes(secret), `${place}: ${secret.slice(0, 12)}…`).toBe(false);
    expect(Object.keys(await fakeBrowser.notifications.getAllCreateOptions())).toEqual([`reopened:${PLUS}`]);
  });
});
