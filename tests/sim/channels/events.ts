// Sample events and configs for channel tests and simulator runs: secrets are distinctive so a test
// can find every place one lands.
import type { DiscordConfig } from '../../../src/core/channels/discord';
import type { ChannelConfig } from '../../../src/core/channels/index';
import type { NtfyConfig } from '../../../src/core/channels/ntfy';
import type { SlackConfig } from '../../../src/core/channels/slack';
import type { TelegramConfig } from '../../../src/core/channels/telegram';
import type { ChannelEvent } from '../../../src/core/channels/types';
import type { WebhookConfig } from '../../../src/core/channels/webhook';

export const AT = Date.UTC(2025, 0, 15, 9, 30, 0);

/** A reopening with a title no Latin-1 header could carry. */
export function sampleEvent(overrides: Partial<ChannelEvent> = {}): ChannelEvent {
  return {
    id: 'evt-1',
    type: 'reopened',
    watch: { id: 'w-plus', name: 'ChatGPT Plus', url: 'https://chatgpt.com/#pricing' },
    state: 'open',
    at: AT,
    evidence: 'features no longer contains disable_plus_upgrade_ui',
    title: 'ChatGPT Plus 升级已开放 🎉',
    body: 'Upgrades reopened — Ünïcödé, русский, 日本語.',
    link: 'https://chatgpt.com/#pricing',
    linkLabel: '立即升级',
    ...overrides,
  };
}

export const SECRETS = {
  ntfyTopic: 'rw-topic-SECRET7f3a9c',
  ntfyToken: 'tk_SECRETntfytoken0123456789abc',
  telegramToken: '123456789:AAsecretTelegramToken_0123456789xyz',
  telegramChat: '987654321',
  discordToken: 'SECRETdiscordToken_abcdefghijklmnopqrstuvwxyz0123',
  slackSecret: 'SECRETslackXXXXXXXXXXXX',
  webhookPath: '/hook/SECRETwebhookPath42',
  headerValue: 'SECRET-header-value-9f8e',
};

export const ntfyConfig = (overrides: Partial<NtfyConfig> = {}): NtfyConfig => ({
  id: 'ch-ntfy',
  type: 'ntfy',
  enabled: true,
  topic: SECRETS.ntfyTopic,
  token: SECRETS.ntfyToken,
  ...overrides,
});

export const telegramConfig = (overrides: Partial<TelegramConfig> = {}): TelegramConfig => ({
  id: 'ch-telegram',
  type: 'telegram',
  enabled: true,
  botToken: SECRETS.telegramToken,
  chatId: SECRETS.telegramChat,
  ...overrides,
});

export const DISCORD_URL = `https://discord.com/api/webhooks/112233445566778899/${SECRETS.discordToken}`;
export const discordConfig = (overrides: Partial<DiscordConfig> = {}): DiscordConfig => ({
  id: 'ch-discord',
  type: 'discord',
  enabled: true,
  webhookUrl: DISCORD_URL,
  ...overrides,
});

export const SLACK_URL = `https://hooks.slack.com/services/T0001AAAA/B0002BBBB/${SECRETS.slackSecret}`;
export const slackConfig = (overrides: Partial<SlackConfig> = {}): SlackConfig => ({
  id: 'ch-slack',
  type: 'slack',
  enabled: true,
  webhookUrl: SLACK_URL,
  ...overrides,
});

export const WEBHOOK_URL = `https://hooks.example.test${SECRETS.webhookPath}`;
export const webhookConfig = (overrides: Partial<WebhookConfig> = {}): WebhookConfig => ({
  id: 'ch-webhook',
  type: 'webhook',
  enabled: true,
  url: WEBHOOK_URL,
  headerName: 'X-Api-Key',
  headerValue: SECRETS.headerValue,
  ...overrides,
});

/** One valid config of every type. */
export const allConfigs = (): ChannelConfig[] => [ntfyConfig(), telegramConfig(), discordConfig(), slackConfig(), webhookConfig()];
