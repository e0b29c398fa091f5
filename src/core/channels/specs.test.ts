// Structural checks of every channel: what a new channel must declare, so that a missing piece
// fails here rather than in a page (the model is refined-github's features.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { allConfigs } from '../../../tests/sim/channels/events';
import { channelTypeKey } from '../channel-names';
import type { DiscordConfig } from './discord';
import { CHANNEL_TYPES, CHANNELS, COMMON_KEYS, storedKeys } from './index';
import type { NtfyConfig } from './ntfy';
import { SENDERS } from './send/index';
import type { SlackConfig } from './slack';
import { checkChannel } from './stored';
import type { TelegramConfig } from './telegram';
import type { ChannelBase } from './types';
import type { WebhookConfig } from './webhook';

const locale = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${name}/messages.json`, import.meta.url), 'utf8'));
const LOCALES = { en: locale('en'), zh_CN: locale('zh_CN') };

/**
 * Secrets the editor shows as they are typed, and why: a new ntfy topic is made up by the page and
 * must be copied into the ntfy app. Once saved it is never shown back, like every secret.
 */
const SHOWN_WHILE_TYPED: Record<string, string[]> = { ntfy: ['topic'] };

describe('channel specs', () => {
  it('register every type under its own type, in the editor order', () => {
    expect(Object.keys(CHANNELS)).toEqual([...CHANNEL_TYPES]);
    expect(Object.keys(SENDERS).sort()).toEqual([...CHANNEL_TYPES].sort());
    expect(allConfigs().map((c) => c.type)).toEqual([...CHANNEL_TYPES]);
  });

  describe.each(CHANNEL_TYPES)('%s', (type) => {
    const spec = CHANNELS[type];

    it('has a spec and a sender of its own type', () => {
      expect(spec.type).toBe(type);
      expect(SENDERS[type]?.type).toBe(type);
      expect(typeof spec.origin).toBe('function');
      expect(typeof spec.validate).toBe('function');
      expect(typeof SENDERS[type]?.buildRequest).toBe('function');
      expect(typeof SENDERS[type]?.classify).toBe('function');
    });

    it('declares each field once, with a known input, none named like a common key', () => {
      const keys = spec.fields.map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(spec.fields.length).toBeGreaterThan(0);
      for (const f of spec.fields) {
        expect(['text', 'url', 'password'], f.key).toContain(f.input);
        expect(COMMON_KEYS, f.key).not.toContain(f.key);
        expect(typeof f.secret, f.key).toBe('boolean');
        expect(typeof f.required, f.key).toBe('boolean');
      }
    });

    it('has its display name and every label and hint in both locales', () => {
      expect(channelTypeKey(type)).toBe(`channelType_${type}`);
      const keys = [channelTypeKey(type), ...spec.fields.flatMap((f) => [f.label, ...(f.hint ? [f.hint] : [])])];
      for (const [name, messages] of Object.entries(LOCALES))
        for (const key of keys) expect(messages, `${name}: ${key}`).toHaveProperty([key]);
    });

    it('asks for secrets in password inputs', () => {
      for (const f of spec.fields.filter((f) => f.secret && !SHOWN_WHILE_TYPED[type]?.includes(f.key)))
        expect(f.input, f.key).toBe('password');
    });

    it('makes only optional secrets removable, with fields of its own', () => {
      const keys = spec.fields.map((f) => f.key);
      for (const f of spec.fields.filter((f) => f.removable)) {
        expect(f.secret && !f.required, f.key).toBe(true);
        for (const other of f.removable ?? []) expect(keys, f.key).toContain(other);
      }
    });

    it('stores the common keys and its fields, and nothing else', () => {
      const fields = spec.fields.map((f) => f.key);
      expect([...storedKeys(type)].sort()).toEqual([...new Set([...COMMON_KEYS, ...fields])].sort());
      const sample = allConfigs().find((c) => c.type === type) as Record<string, unknown>;
      const checked = checkChannel({ ...sample, name: 'Mine', savedAt: 1, extra: 'dropped', secret: 'dropped' });
      expect(checked.ok).toBe(true);
      if (checked.ok) expect(Object.keys(checked.channel).sort()).toEqual([...Object.keys(sample), 'name', 'savedAt'].sort());
      for (const key of Object.keys(sample)) expect(storedKeys(type), key).toContain(key);
    });
  });

  it('derive the same config types the channels had before their fields were declared once', () => {
    type Base = { id: string; name?: string; enabled: boolean; savedAt?: number };
    expectTypeOf<ChannelBase>().toEqualTypeOf<Base>();
    expectTypeOf<NtfyConfig>().toEqualTypeOf<{
      id: string;
      name?: string;
      enabled: boolean;
      savedAt?: number;
      type: 'ntfy';
      server?: string;
      topic: string;
      token?: string;
    }>();
    expectTypeOf<TelegramConfig>().toEqualTypeOf<{
      id: string;
      name?: string;
      enabled: boolean;
      savedAt?: number;
      type: 'telegram';
      botToken: string;
      chatId: string;
    }>();
    expectTypeOf<DiscordConfig>().toEqualTypeOf<{
      id: string;
      name?: string;
      enabled: boolean;
      savedAt?: number;
      type: 'discord';
      webhookUrl: string;
    }>();
    expectTypeOf<SlackConfig>().toEqualTypeOf<{
      id: string;
      name?: string;
      enabled: boolean;
      savedAt?: number;
      type: 'slack';
      webhookUrl: string;
    }>();
    expectTypeOf<WebhookConfig>().toEqualTypeOf<{
      id: string;
      name?: string;
      enabled: boolean;
      savedAt?: number;
      type: 'webhook';
      url: string;
      headerName?: string;
      headerValue?: string;
    }>();
  });
});
