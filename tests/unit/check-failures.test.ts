// Issue 14, defect 5: every check ends in a committed verdict within a bounded time, whatever
// throws or hangs, so no watch falls silent waiting on itself and the 6 h "can't check" alert
// comes. Chrome's path (the page is read in the offscreen document), against fake-browser with a
// stand-in document that hangs or throws.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHECK_DEADLINE_MS, READ_DEADLINE_MS } from '../../src/background/check-runner';
import { WATCHDOG_MS } from '../../src/background/scheduler';
import { KEYS } from '../../src/core/storage-keys';
import { CANT_CHECK_AFTER_MS } from '../../src/core/watch-state';
import { fakeChatGPT } from './fake-chatgpt';
import { fakeOffscreen, fakePermissions } from './fake-polyfill';
import { check, OWN_VIEW, PLUS, runCheck, send, startWorker, stored } from './worker-harness';

const PAGE = 'https://shop.test/gpu';
const SOLD_OUT = '<!doctype html><html><body><h1>GPU</h1><p>Sold out</p></body></html>';

type Behaviour = 'hang' | 'throw' | 'answer' | 'slow';
/** How the stand-in offscreen document treats each request type. */
let behaviour: Record<string, Behaviour>;
let asked: string[];

/** Stands in for Chrome's offscreen document (fake-browser runs none). */
function offscreenStandIn(): void {
  fakeBrowser.runtime.onMessage.addListener(((
    message: { target?: string; type: string },
    _sender: unknown,
    reply: (a: unknown) => void,
  ) => {
    if (message?.target !== 'offscreen' || !fakeOffscreen.document) return undefined;
    asked.push(message.type);
    const how = behaviour[message.type] ?? 'answer';
    if (how === 'hang') return true; // never replies
    // Answers after 7 s, if the document is still there then (a closed one answers nothing).
    if (how === 'slow') {
      setTimeout(() => fakeOffscreen.document && reply({ kind: 'paused', reason: 'phrase-paused', evidence: 'text "sold out"' }), 7_000);
      return true;
    }
    if (how === 'throw') reply({ error: 'TypeError: Cannot read properties of null (reading "body")' });
    else reply(message.type === 'play-chime' ? { played: true } : { kind: 'paused', reason: 'phrase-paused', evidence: 'text "sold out"' });
    return true;
  }) as never);
}

async function addPage(): Promise<string> {
  const [answer] = (await send(
    { type: 'add-watch', watch: { name: 'GPU', kind: 'page', url: PAGE, rule: { type: 'auto' } } },
    OWN_VIEW,
  )) as unknown as Array<Promise<{ watchId: string }>>;
  return (await (answer as Promise<{ watchId: string }>)).watchId;
}
const stateOf = async (id: string) => (await stored())[KEYS.state(id)];

beforeEach(async () => {
  behaviour = {};
  asked = [];
  const chatgpt = fakeChatGPT('paused');
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) =>
    url.startsWith('https://chatgpt.com')
      ? chatgpt.fetch(url, init)
      : new Response(SOLD_OUT, { status: 200, headers: { 'content-type': 'text/html' } }),
  );
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  fakePermissions.granted.add('https://shop.test/*');
  await startWorker();
  offscreenStandIn();
  await check('test', PLUS);
});

describe('bounds', () => {
  it('are inside the watchdog: a check gives up its place before the watchdog wakes it again', () => {
    // Two readings that each use their whole 15 s request and 10 s reader, the 10 s confirmation
    // delay and 24 s of waiting for the site are a slow check, not a hung one.
    expect(READ_DEADLINE_MS).toBeGreaterThan(2 * (15_000 + 10_000) + 10_000 + 24_000);
    expect(READ_DEADLINE_MS).toBeLessThan(CHECK_DEADLINE_MS);
    expect(CHECK_DEADLINE_MS).toBeLessThan(WATCHDOG_MS);
  });
});

