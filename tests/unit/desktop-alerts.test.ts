// Desktop alerts in the worker (issue 9, item 4), against @webext-core/fake-browser: the chime with a
// reopening alert (through Chrome's one offscreen document), "remind me until I act" on alarms, and
// "Send test notification". A stand-in answers for the offscreen document, which does not run here.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KEYS } from '../../src/core/storage-keys';
import { ntfyConfig } from '../sim/channels/events';
import { type FakeChatGPT, fakeChatGPT } from './fake-chatgpt';
import { fakeOffscreen, fakePermissions } from './fake-polyfill';
import { check, fireAlarm, OWN_VIEW, PLUS, send, startWorker, stored } from './worker-harness';

const { channels: CHANNELS_KEY } = KEYS;

const REMIND = `remind:${PLUS}`;
const REOPENED = `reopened:${PLUS}`;
const MIN = 60_000;

let site: FakeChatGPT;
/** Requests the user's ntfy channel received: a reminder must never send one. */
let ntfyRequests: number;
/** What the offscreen document was asked to do. */
let offscreenAsked: string[];
let info: { mock: { calls: unknown[][] } };

/** Stands in for Chrome's offscreen document once a worker is running (a restart drops every listener). */
function offscreenStandIn(): void {
  fakeBrowser.runtime.onMessage.addListener(((
    message: { target?: string; type: string },
    _sender: unknown,
    reply: (a: unknown) => void,
  ) => {
    if (message?.target !== 'offscreen') return undefined;
    if (!fakeOffscreen.document) return undefined; // no document: nobody answers
    offscreenAsked.push(message.type);
    reply({ played: true });
    return true;
  }) as never);
}

async function startWith(settings: Record<string, boolean>): Promise<void> {
  await startWorker();
  offscreenStandIn();
  await send({ type: 'save-settings', settings }, OWN_VIEW);
  await check(); // paused
}

/** The site reopens and a check confirms it: one reopening alert. */
async function reopen(): Promise<number> {
  site.mode = 'open';
  await check();
  const at = (await stored()).watch.lastReopenAlertAt as number;
  expect(at).toBeGreaterThan(0);
  return at;
}

/** Fires the watch's reminder alarm `minutes` after the reopening alert, on a clock set to that time. */
async function remindAt(alertAt: number, minutes: number): Promise<void> {
  const seen = logged(/reminder shown|reminders stopped/).length;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(alertAt + minutes * MIN);
  await fireAlarm(REMIND);
  await vi.waitFor(() => expect(logged(/reminder shown|reminders stopped/).length).toBe(seen + 1));
}

const logged = (pattern: RegExp) => info.mock.calls.map((call) => call.slice(1).join(' ')).filter((line) => pattern.test(line));
const queuedForChannels = () => logged(/alert queued for channels/).length;

