// The per-origin gap (DESIGN.md: never two checks to one origin within 10 s): a claim lets the
// request leave once its write is asked for, and the next claim on that origin still sees it.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_KEYS } from '../core/storage-keys';
import { claimOrigin, ORIGIN_GAP_MS } from './origin-gate';

const ORIGIN = 'https://shop.example';
const KEY = SESSION_KEYS.originContact(ORIGIN);

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('claimOrigin', () => {
  it('grants a free origin and stores the contact', async () => {
    expect(await claimOrigin(ORIGIN, 1_000_000, 0)).toEqual({ ok: true });
    expect(await fakeBrowser.storage.session.get(KEY)).toEqual({ [KEY]: 1_000_000 });
  });

  it('answers before its write lands, and the next claim waits for that write', async () => {
    let land: () => void = () => undefined;
    const realSet = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementationOnce(async (items) => {
      await new Promise<void>((resolve) => {
        land = resolve;
      });
      return realSet(items);
    });
    expect(await claimOrigin(ORIGIN, 1_000_000, 0)).toEqual({ ok: true });
    // The first write is still held: a second claim 2 s later must not read the old (empty) value.
    const second = claimOrigin(ORIGIN, 1_002_000, 0);
    let answered = false;
    void second.then(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    land();
    const claim = await second;
    expect(claim.ok).toBe(false);
    if (!claim.ok) expect(claim.retryAt).toBeGreaterThanOrEqual(1_000_000 + ORIGIN_GAP_MS);
  });

  it('logs a write that fails, and keeps answering later claims', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('quota'));
    expect(await claimOrigin(ORIGIN, 1_000_000, 0)).toEqual({ ok: true });
    expect(await claimOrigin(ORIGIN, 1_020_000, 0)).toEqual({ ok: true });
    expect(warn.mock.calls.some((call) => call.join(' ').includes('last contact with a site was not saved'))).toBe(true);
  });
});
