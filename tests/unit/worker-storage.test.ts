// 1.1's storage contract in the worker: no lost updates, one read per wake, one source for the next check.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KEYS } from '../../src/core/storage-keys';
import { type FakeChatGPT, fakeChatGPT } from './fake-chatgpt';
import {
  CHECK_ALARM,
  check,
  fireAlarm,
  forgetOriginSpacing,
  OWN_VIEW,
  runCheck,
  send,
  setInterval,
  startWorker,
  stored,
  WATCHDOG_ALARM,
} from './worker-harness';

let site: FakeChatGPT;

beforeEach(() => {
  site = fakeChatGPT('paused');
  vi.stubGlobal('fetch', site.fetch);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

type TabUpdate = Parameters<typeof fakeBrowser.tabs.onUpdated.trigger>;
const tabUpdate = (url: string, status: 'loading' | 'complete') =>
  fakeBrowser.tabs.onUpdated.trigger(1, { status } as TabUpdate[1], { id: 1, url } as TabUpdate[2]);

describe('a settings save racing a check', () => {
  it('loses nothing: the check’s verdict, disarmed alert and the new interval all survive', async () => {
    await startWorker();
    await check();
    site.mode = 'open';
    const create = vi.spyOn(fakeBrowser.notifications, 'create');

    // Hold the settings save's first storage write until the check has tried to commit.
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if ('watch:chatgpt-plus' in items) await gate;
      return realSet(items);
    });

    const saving = setInterval(600_000);
    await forgetOriginSpacing();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const checking = runCheck('test');
    await vi.advanceTimersByTimeAsync(10_000); // the probe and its confirmation run; the save is held
    release();
    await Promise.all([saving, checking]);
    vi.useRealTimers();

    const { plus, watch } = await stored();
    expect(plus.intervalMinutes).toBe(10);
    expect(watch.latest.kind).toBe('open');
    expect(watch.confirmed.availability).toBe('open');
    expect(watch.alertArmed).toBe(false);
    expect(watch.lastReopenAlertAt).not.toBeNull();
    expect(create).toHaveBeenCalledTimes(1);

    // Had the save rolled the watch back, this check would re-arm and alert a second time.
    await check();
    expect(create).toHaveBeenCalledTimes(1);
  });
});

describe('work per wake', () => {
  it('reads storage once per wake, not per step', async () => {
    await startWorker();
    await check();
    const { watch } = await stored();
    await fakeBrowser.storage.local.set({ 'state:chatgpt-plus': { ...watch, latest: { ...watch.latest, at: Date.now() - 300_000 } } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await startWorker({ wakeOnly: true }); // a new wake for an alarm: no start-up work
    expect(get).toHaveBeenCalledTimes(0);
    const alarmBefore = (await fakeBrowser.alarms.get(CHECK_ALARM))?.scheduledTime;
    await forgetOriginSpacing();
    await fireAlarm(CHECK_ALARM);
    await vi.waitFor(() => expect(site.calls.length).toBe(4));
    // The commit ends with the alarm moved; only then look (reading storage here would count too).
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(CHECK_ALARM))?.scheduledTime).not.toBe(alarmBefore));
    expect(get).toHaveBeenCalledTimes(1);
    expect((await stored()).history.days[0].checks).toBe(2);
  });

  it('ordinary browsing costs no storage read; a finished chatgpt.com page only when the user was needed', async () => {
    await startWorker();
    await check();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await startWorker({ wakeOnly: true });
    for (let i = 0; i < 60; i++) {
      await tabUpdate(`https://example.com/page-${i}`, 'loading');
      await tabUpdate(`https://example.com/page-${i}`, 'complete');
    }
    expect(get).toHaveBeenCalledTimes(0);
    await tabUpdate('https://chatgpt.com/c/1', 'complete'); // signed in: read once, no check
    await vi.waitFor(() => expect(get).toHaveBeenCalledTimes(1));
    expect(site.calls.length).toBe(2);
  });
});

describe('the next check has one source of truth', () => {
  it('keeps the stored nextCheckAt and the alarm equal after checks, skips and setting changes', async () => {
    await startWorker();
    const agree = async () => {
      const { watch } = await stored();
      expect((await fakeBrowser.alarms.get(CHECK_ALARM))?.scheduledTime).toBe(watch.nextCheckAt);
    };
    await check();
    await agree();
    await fireAlarm(CHECK_ALARM); // moments after the last check: skipped
    await vi.waitFor(() => expect(vi.mocked(console.info).mock.calls.some((c) => c[1]?.startsWith('check skipped'))).toBe(true));
    await agree();
    await setInterval(300_000);
    await agree();
  });

  it('arms a watchdog while a check runs and clears it when the check commits', async () => {
    await startWorker();
    let answer: () => void = () => undefined;
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      return new Promise<Response>((resolve) => {
        answer = () => resolve(site.fetch(url, init));
      });
    });
    const checking = runCheck('test');
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(WATCHDOG_ALARM)).toBeDefined());
    // Were the worker killed here, the watchdog would wake it; the next-check alarm is untouched.
    vi.stubGlobal('fetch', site.fetch);
    answer();
    await checking;
    expect(await fakeBrowser.alarms.get(WATCHDOG_ALARM)).toBeUndefined();
    await fireAlarm(WATCHDOG_ALARM);
    await vi.waitFor(() =>
      expect(vi.mocked(console.info).mock.calls.some((c) => c[1] === 'check skipped: the last one was moments ago')).toBe(true),
    );
  });
});

