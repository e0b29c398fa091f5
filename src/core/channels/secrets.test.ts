// Secrets go only where each service requires them, and `secretsOf` names every one, so the app can
// assert that none reaches logs, exports, errors or notification bodies.
import { describe, expect, it } from 'vitest';
import { allConfigs, DISCORD_URL, SECRETS, SLACK_URL, sampleEvent, WEBHOOK_URL } from '../../../tests/sim/channels/events';
import { CHANNEL_TYPES, type ChannelEventType, channelFor, type DeliveryRequest, REDACTED, redact, secretsOf } from './index';
import { senderFor } from './send/index';

/** Every place in a request where `secret` occurs: `url`, `header <name>`, or `body <json path>`. */
function placesOf(secret: string, request: DeliveryRequest): string[] {
  const places: string[] = [];
  if (request.url.includes(secret)) places.push('url');
  for (const [name, value] of Object.entries(request.headers)) if (`${name}: ${value}`.includes(secret)) places.push(`header ${name}`);
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string' && value.includes(secret)) places.push(`body ${path}`);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
  };
  walk(JSON.parse(request.body), '');
  return places;
}

/** Where each secret must be, and nowhere else. */
const REQUIRED: Record<string, Record<string, string[]>> = {
  ntfy: { [SECRETS.ntfyTopic]: ['body topic'], [SECRETS.ntfyToken]: ['header Authorization'] },
  telegram: { [SECRETS.telegramToken]: ['url'] },
  // The pasted URL is re-pinned to API v10, so only its token is found verbatim.
  discord: { [DISCORD_URL]: [], [SECRETS.discordToken]: ['url'] },
  slack: { [SLACK_URL]: ['url'], [SECRETS.slackSecret]: ['url'] },
  webhook: { [WEBHOOK_URL]: ['url'], [SECRETS.headerValue]: ['header X-Api-Key'] },
};

const EVENT_TYPES: ChannelEventType[] = ['reopened', 'cant-check', 'test'];

describe('secrets in requests', () => {
  it('covers every channel type', () => {
    expect(Object.keys(REQUIRED).sort()).toEqual([...CHANNEL_TYPES].sort());
    expect(allConfigs().map((c) => c.type)).toEqual([...CHANNEL_TYPES]);
  });

  for (const config of allConfigs()) {
    describe(config.type, () => {
      const channel = channelFor(config);
      const required = REQUIRED[config.type] as Record<string, string[]>;

      it('lists every secret in secretsOf', () => {
        expect(secretsOf(config).sort()).toEqual(Object.keys(required).sort());
      });

      it('puts each secret only where the service requires it, for every event type', () => {
        for (const type of EVENT_TYPES) {
          const request = senderFor(config.type).buildRequest(config, sampleEvent({ type }));
          for (const [secret, places] of Object.entries(required)) expect(placesOf(secret, request), `${type}: ${secret}`).toEqual(places);
        }
      });

      it('quotes no secret from an echoed plain-text body', () => {
        const echo = `${secretsOf(config).join(' ')} ${JSON.stringify({ message: SECRETS.ntfyTopic })}`;
        for (const status of [200, 400, 401, 429, 500]) {
          const outcome = senderFor(config.type).classify(status, new Headers(), echo, 0);
          for (const secret of secretsOf(config)) expect(JSON.stringify(outcome)).not.toContain(secret);
        }
      });

      it('names fields, never values, in validation problems and errors', () => {
        const broken = { ...config, url: 'http://x', webhookUrl: 'http://x', server: 'http://x' } as unknown as typeof config;
        const texts = [...channel.validate(config), ...channel.validate(broken)];
        try {
          channel.origin(broken);
        } catch (error) {
          texts.push(String(error));
        }
        for (const secret of secretsOf(config)) for (const text of texts) expect(text).not.toContain(secret);
      });
    });
  }
});

describe('redact', () => {
  it('masks every secret, the longest first', () => {
    const text = `posting to ${SLACK_URL} failed; token ${SECRETS.slackSecret}`;
    expect(redact(text, [SECRETS.slackSecret, SLACK_URL, ''])).toBe(`posting to ${REDACTED} failed; token ${REDACTED}`);
    expect(redact('nothing here', [])).toBe('nothing here');
  });
});
