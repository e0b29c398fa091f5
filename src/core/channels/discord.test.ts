import { describe, expect, it } from 'vitest';
import { AT, DISCORD_URL, discordConfig, SECRETS, sampleEvent } from '../../../tests/sim/channels/events';
import { discord } from './discord';
import { discordSender } from './send/discord';

const none = new Headers();
const classify = (status: number, body: unknown, headers: Headers = none) =>
  discordSender.classify(status, headers, typeof body === 'string' ? body : JSON.stringify(body), AT);
const V10 = `https://discord.com/api/v10/webhooks/112233445566778899/${SECRETS.discordToken}`;

describe('Discord request', () => {
  it('executes the webhook on API v10 and waits for the message', () => {
    const request = discordSender.buildRequest(discordConfig(), sampleEvent());
    expect(request.url).toBe(`${V10}?wait=true`);
    expect(request.headers).toEqual({ 'Content-Type': 'application/json', 'X-Reopen-Watch-Event': 'evt-1' });
    expect(JSON.parse(request.body)).toEqual({
      content: 'ChatGPT Plus 升级已开放 🎉',
      embeds: [
        {
          title: 'ChatGPT Plus',
          url: 'https://chatgpt.com/#pricing',
          description: 'Upgrades reopened — Ünïcödé, русский, 日本語.',
          color: 0x2e7d32,
          timestamp: '2025-01-15T09:30:00.000Z',
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it('keeps a thread id and the discordapp.com host, with or without a version in the pasted URL', () => {
    const pasted = `https://discordapp.com/api/v9/webhooks/112233445566778899/${SECRETS.discordToken}/?thread_id=42`;
    const url = new URL(discordSender.buildRequest(discordConfig({ webhookUrl: pasted }), sampleEvent()).url);
    expect(url.hostname).toBe('discordapp.com');
    expect(url.pathname).toBe(`/api/v10/webhooks/112233445566778899/${SECRETS.discordToken}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ thread_id: '42', wait: 'true' });
  });

  it('shows markdown and mentions literally', () => {
    const body = JSON.parse(
      discordSender.buildRequest(discordConfig(), sampleEvent({ title: '@everyone **Plus** > open', body: '[x](y)' })).body,
    );
    expect(body.content).toBe('@everyone \\*\\*Plus\\*\\* \\> open');
    expect(body.embeds[0].description).toBe('\\[x\\]\\(y\\)');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('refuses to build a request for something that is not a Discord webhook', () => {
    expect(() => discordSender.buildRequest(discordConfig({ webhookUrl: 'https://evil.example/api/webhooks/1/2' }), sampleEvent())).toThrow(
      'Webhook URL is not a Discord webhook URL.',
    );
  });
});

describe('Discord answers', () => {
  it('reads 200 (wait=true) and 204 as delivered', () => {
    expect(classify(200, { id: '1', content: 'x' })).toEqual({ type: 'delivered' });
    expect(classify(204, '')).toEqual({ type: 'delivered' });
  });

  it("waits the 429 body's retry_after (float seconds), else Retry-After", () => {
    const body = { message: 'You are being rate limited.', retry_after: 1.234, global: false };
    expect(classify(429, body, new Headers({ 'Retry-After': '2' }))).toEqual({
      type: 'retry',
      afterMs: 1234,
      why: 'HTTP 429: You are being rate limited.',
    });
    expect(classify(429, '<html>Cloudflare 1015</html>', new Headers({ 'Retry-After': '60' }))).toMatchObject({ afterMs: 60_000 });
  });

  it('reads a deleted or mistyped webhook as broken', () => {
    expect(classify(404, { message: 'Unknown Webhook', code: 10015 })).toEqual({
      type: 'broken',
      why: 'HTTP 404: Unknown Webhook (10015)',
    });
    expect(classify(401, { message: 'Invalid Webhook Token', code: 50027 })).toMatchObject({ type: 'broken' });
    expect(classify(400, { message: 'Unknown Webhook', code: 10015 })).toMatchObject({ type: 'broken' });
    expect(classify(403, { message: 'Missing Access', code: 50001 })).toMatchObject({ type: 'broken' });
  });

  it('retries other failures', () => {
    expect(classify(400, { message: 'Invalid Form Body', code: 50035 })).toMatchObject({ type: 'retry' });
    expect(classify(500, { message: '500: Internal Server Error', code: 0 })).toMatchObject({ type: 'retry' });
    expect(classify(0, '')).toMatchObject({ type: 'retry' });
  });
});

describe('Discord settings', () => {
  it('accepts the webhook URLs Discord hands out', () => {
    expect(discord.validate(discordConfig())).toEqual([]);
    for (const host of ['discordapp.com', 'canary.discord.com', 'ptb.discord.com'])
      expect(discord.validate(discordConfig({ webhookUrl: DISCORD_URL.replace('discord.com', host) })), host).toEqual([]);
  });

  it('explains what is wrong', () => {
    const shape = [expect.stringContaining('must be a Discord webhook URL')];
    expect(discord.validate(discordConfig({ webhookUrl: '' }))).toEqual(['Webhook URL is missing.']);
    expect(discord.validate(discordConfig({ webhookUrl: DISCORD_URL.replace('https:', 'http:') }))).toHaveLength(1);
    expect(discord.validate(discordConfig({ webhookUrl: DISCORD_URL.replace('discord.com', 'discord.example') }))).toEqual(shape);
    expect(discord.validate(discordConfig({ webhookUrl: 'https://discord.com/channels/1/2' }))).toEqual(shape);
    expect(discord.validate(discordConfig({ webhookUrl: DISCORD_URL.replace('discord.com', 'discord.com:8443') }))).toEqual(shape);
  });

  it("needs the webhook's host", () => {
    expect(discord.origin(discordConfig())).toBe('https://discord.com/*');
    expect(discord.origin(discordConfig({ webhookUrl: DISCORD_URL.replace('discord.com', 'discordapp.com') }))).toBe(
      'https://discordapp.com/*',
    );
  });
});