describe('turning watching off', () => {
  it('stops checks and the alarm, shows OFF, and resumes with a check soon after', async () => {
    await startWorker();
    await check();
    await send({ type: 'save-settings', settings: { paused: true } }, OWN_VIEW);
    expect(await fakeBrowser.alarms.get(CHECK_ALARM)).toBeUndefined();
    expect((await stored()).watch.nextCheckAt).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OFF');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/^Reopen Watch is off: nothing is being checked\.$/);
    const calls = site.calls.length;
    await fireAlarm(CHECK_ALARM);
    await vi.waitFor(() => expect(vi.mocked(console.info).mock.calls.some((c) => c[1] === 'check skipped: watching is paused')).toBe(true));
    expect(site.calls.length).toBe(calls);

    await send({ type: 'save-settings', settings: { paused: false } }, OWN_VIEW);
    const alarm = await fakeBrowser.alarms.get(CHECK_ALARM);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 2000);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('WAIT');
  });

  it('checks hourly while the account is subscribed', async () => {
    site.mode = 'subscribed';
    await startWorker();
    await check();
    const { watch } = await stored();
    expect(watch.nextCheckAt - watch.latest.at).toBeGreaterThanOrEqual(0.85 * 3_600_000);
  });
});

describe('the first alert after install', () => {
  it('says "open", not "open again", when the very first check finds upgrades open', async () => {
    site.mode = 'open';
    await startWorker();
    await check();
    expect(fakeBrowser.notifications.getAllCreateOptions()['reopened:chatgpt-plus']).toMatchObject({
      title: 'ChatGPT Plus upgrades are open',
    });
  });
});

describe('per-browser builds', () => {
  it('Firefox: filters tab updates to chatgpt.com and leaves out requireInteraction', async () => {
    vi.stubEnv('MODE', 'firefox');
    const addListener = vi.spyOn(fakeBrowser.tabs.onUpdated, 'addListener');
    site.mode = 'open';
    await startWorker();
    expect(addListener).toHaveBeenCalledWith(expect.any(Function), { urls: ['https://chatgpt.com/*'], properties: ['status'] });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await check();
    expect(create).toHaveBeenCalledTimes(1);
    expect(fakeBrowser.notifications.getAllCreateOptions()['reopened:chatgpt-plus']).not.toHaveProperty('requireInteraction');
    vi.unstubAllEnvs();
  });

  it('Chrome: registers the tab listener without a filter (Chrome has none) and asks for requireInteraction', async () => {
    const addListener = vi.spyOn(fakeBrowser.tabs.onUpdated, 'addListener');
    site.mode = 'open';
    await startWorker();
    expect(addListener).toHaveBeenCalledWith(expect.any(Function));
    await check();
    expect(fakeBrowser.notifications.getAllCreateOptions()['reopened:chatgpt-plus']).toMatchObject({ requireInteraction: true });
  });
});

describe('a storage read that fails', () => {
  it('writes nothing over what is stored (no defaults for an unreadable list), and the next read sees it all', async () => {
    await startWorker();
    const [added] = (await send(
      { type: 'add-watch', watch: { name: 'Shop', kind: 'page', url: 'https://shop.test/a', rule: { type: 'auto' } } },
      OWN_VIEW,
    )) as unknown as Array<Promise<{ ok: boolean; watchId: string }>>;
    const { watchId } = (await added) as { watchId: string };
    const before = await stored();
    // A fresh worker whose first read fails (a storage that is briefly unavailable).
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('IO error: storage unavailable'));
    vi.resetModules();
    const { loadAll } = await import('../../src/background/worker-storage');
    await expect(loadAll()).rejects.toThrow('storage unavailable');
    expect(set).not.toHaveBeenCalled();
    expect((await loadAll()).watchIds).toContain(watchId);
    const after = await stored();
    expect(after.watchIds).toEqual(before.watchIds);
    expect(after[KEYS.def(watchId)]).toMatchObject({ name: 'Shop', url: 'https://shop.test/a' });
    expect(after[KEYS.def(watchId)]).toEqual(before[KEYS.def(watchId)]);
  });
});

/** The next read of everything (start-up's) fails, as a briefly unavailable storage does. */
function failNextFullRead(): void {
  const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
  let failures = 1;
  vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys?: unknown) => {
    if (keys === null && failures-- > 0) throw new Error('IO error: storage unavailable');
    return get(keys as null);
  });
}

describe('a start-up whose storage cannot be read', () => {
  it('leaves the sweep a minute away, which re-arms every watch once storage answers', async () => {
    await startWorker();
    await fakeBrowser.alarms.clearAll(); // Chrome drops every alarm on an update
    failNextFullRead();
    await startWorker({ wakeOnly: true });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('sweep')).toBeDefined());
    const sweep = await fakeBrowser.alarms.get('sweep');
    expect(sweep?.scheduledTime ?? 0).toBeGreaterThan(Date.now() + 50_000);
    expect(await fakeBrowser.alarms.get(CHECK_ALARM)).toBeUndefined();
    await fakeBrowser.alarms.onAlarm.trigger(sweep as never);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(CHECK_ALARM)).toBeDefined());
  });

  it('re-arms a check whose storage read failed before it began, so the watch is not left to the sweep', async () => {
    await startWorker();
    await fakeBrowser.alarms.clear(CHECK_ALARM);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('IO error: storage unavailable'));
    await startWorker({ wakeOnly: true });
    await expect(runCheck('alarm')).rejects.toThrow('storage unavailable');
    const again = await fakeBrowser.alarms.get(CHECK_ALARM);
    expect(again?.scheduledTime ?? 0).toBeGreaterThan(Date.now() + 50_000);
  });
});
