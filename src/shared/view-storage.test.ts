// The live view of storage the options page (and popup) render from: src/shared/view-storage.ts.
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { CHATGPT_WATCH_ID } from '../core/kinds/chatgpt-plus/built-in';
import { KEYS } from '../core/storage-keys';
import type { Stored } from '../core/stored-schema';
import { readSecretHeaderName, watchStored } from './view-storage';

const def = (id: string, name: string) => ({
  id,
  name,
  kind: 'page',
  url: `https://shop.example/${id}`,
  rule: { type: 'auto' },
  intervalMinutes: 5,
  notify: true,
  enabled: true,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const names = (data: Stored | undefined) => data?.watchIds.map((id) => data.watches[id]?.def.name);

describe('watchStored', () => {
  it('calls back with what is stored now, then after every change, without reading everything again', async () => {
    await fakeBrowser.storage.local.set({ schemaVersion: 3, watchIds: [CHATGPT_WATCH_ID, 'a'], [KEYS.def('a')]: def('a', 'Card') });
    const seen: Stored[] = [];
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const stop = watchStored((data) => seen.push(data));
    await settle();
    expect(names(seen.at(-1))).toEqual(['ChatGPT Plus', 'Card']);

    await fakeBrowser.storage.local.set({ [KEYS.def('b')]: def('b', 'Console'), watchIds: [CHATGPT_WATCH_ID, 'a', 'b'] });
    await settle();
    expect(names(seen.at(-1))).toEqual(['ChatGPT Plus', 'Card', 'Console']);

    await fakeBrowser.storage.local.set({ [KEYS.def('a')]: { ...def('a', 'Graphics card'), enabled: false } });
    await settle();
    expect(seen.at(-1)?.watches.a?.def).toMatchObject({ name: 'Graphics card', enabled: false });

    await fakeBrowser.storage.local.remove([KEYS.def('b')]);
    await fakeBrowser.storage.local.set({ watchIds: [CHATGPT_WATCH_ID, 'a'] });
    await settle();
    expect(names(seen.at(-1))).toEqual(['ChatGPT Plus', 'Graphics card']);
    expect(get).toHaveBeenCalledTimes(1);

    stop();
    const count = seen.length;
    await fakeBrowser.storage.local.set({ watchIds: [CHATGPT_WATCH_ID] });
    await settle();
    expect(seen).toHaveLength(count);
  });

  it('keeps a change made while the first read is under way', async () => {
    await fakeBrowser.storage.local.set({ schemaVersion: 3, watchIds: [CHATGPT_WATCH_ID] });
    const seen: Stored[] = [];
    const stop = watchStored((data) => seen.push(data));
    // Before the first read resolves:
    await fakeBrowser.storage.local.set({ [KEYS.def('a')]: def('a', 'Card'), watchIds: [CHATGPT_WATCH_ID, 'a'] });
    await settle();
    await settle();
    expect(names(seen.at(-1))).toEqual(['ChatGPT Plus', 'Card']);
    stop();
  });
});

describe('readSecretHeaderName', () => {
  it('gives the saved header name, never its value', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.secret('a')]: { name: 'X-Api-Key', value: 'sk-1' } });
    await expect(readSecretHeaderName('a')).resolves.toBe('X-Api-Key');
    await expect(readSecretHeaderName('b')).resolves.toBeNull();
  });
});