describe('a hung offscreen reader', () => {
  it('ends the check in can’t tell (check-timeout) within seconds, closes the document, and the next check starts afresh', async () => {
    const id = await addPage();
    behaviour['read-page'] = 'hang';
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const started = Date.now();
    const first = runCheck('test', id);
    await vi.advanceTimersByTimeAsync(15_000);
    const verdict = (await first) as { durationMs: number; at: number } | null;
    vi.useRealTimers();
    expect(verdict).toMatchObject({
      kind: 'error',
      reason: 'check-timeout',
      evidence: 'the offscreen document did not answer within 10 s',
    });
    expect((verdict?.durationMs ?? 0) + (verdict?.at ?? 0) - started).toBeLessThanOrEqual(15_000);
    expect(await stateOf(id)).toMatchObject({ latest: { reason: 'check-timeout' }, failureStreak: 1, failingSince: expect.any(Number) });
    expect(fakeOffscreen.document).toBeNull(); // a hung document is not kept to hang the next read too
    expect(await fakeBrowser.alarms.get(`check:${id}`)).toBeDefined();

    // The document answers again: the next check is a new one, not joined to the hung one.
    behaviour['read-page'] = 'answer';
    await check('test', id);
    expect(await stateOf(id)).toMatchObject({ latest: { kind: 'paused' }, failureStreak: 0 });
    expect(fakeOffscreen.created).toBe(2);
  });

  it('raises the one "can’t check" alert after 6 h of failed checks: never silent', async () => {
    const id = await addPage();
    behaviour['read-page'] = 'hang';
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const start = Date.now();
    const notified: string[] = [];
    for (let at = start; at <= start + CANT_CHECK_AFTER_MS + 30 * 60_000; at += 30 * 60_000) {
      vi.setSystemTime(at);
      await fakeBrowser.storage.session.clear();
      const done = runCheck('test', id);
      await vi.advanceTimersByTimeAsync(15_000);
      await done;
      if ((await fakeBrowser.notifications.getAll())[`cant-check:${id}`] && notified.length === 0) notified.push(String(at - start));
    }
    vi.useRealTimers();
    expect(Number(notified[0])).toBe(CANT_CHECK_AFTER_MS);
    expect(await stateOf(id)).toMatchObject({ cantCheckAlerted: true, latest: { reason: 'check-timeout' } });
    expect(fakeBrowser.notifications.getAllCreateOptions()[`cant-check:${id}`]).toMatchObject({ title: "Can't check GPU" });
  });
});

describe('after the verdict is saved', () => {
  it('a toolbar that hangs costs neither the saved verdict nor its alert', async () => {
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(() => new Promise(() => undefined));
    const site = fakeChatGPT('open');
    vi.stubGlobal('fetch', site.fetch);
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const done = runCheck('test', PLUS);
    await vi.advanceTimersByTimeAsync(CHECK_DEADLINE_MS + 30_000);
    await done;
    vi.useRealTimers();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`reopened:${PLUS}`]);
    expect((await stored()).watch).toMatchObject({ latest: { kind: 'open' }, failureStreak: 0 });
    expect(vi.mocked(console.warn).mock.calls.map((call) => call[1])).toContain('toolbar failed after a check');
  });

  it('a write that fails once saves the failure instead, and the next check reads normally', async () => {
    const id = await addPage();
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let failed = 0;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (failed === 0 && Object.keys(items).includes(KEYS.state(id))) {
        failed++;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      return set(items);
    });
    await check('test', id);
    expect(failed).toBe(1);
    expect(await stateOf(id)).toMatchObject({
      latest: { kind: 'error', reason: 'check-failed', evidence: 'Error: QUOTA_BYTES quota exceeded' },
      failureStreak: 1,
    });
    await fakeBrowser.storage.session.clear();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    await check('test', id);
    vi.useRealTimers();
    expect(await stateOf(id)).toMatchObject({ latest: { kind: 'paused' }, failureStreak: 0 });
  });
});

describe('a reader that throws', () => {
  it('ends the check in can’t tell (check-failed) naming the error, and counts it as a failure', async () => {
    const id = await addPage();
    behaviour['read-page'] = 'throw';
    await check('test', id);
    expect(await stateOf(id)).toMatchObject({
      latest: { kind: 'error', reason: 'check-failed', evidence: 'Error: TypeError: Cannot read properties of null (reading "body")' },
      failureStreak: 1,
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
  });

  it('ends the check in can’t tell when something before the reading throws (a browser API)', async () => {
    const id = await addPage();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockRejectedValueOnce(new Error('permissions are unavailable'));
    await check('test', id);
    expect((await stateOf(id)).latest).toMatchObject({
      kind: 'error',
      reason: 'check-failed',
      evidence: 'Error: permissions are unavailable',
    });
  });
});

describe('a chime that hangs', () => {
  it('does not close the document under a page that is being read: the reading still answers', async () => {
    const id = await addPage();
    behaviour['read-page'] = 'slow';
    behaviour['play-chime'] = 'hang';
    const { playChime } = await import('../../src/background/chime');
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const checking = runCheck('test', id);
    await vi.advanceTimersByTimeAsync(100);
    const chime = playChime(); // gives up after 5 s; the reading answers at 7 s
    await vi.advanceTimersByTimeAsync(15_000);
    await Promise.all([checking, chime]);
    vi.useRealTimers();
    expect(await stateOf(id)).toMatchObject({ latest: { kind: 'paused', reason: 'phrase-paused' } });
    expect(fakeOffscreen.document).toBeNull(); // closed once nothing waited on it any more
  });

  it('costs neither the alert nor the end of the check', async () => {
    await send({ type: 'save-settings', settings: { sound: true } }, OWN_VIEW);
    behaviour['play-chime'] = 'hang';
    const site = fakeChatGPT('open');
    vi.stubGlobal('fetch', site.fetch);
    await check('test', PLUS);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`reopened:${PLUS}`]);
    expect(asked).toContain('play-chime');
    expect((await stored()).watch.confirmed?.availability).toBe('open');
  });
});
