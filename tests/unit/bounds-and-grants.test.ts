// Issue 14, defects 6 and 8: releasing sites gives back only what Reopen Watch asked for; a watch
// address has a bound everywhere it enters; Firefox's site patterns carry no port; an alert that
// could not be queued shows on its channel; ids from outside are ordinary strings.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseWatchFile } from '../../src/core/kinds/check/watch-input';
import { KEYS } from '../../src/core/storage-keys';
import { loadStored } from '../../src/core/stored-schema';
import { MAX_URL_LENGTH } from '../../src/core/watch-def';
import { saveChannel } from '../../src/options/channel-configs';
import { emptyForm, formToInput } from '../../src/options/later/watch-form';
import { releaseUnusedOrigins } from '../../src/options/release-origins';
import { accessPattern, sitePattern } from '../../src/shared/host-access';
import type { WorkerResponse } from '../../src/shared/protocol';
import { requestHostAccess } from '../../src/shared/request-access';
import { webhookConfig } from '../sim/channels/events';
import { fakeChatGPT } from './fake-chatgpt';
import { fakePermissions } from './fake-polyfill';
import { check, OWN_VIEW, PLUS, send, startWorker, stored } from './worker-harness';

const { channelStatus: CHANNEL_STATUS_KEY, outbox: OUTBOX_KEY } = KEYS;

const ask = async (message: unknown): Promise<WorkerResponse> => {
  const [answer] = (await send(message, OWN_VIEW)) as unknown as Array<Promise<WorkerResponse>>;
  return (await answer) as WorkerResponse;
};
const longUrl = `https://shop.example/${'a'.repeat(MAX_URL_LENGTH - 'https://shop.example/'.length + 1)}`;
let site = fakeChatGPT('paused');

beforeEach(async () => {
  site = fakeChatGPT('paused');
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) =>
    url.startsWith('https://chatgpt.com') ? site.fetch(url, init) : new Response('ok', { status: 200 }),
  );
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await startWorker();
  await check();
});

describe('releasing sites no watch needs', () => {
  it('gives back only what Reopen Watch asked for: never "On all sites" or a site the user added', async () => {
    // The user's own grants, made in the browser's settings before anything was asked.
    fakePermissions.granted.add('https://*/*');
    fakePermissions.granted.add('https://mine.example/*');
    fakePermissions.granted.delete('https://shop.example/*');
    // Removed from the user's grants for one moment: Reopen Watch asks for it as the options page does.
    fakePermissions.granted.delete('https://*/*');
    expect(await requestHostAccess(['https://shop.example/*'])).toBe(true);
    fakePermissions.granted.add('https://*/*');
    const added = await ask({ type: 'add-watch', watch: { name: 'Shop', kind: 'page', url: 'https://shop.example/p/1' } });
    expect(await ask({ type: 'remove-watch', watchId: (added as { watchId: string }).watchId })).toEqual({ ok: true });
    await releaseUnusedOrigins();
    expect([...fakePermissions.granted].sort()).toEqual(['https://*/*', 'https://chatgpt.com/*', 'https://mine.example/*']);
  });

  it('asks under "On all sites" without taking the site for its own, so it never gives it back', async () => {
    fakePermissions.granted.add('https://*/*');
    expect(await requestHostAccess(['https://shop.example/*'])).toBe(true);
    expect((await stored()).sitesAsked ?? []).toEqual([]);
    await releaseUnusedOrigins();
    expect(fakePermissions.granted.has('https://*/*')).toBe(true);
    expect(fakePermissions.granted.has('https://shop.example/*')).toBe(true);
  });
});

describe('a watch address', () => {
  it(`is at most ${MAX_URL_LENGTH} characters in a file, in the editor and in the worker`, async () => {
    const file = { format: 'reopen-watch/watches', version: 1, watches: [{ name: 'Long', kind: 'page', url: longUrl }] };
    const parsed = parseWatchFile(file);
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).toContain(`url must be at most ${MAX_URL_LENGTH} characters`);

    const form = formToInput({ ...emptyForm(), name: 'Long', url: longUrl });
    expect(form).toMatchObject({ ok: false, problems: [{ key: 'optionsProblemUrlLong' }] });

    expect(await ask({ type: 'add-watch', watch: { name: 'Long', kind: 'page', url: longUrl } })).toMatchObject({
      ok: false,
      problems: [`url must be at most ${MAX_URL_LENGTH} characters`],
    });
    // One stored by an older build is dropped on load, with the reason.
    const def = {
      id: 'long1',
      name: 'Long',
      kind: 'page',
      url: longUrl,
      rule: { type: 'auto' },
      intervalMinutes: 5,
      notify: true,
      enabled: true,
    };
    const loaded = loadStored({ ...(await stored()), watchIds: [PLUS, 'long1'], [KEYS.def('long1')]: def });
    expect(loaded.data.watchIds).toEqual([PLUS]);
    expect(loaded.repairs.some((r) => r.includes(`url must be at most ${MAX_URL_LENGTH} characters`))).toBe(true);
  });
});

describe('site patterns', () => {
  it('carry no port in Firefox (its match patterns have none), and keep it in Chrome', () => {
    const watch = { kind: 'page' as const, url: 'https://shop.example:8443/p/1' };
    expect(accessPattern(watch)).toBe('https://shop.example:8443/*');
    vi.stubEnv('MODE', 'firefox');
    expect(accessPattern(watch)).toBe('https://shop.example/*');
    expect(sitePattern('http://localhost:3000/x')).toBe('http://localhost/*');
    vi.unstubAllEnvs();
  });
});

describe('ids from outside', () => {
  it('are ordinary strings: __proto__ and constructor name no watch', async () => {
    expect(await ask({ type: 'remove-watch', watchId: '__proto__' })).toEqual({ ok: true });
    expect(await ask({ type: 'reorder-watches', watchIds: ['constructor'] })).toMatchObject({
      ok: false,
      problems: ['the new order must list every watch once'],
    });
    expect(await ask({ type: 'check-now', watchId: 'toString' })).toMatchObject({ ok: false });
    expect(await ask({ type: 'update-watch', watchId: '__proto__', changes: { name: 'x' } })).toMatchObject({ ok: false });
    expect((await stored()).watchIds).toEqual([PLUS]);
  });
});

describe('an alert that cannot be queued', () => {
  it('is recorded as a lost message on each channel it was for, not only logged', async () => {
    fakePermissions.granted.add('https://hooks.example.test/*');
    expect(await saveChannel({ ...webhookConfig() })).toMatchObject({ ok: true });
    const original = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (OUTBOX_KEY in items) throw new Error('QUOTA_BYTES quota exceeded');
      return original(items);
    });
    site.mode = 'open';
    await check();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`reopened:${PLUS}`]);
    const status = (await stored())[CHANNEL_STATUS_KEY] as Record<string, { lastLost?: { why: string } }>;
    expect(status['ch-webhook']?.lastLost?.why).toMatch(/^not queued: Error: QUOTA_BYTES quota exceeded/);
  });
});