beforeEach(() => {
  site = fakeChatGPT('paused');
  ntfyRequests = 0;
  offscreenAsked = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (new URL(url).hostname === 'ntfy.sh') {
      ntfyRequests++;
      return new Response('{"id":"x"}', { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return site.fetch(url, init ?? {});
  });
  info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('the chime', () => {
  it('is not played when sound is off', async () => {
    await startWith({ sound: false });
    await reopen();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([REOPENED]);
    expect(offscreenAsked).toEqual([]);
    expect(fakeOffscreen.created).toBe(0);
  });

  it('plays once with the reopening alert when on, from one offscreen document made for parsing and sound', async () => {
    await startWith({ sound: true });
    expect(offscreenAsked).toEqual([]); // a paused reading plays nothing
    await reopen();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([REOPENED]);
    expect(offscreenAsked).toEqual(['play-chime']);
    expect(fakeOffscreen.document?.reasons.sort()).toEqual(['AUDIO_PLAYBACK', 'DOM_PARSER']);
    expect(logged(/chime played/)).toHaveLength(1);
    // Checks that find it still open raise no alert and play nothing.
    await check();
    expect(offscreenAsked).toEqual(['play-chime']);
  });

  it('is not played when notifications are off: no alert, no sound', async () => {
    await startWith({ sound: true, notificationsEnabled: false });
    await reopen();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(offscreenAsked).toEqual([]);
  });

  it('shares the document with page reading either way round: never a second one, never one closed under the other', async () => {
    await startWorker({ wakeOnly: true });
    offscreenStandIn();
    const { askOffscreen } = await import('../../src/background/offscreen');
    await askOffscreen({ type: 'read-page' } as never);
    await askOffscreen({ type: 'play-chime' } as never);
    await askOffscreen({ type: 'read-page' } as never);
    expect(fakeOffscreen.created).toBe(1);
    expect(offscreenAsked).toEqual(['read-page', 'play-chime', 'read-page']);
    // Closed when idle: the next request makes a new one, with both reasons again.
    await (fakeBrowser as unknown as { offscreen: { closeDocument(): Promise<void> } }).offscreen.closeDocument();
    await askOffscreen({ type: 'play-chime' } as never);
    expect(fakeOffscreen.created).toBe(2);
    expect(fakeOffscreen.document?.reasons.sort()).toEqual(['AUDIO_PLAYBACK', 'DOM_PARSER']);
  });

  it('a chime that cannot play costs nothing: the alert is shown and the check completes', async () => {
    await startWorker();
    // No stand-in: the document never answers, as when audio cannot start.
    await send({ type: 'save-settings', settings: { sound: true } }, OWN_VIEW);
    await check();
    await reopen();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([REOPENED]);
    expect((await stored()).watch.confirmed.availability).toBe('open');
  });
});

describe('remind me until I act', () => {
  it('is not armed when off', async () => {
    await startWith({ remindUntilAct: false });
    await reopen();
    expect(await fakeBrowser.alarms.get(REMIND)).toBeUndefined();
  });

  it('arms one alarm per watch after the reopening alert, every 5 minutes, and re-arming keeps its beat', async () => {
    await startWith({ remindUntilAct: true });
    const at = await reopen();
    const alarm = await fakeBrowser.alarms.get(REMIND);
    expect(alarm?.periodInMinutes).toBe(5);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(at + 5 * MIN - 1000);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(at + 5 * MIN + 1000);
    const { armReminder } = await import('../../src/background/scheduler');
    await armReminder(PLUS);
    expect((await fakeBrowser.alarms.get(REMIND))?.scheduledTime).toBe(alarm?.scheduledTime);
  });

  it('re-shows the alert (with the chime) at each alarm: not a new reopening, nothing sent to channels again', async () => {
    await fakeBrowser.storage.local.set({ [CHANNELS_KEY]: [ntfyConfig()] });
    fakePermissions.granted.add('https://ntfy.sh/*');
    await startWith({ remindUntilAct: true, sound: true });
    const at = await reopen();
    await vi.waitFor(() => expect(ntfyRequests).toBe(1));
    expect(queuedForChannels()).toBe(1);
    const before = await stored();
    await fakeBrowser.notifications.clear(REOPENED); // the user looked away; it is gone from the screen

    await remindAt(at, 5);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([REOPENED]);
    expect(fakeBrowser.notifications.getAllCreateOptions()[REOPENED]).toMatchObject({
      title: 'ChatGPT Plus upgrades are open',
      message: 'Still available 5 minutes after it reopened. Click to go there; opening Reopen Watch stops these reminders.',
    });
    expect(offscreenAsked).toEqual(['play-chime', 'play-chime']);
    await remindAt(at, 10);
    expect(logged(/reminder shown/)).toHaveLength(2);

    // Not a reopening: the watch's state, history and the outbox are as they were; no channel heard again.
    const after = await stored();
    expect(after.watch).toEqual(before.watch);
    expect(after.history).toEqual(before.history);
    expect(queuedForChannels()).toBe(1);
    expect(ntfyRequests).toBe(1);
    expect(await fakeBrowser.alarms.get(REMIND)).toBeDefined();
  });

  it('stops when the notification is clicked (which still opens the page)', async () => {
    await startWith({ remindUntilAct: true });
    await reopen();
    await fakeBrowser.notifications.onClicked.trigger(REOPENED);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(REMIND)).toBeUndefined());
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain('https://chatgpt.com/#pricing'));
  });

  it('stops when the popup is opened (its one message), for every watch', async () => {
    await startWith({ remindUntilAct: true });
    await reopen();
    await fakeBrowser.alarms.create('remind:another-watch', { periodInMinutes: 5 });
    const [answer] = await send({ type: 'stop-reminders' }, OWN_VIEW);
    expect(answer).toEqual({ ok: true });
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).filter((n) => n.startsWith('remind:'))).toEqual([]);
    // A stranger cannot stop them.
    await fakeBrowser.alarms.create(REMIND, { periodInMinutes: 5 });
    await send({ type: 'stop-reminders' }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' });
    expect(await fakeBrowser.alarms.get(REMIND)).toBeDefined();
  });

  it('stops once the watch is no longer open, without showing anything', async () => {
    await startWith({ remindUntilAct: true });
    const at = await reopen();
    site.mode = 'paused';
    await check();
    await fakeBrowser.notifications.clear(REOPENED);
    await remindAt(at, 5);
    expect(logged(/reminders stopped/)[0]).toContain('"why":"not-open"');
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await fakeBrowser.alarms.get(REMIND)).toBeUndefined();
  });

  it('stops after an hour: the 60-minute reminder is the last', async () => {
    await startWith({ remindUntilAct: true });
    const at = await reopen();
    await remindAt(at, 55);
    expect(await fakeBrowser.alarms.get(REMIND)).toBeDefined();
    await remindAt(at, 60);
    expect(logged(/reminder shown/)).toHaveLength(2);
    expect(logged(/reminder shown/)[1]).toContain('"last":true');
    expect(await fakeBrowser.alarms.get(REMIND)).toBeUndefined();
    // An alarm that was somehow left over re-shows nothing past the hour.
    await fakeBrowser.alarms.create(REMIND, { periodInMinutes: 5 });
    await remindAt(at, 65);
    expect(logged(/reminder shown/)).toHaveLength(2);
    expect(await fakeBrowser.alarms.get(REMIND)).toBeUndefined();
  });

  it('stops at once when the watch is switched off or removed, or reminders are switched off', async () => {
    await startWith({ remindUntilAct: true });
    await reopen();
    await send({ type: 'update-watch', watchId: PLUS, changes: { enabled: false } }, OWN_VIEW);
    expect(await fakeBrowser.alarms.get(REMIND)).toBeUndefined();

    await send({ type: 'update-watch', watchId: PLUS, changes: { enabled: true } }, OWN_VIEW);
    await fakeBrowser.alarms.create(REMIND, { periodInMinutes: 5 });
    await send({ type: 'save-settings', settings: { remindUntilAct: false } }, OWN_VIEW);
    expect(await fakeBrowser.alarms.get(REMIND)).toBeUndefined();

    // A page watch that is removed takes its reminder with it.
    await fakeBrowser.alarms.create('remind:gone', { periodInMinutes: 5 });
    await send({ type: 'save-settings', settings: { remindUntilAct: true } }, OWN_VIEW);
    expect(await fakeBrowser.alarms.get('remind:gone')).toBeUndefined();
  });

  it('survives a worker restart: the alarm and the stored watch are all it needs', async () => {
    await startWith({ remindUntilAct: true });
    const at = await reopen();
    await fakeBrowser.notifications.clear(REOPENED);
    await startWorker({ wakeOnly: true }); // a new worker, woken by the alarm, with nothing in memory
    expect(await fakeBrowser.alarms.get(REMIND)).toBeDefined();
    await remindAt(at, 15);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([REOPENED]);
    expect(fakeBrowser.notifications.getAllCreateOptions()[REOPENED]?.message).toMatch(/^Still available 15 minutes/);
  });
  it('comes back after a browser restart that dropped its alarm (Firefox keeps none), unless the user acted', async () => {
    await startWith({ remindUntilAct: true });
    const at = await reopen();
    // The browser restarts and has lost every alarm.
    await fakeBrowser.alarms.clearAll();
    await startWorker();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(REMIND)).toBeDefined());

    // A minute later the user opens the popup; then another restart loses the alarms again: no reminder returns.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at + MIN);
    await send({ type: 'stop-reminders' }, OWN_VIEW);
    await fakeBrowser.alarms.clearAll();
    await startWorker();
    expect(await fakeBrowser.alarms.get(REMIND)).toBeUndefined();
  });

  it('does not come back after a restart once the alert was clicked', async () => {
    await startWith({ remindUntilAct: true });
    const at = await reopen();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at + MIN);
    await fakeBrowser.notifications.onClicked.trigger(REOPENED);
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get('remindersActed')).remindersActed).toBeDefined());
    await fakeBrowser.alarms.clearAll();
    await startWorker();
    expect(await fakeBrowser.alarms.get(REMIND)).toBeUndefined();
  });
});

