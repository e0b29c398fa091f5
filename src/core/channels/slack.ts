// Slack: one incoming-webhook URL (Slack app → Incoming Webhooks). Sending: send/slack.ts.
import type { ChannelField, ChannelSpec, ConfigOf } from './types';
import { checkUrl, originPattern } from './url';

const HOST = 'hooks.slack.com';
const PATH = /^\/services\/(T[A-Z0-9]+)\/(B[A-Z0-9]+)\/([A-Za-z0-9]{16,})\/?$/;

const fields = [
  { key: 'webhookUrl', secret: true, required: true, input: 'password', label: 'optionsSlackUrl', hint: 'optionsSlackUrlHint' },
] as const satisfies readonly ChannelField[];

export type SlackConfig = ConfigOf<'slack', typeof fields>;

/** The webhook URL and the secret at its end, or undefined when it is not a Slack incoming webhook URL. */
export function slackParts(config: SlackConfig): { url: URL; secret: string } | undefined {
  const { url, problems } = checkUrl(config.webhookUrl, 'Webhook URL');
  const match = url && PATH.exec(url.pathname);
  if (!url || problems.length || url.protocol !== 'https:' || url.port || url.hostname !== HOST || !match) return undefined;
  return { url, secret: match[3] as string };
}

export const slack: ChannelSpec<SlackConfig> = {
  type: 'slack',
  fields,

  origin(config) {
    const p = slackParts(config);
    if (!p) throw new Error('Webhook URL is not a Slack incoming webhook URL.');
    return originPattern(p.url);
  },

  validate(config) {
    const { url, problems } = checkUrl(config.webhookUrl, 'Webhook URL');
    if (!url || problems.length) return problems;
    if (!slackParts(config))
      return ['Webhook URL must be a Slack incoming webhook URL, hooks.slack.com/services/T…/B…/… (Slack app → Incoming Webhooks).'];
    return [];
  },

  secretsWithin(config) {
    return [slackParts(config)?.secret ?? ''];
  },
};
