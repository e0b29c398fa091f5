// The senders' registry, the worker's alone (the outbox sender and Send test): the options page
// loads only the specs (src/core/channels/index.ts), never a request builder.

import type { ChannelConfig, ChannelType } from '../index';
import type { ChannelSender } from '../types';
import { discordSender } from './discord';
import { ntfySender } from './ntfy';
import { slackSender } from './slack';
import { telegramSender } from './telegram';
import { webhookSender } from './webhook';

export const SENDERS: { readonly [K in ChannelType]: ChannelSender<Extract<ChannelConfig, { type: K }>> } = {
  ntfy: ntfySender,
  telegram: telegramSender,
  discord: discordSender,
  slack: slackSender,
  webhook: webhookSender,
};

/** The sender of a channel type, typed for configs of any type. */
export function senderFor(type: ChannelType): ChannelSender {
  return SENDERS[type] as ChannelSender;
}