describe('Send test notification', () => {
  it('shows one and says so', async () => {
    await startWorker();
    const tabs = await fakeBrowser.tabs.query({});
    const [answer] = await send({ type: 'test-notification' }, OWN_VIEW);
    expect(answer).toEqual({ ok: true, notification: 'shown' });
    expect(fakeBrowser.notifications.getAllCreateOptions().test).toMatchObject({ title: 'Reopen Watch test notification' });
    // A second test replaces the first; a click clears it and opens nothing.
    await send({ type: 'test-notification' }, OWN_VIEW);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['test']);
    await fakeBrowser.notifications.onClicked.trigger('test');
    await vi.waitFor(async () => expect(await fakeBrowser.notifications.getAll()).toEqual({}));
    expect(await fakeBrowser.tabs.query({})).toEqual(tabs);
  });

  it('says "blocked" when Chrome reports notifications denied, and shows nothing', async () => {
    await startWorker();
    vi.spyOn(fakeBrowser.notifications as unknown as { getPermissionLevel(): Promise<string> }, 'getPermissionLevel').mockResolvedValue(
      'denied',
    );
    const [answer] = await send({ type: 'test-notification' }, OWN_VIEW);
    expect(answer).toEqual({ ok: true, notification: 'blocked' });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('works where the browser has no permission level (Firefox), without an error', async () => {
    await startWorker();
    const api = fakeBrowser.notifications as unknown as { getPermissionLevel?: unknown };
    const level = api.getPermissionLevel;
    delete api.getPermissionLevel;
    try {
      const [answer] = await send({ type: 'test-notification' }, OWN_VIEW);
      expect(answer).toEqual({ ok: true, notification: 'shown' });
    } finally {
      api.getPermissionLevel = level;
    }
  });

  it('the settings it belongs with are kept by save-settings; non-booleans are ignored', async () => {
    await startWorker();
    await send({ type: 'save-settings', settings: { sound: true, remindUntilAct: true } }, OWN_VIEW);
    await send({ type: 'save-settings', settings: { sound: 'loud', remindUntilAct: null } }, OWN_VIEW);
    expect((await stored())[KEYS.settings]).toEqual({ notificationsEnabled: true, paused: false, remindUntilAct: true, sound: true });
  });
});
