// What the options page saves for a channel: src/options/channel-configs.ts.
import { describe, expect, it } from 'vitest';
import type { ChannelConfig } from '../core/channels/index';
import { mergeWithStored, originOf } from './channel-configs';

const stored: ChannelConfig = {
  id: 'ch-1',
  type: 'ntfy',
  enabled: true,
  topic: 'secret-topic-1234',
  token: 'tk_secret',
  server: 'https://ntfy.example',
};

describe('mergeWithStored', () => {
  it('keeps each saved secret the form left empty, and takes every field the user typed', () => {
    const form = { id: 'ch-1', type: 'ntfy', enabled: true, server: 'https://push.example', topic: '' };
    expect(mergeWithStored(form, stored)).toEqual({ ...form, topic: 'secret-topic-1234', token: 'tk_secret' });
    expect(mergeWithStored({ ...form, topic: 'new-topic' }, stored)).toMatchObject({ topic: 'new-topic' });
  });

  it('removes an optional secret when asked, and what goes with it', () => {
    const form = { id: 'ch-1', type: 'ntfy', enabled: true, topic: '' };
    expect(mergeWithStored(form, stored, ['token'])).toEqual({ ...form, topic: 'secret-topic-1234' });
    const hook: ChannelConfig = {
      id: 'ch-2',
      type: 'webhook',
      enabled: true,
      url: 'https://hooks.example/x',
      headerName: 'X-Key',
      headerValue: 'v',
    };
    const merged = mergeWithStored({ id: 'ch-2', type: 'webhook', enabled: true, headerName: 'X-Key' }, hook, [
      'headerValue',
      'headerName',
    ]);
    expect(merged).toEqual({ id: 'ch-2', type: 'webhook', enabled: true, url: 'https://hooks.example/x' });
    expect(originOf(merged)).toEqual({ ok: true, origin: 'https://hooks.example/*' });
  });

  it('keeps nothing of a channel of another type', () => {
    const form = { type: 'webhook', enabled: true, url: 'https://hooks.example/y' };
    expect(mergeWithStored(form, stored)).toEqual(form);
  });
});

describe('originOf', () => {
  it('names the host a valid config needs, or the problems (never the secret values)', () => {
    expect(originOf({ type: 'ntfy', enabled: true, topic: 'abc' })).toEqual({ ok: true, origin: 'https://ntfy.sh/*' });
    const bad = originOf({ type: 'telegram', enabled: true, botToken: '123:short', chatId: 'x' });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).not.toContain('123:short');
  });
});
