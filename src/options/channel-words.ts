import { channelTypeKey } from '../core/channel-names';
import type { ChannelConfig } from '../core/channels/index';
import { t } from '../shared/i18n';

/** What the user called the channel, or its service's name. */
export const channelLabel = (channel: ChannelConfig) => channel.name || t(channelTypeKey(channel.type));
