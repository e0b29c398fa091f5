// The service worker's wiring against @webext-core/fake-browser: real listeners, in-memory browser.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PRICING_URL } from '../../src/core/kinds/chatgpt-plus/probe';
import { EMAIL, type FakeChatGPT, fakeChatGPT, json, TOKEN } from './fake-chatgpt';
import { fakePermissions } from './fake-polyfill';
import {
  CHECK_ALARM,
  check,
  fireAlarm,
  forgetOriginSpacing,
  OWN_VIEW,
  PLUS,
  send,
  setInterval,
  startWorker,
  stored,
} from './worker-harness';

let site: FakeChatGPT;

beforeEach(async () => {
  site = fakeChatGPT('paused');
  vi.stubGlobal('fetch', site.fetch);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('service worker', () => {
  it('checks on install and shows WAIT with a full tooltip and the next alarm', async () => {
    await startWorker();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('WAIT'));
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([185, 28, 28, 255]);
    expect(await fakeBrowser.action.getTitle({})).toMatch(/^ChatGPT Plus upgrades are paused \(checked at .+\)\.$/);
    const { watch, history } = await stored();
    expect(watch.confirmed.availability).toBe('paused');
    expect(history.transitions).toHaveLength(1);
    const alarm = await fakeBrowser.alarms.get(CHECK_ALARM);
    expect(alarm?.scheduledTime).toBe(watch.nextCheckAt);
    const delay = watch.nextCheckAt - watch.latest.at;
    expect(delay).toBeGreaterThanOrEqual(0.85 * 120_000);
    expect(delay).toBeLessThanOrEqual(1.15 * 120_000 + 1000);
  });

  it('runs a check when the alarm fires', async () => {
    await startWorker();
    const before = site.calls.length;
    await fireAlarm(CHECK_ALARM);
    await vi.waitFor(() => expect(site.calls.length).toBe(before + 2));
    await fireAlarm('someone-else');
    expect(site.calls.length).toBe(before + 2);
  });

  it('does not reset an existing alarm when the worker restarts', async () => {
    const when = Date.now() + 90_000;
    await fakeBrowser.alarms.create(CHECK_ALARM, { when });
    await startWorker();
    expect((await fakeBrowser.alarms.get(CHECK_ALARM))?.scheduledTime).toBe(when);
  });

  it('notifies once per confirmed reopening; the click opens pricing and clears it', async () => {
    await startWorker();
    await check();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    site.mode = 'open';
    await check();
    expect(site.calls.length).toBe(5); // paused check (2) + open (2) and its confirmation (1)
    expect(create).toHaveBeenCalledTimes(1);
    const options = fakeBrowser.notifications.getAllCreateOptions()['reopened:chatgpt-plus'];
    expect(options).toMatchObject({ type: 'basic', title: 'ChatGPT Plus upgrades are open again', requireInteraction: true });
    expect(options?.iconUrl).toBe('chrome-extension://test-extension-id/icons/icon-128.png');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OPEN');

    await check();
    expect(create).toHaveBeenCalledTimes(1);

    await fakeBrowser.notifications.onClicked.trigger('reopened:chatgpt-plus');
    await vi.waitFor(async () => expect(await fakeBrowser.notifications.getAll()).toEqual({}));
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(PRICING_URL);
  });

  it('does not notify when notifications are switched off', async () => {
    await startWorker();
    await send({ type: 'save-settings', settings: { notificationsEnabled: false } }, OWN_VIEW);
    await check();
    site.mode = 'open';
    await check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OPEN');
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('answers "check now" from its own popup and ignores other senders', async () => {
    await startWorker();
    const [fromPopup] = await send({ type: 'check-now', watchId: PLUS }, OWN_VIEW);
    expect(fromPopup).toMatchObject({ ok: true, verdict: { kind: 'paused' } });
    const calls = site.calls.length;
    const strangers = [
      { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' },
      { id: 'test-extension-id', url: 'https://chatgpt.com/', tab: { id: 1 } },
      { id: 'test-extension-id' },
    ];
    for (const sender of strangers) {
      const [answer] = await send({ type: 'check-now', watchId: PLUS }, sender);
      expect(answer).toBeUndefined();
    }
    const [malformed] = await send({ type: 'delete-everything' }, OWN_VIEW);
    expect(malformed).toBeUndefined();
    expect(site.calls.length).toBe(calls);
  });

  it('saves settings through the same validation and reschedules on a new interval', async () => {
    await startWorker();
    await check();
    await setInterval(3_600_000);
    const { plus, watch } = await stored();
    expect(plus.intervalMinutes).toBe(60);
    expect((await fakeBrowser.alarms.get(CHECK_ALARM))?.scheduledTime).toBe(watch.nextCheckAt);
    expect(watch.nextCheckAt - watch.latest.at).toBeGreaterThan(0.8 * 3_600_000);
    const [rejected] = await setInterval(5);
    expect(rejected).toMatchObject({ ok: false, problems: ['intervalMinutes must be between 0.5 and 60'] });
    expect((await stored()).plus.intervalMinutes).toBe(60);
    await send({ type: 'save-settings', settings: { notificationsEnabled: 'no' } }, OWN_VIEW);
    expect((await stored()).settings).toEqual({ notificationsEnabled: true, paused: false, remindUntilAct: false, sound: false });
  });

  it('shows "!" when signed out, checks again when chatgpt.com loads in a tab', async () => {
    site.signedIn = false;
    await startWorker();
    await check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([194, 65, 12, 255]);
    const { watch } = await stored();
    await fakeBrowser.storage.local.set({ 'state:chatgpt-plus': { ...watch, latest: { ...watch.latest, at: Date.now() - 60_000 } } });
    site.signedIn = true;
    await forgetOriginSpacing();
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, { id: 7, url: 'https://chatgpt.com/c/abc' } as Parameters<
      typeof fakeBrowser.tabs.onUpdated.trigger
    >[2]);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('WAIT'));
  });

  it('shows "?" on a failure with nothing confirmed, and keeps a confirmed state through failures', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await startWorker();
    await check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/^The last check failed \(checked at .+\)\.$/);
    vi.stubGlobal('fetch', site.fetch);
    await check();
    vi.stubGlobal('fetch', async () => json({}, { status: 503 }));
    await check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('WAIT');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/^The last check failed \(checked at .+\)\. Last known: paused, .+\.$/);
  });

  it('honours Retry-After on a rate limit when scheduling the next check', async () => {
    vi.stubGlobal('fetch', async () => json({}, { status: 429, headers: { 'retry-after': '900' } }));
    await startWorker();
    await check();
    const { watch } = await stored();
    expect(watch.latest.kind).toBe('rate-limited');
    expect(watch.nextCheckAt - Date.now()).toBeGreaterThan(890_000);
    expect((await fakeBrowser.alarms.get(CHECK_ALARM))?.scheduledTime).toBe(watch.nextCheckAt);
  });

  it('repairs garbage in storage, logs why, keeps working, and leaves keys it does not know alone', async () => {
    await fakeBrowser.storage.local.set({ schemaVersion: 1, settings: 'fast', watch: { latest: 42 }, history: [], leftover: true });
    await startWorker();
    await check();
    expect(console.warn).toHaveBeenCalledWith(
      '[reopen-watch]',
      'storage repaired',
      expect.stringContaining('state:chatgpt-plus.latest was a number; reset'),
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe('WAIT');
    expect((await stored()).leftover).toBe(true);
    expect((await stored()).schemaVersion).toBe(3);
  });

  it('keeps settings and history written by a newer version (a downgrade) and checks on', async () => {
    await startWorker();
    await check();
    const [answer] = await setInterval(600_000);
    expect(answer).toEqual({ ok: true });
    const before = await stored();
    expect(before.plus.intervalMinutes).toBe(10);
    await fakeBrowser.storage.local.set({ schemaVersion: 4, 'future-key': { kind: 'page' } });
    await startWorker();
    await check();
    const after = await stored();
    expect(after.schemaVersion).toBe(4);
    expect(after.plus.intervalMinutes).toBe(10);
    expect(after.history.transitions).toEqual(before.history.transitions);
    expect(after['future-key']).toEqual({ kind: 'page' });
  });

  it('never writes the access token or the email to storage or logs', async () => {
    await startWorker();
    await check();
    site.mode = 'open';
    await check();
    const everything = JSON.stringify(await stored());
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(EMAIL);
    const logged = JSON.stringify([vi.mocked(console.info).mock.calls, vi.mocked(console.warn).mock.calls]);
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain(EMAIL);
    expect(logged).toContain('pause-flag');
  });
});

