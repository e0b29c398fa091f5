// Discord: one webhook URL (Server settings → Integrations → Webhooks). Sending: send/discord.ts.
import type { ChannelField, ChannelSpec, ConfigOf } from './types';
import { checkUrl, originPattern } from './url';

const HOSTS = new Set(['discord.com', 'discordapp.com', 'canary.discord.com', 'ptb.discord.com']);
const PATH = /^\/api\/(?:v\d+\/)?webhooks\/(\d{5,})\/([A-Za-z0-9_-]{20,})\/?$/;

const fields = [
  { key: 'webhookUrl', secret: true, required: true, input: 'password', label: 'optionsDiscordUrl', hint: 'optionsDiscordUrlHint' },
] as const satisfies readonly ChannelField[];

export type DiscordConfig = ConfigOf<'discord', typeof fields>;

interface Parts {
  url: URL;
  id: string;
  token: string;
}

/** The webhook URL's parts, or undefined when it is not a Discord webhook URL. */
export function discordParts(config: DiscordConfig): Parts | undefined {
  const { url, problems } = checkUrl(config.webhookUrl, 'Webhook URL');
  const match = url && PATH.exec(url.pathname);
  if (!url || problems.length || url.protocol !== 'https:' || url.port || !HOSTS.has(url.hostname) || !match) return undefined;
  return { url, id: match[1] as string, token: match[2] as string };
}

export const discord: ChannelSpec<DiscordConfig> = {
  type: 'discord',
  fields,

  origin(config) {
    const p = discordParts(config);
    if (!p) throw new Error('Webhook URL is not a Discord webhook URL.');
    return originPattern(p.url);
  },

  validate(config) {
    const { url, problems } = checkUrl(config.webhookUrl, 'Webhook URL');
    if (!url || problems.length) return problems;
    if (!discordParts(config))
      return [
        'Webhook URL must be a Discord webhook URL, discord.com/api/webhooks/<id>/<token> (Server settings → Integrations → Webhooks → Copy Webhook URL).',
      ];
    return [];
  },

  secretsWithin(config) {
    return [discordParts(config)?.token ?? ''];
  },
};
