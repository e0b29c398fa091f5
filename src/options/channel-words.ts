import type { ChannelConfig, ChannelType } from '../core/channels/types';
import { type MessageKey, t } from '../shared/i18n';

export const TYPE_WORDS: { readonly [K in ChannelType]: MessageKey } = {
  ntfy: 'channelTypeNtfy',
  telegram: 'channelTypeTelegram',
  discord: 'channelTypeDiscord',
  slack: 'channelTypeSlack',
  webhook: 'channelTypeWebhook',
};

/** What the user called the channel, or its service's name. */
export const channelLabel = (channel: ChannelConfig) => channel.name || t(TYPE_WORDS[channel.type]);