describe('service worker wake-ups', () => {
  it('turns alarms that fire moments after a check into no burst', async () => {
    await startWorker();
    await check();
    const calls = site.calls.length;
    // Both wake-ups are skipped: each says so in the log (the observable end of the skip path).
    const skipped = () => vi.mocked(console.info).mock.calls.filter((c) => c[1] === 'check skipped: the last one was moments ago');
    await fireAlarm(CHECK_ALARM);
    await vi.waitFor(() => expect(skipped()).toHaveLength(1));
    await fireAlarm(CHECK_ALARM);
    expect(site.calls.length).toBe(calls);
    const alarm = await fakeBrowser.alarms.get(CHECK_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now());
    // The skip path moves the alarm and the stored time together.
    await vi.waitFor(async () =>
      expect((await stored()).watch.nextCheckAt).toBe((await fakeBrowser.alarms.get(CHECK_ALARM))?.scheduledTime),
    );
    // "Check now" is the user's explicit wish and is never skipped (it waits its turn at the site).
    await forgetOriginSpacing();
    await send({ type: 'check-now', watchId: PLUS }, OWN_VIEW);
    expect(site.calls.length).toBe(calls + 2);
  });
});

describe('host access withheld (Firefox)', () => {
  it('says what is missing without making any request, and checks as soon as access is granted', async () => {
    fakePermissions.granted.clear();
    await startWorker();
    await check();
    expect(site.calls).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/^Reopen Watch needs your permission to read chatgpt\.com \(checked at .+\)\.$/);
    expect((await stored()).watch.latest).toMatchObject({ kind: 'blocked', reason: 'no-host-access', requests: 0 });
    await forgetOriginSpacing();
    await fakeBrowser.permissions.request({ origins: ['https://chatgpt.com/*'] });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('WAIT'));
  });
});
