// The channel registry: the sending loop finds a channel by its config's `type`, never by name.
import { discord } from './discord';
import { ntfy } from './ntfy';
import { slack } from './slack';
import { telegram } from './telegram';
import { field } from './text';
import { CHANNEL_TYPES, type Channel, type ChannelConfig, type ChannelType } from './types';
import { webhook } from './webhook';

export const CHANNELS: { readonly [K in ChannelType]: Channel<Extract<ChannelConfig, { type: K }>> } = {
  ntfy,
  telegram,
  discord,
  slack,
  webhook,
};

export const isChannelType = (value: unknown): value is ChannelType => (CHANNEL_TYPES as readonly unknown[]).includes(value);

/** The channel that handles `config`, typed for configs of any type. */
export function channelFor(config: ChannelConfig): Channel {
  return CHANNELS[config.type] as Channel;
}

/** Problems with a whole config (shared fields first); empty when it can be used. */
export function validateChannel(config: ChannelConfig): string[] {
  const problems: string[] = [];
  if (!field(config.id)) problems.push('Channel id is missing.');
  if (!isChannelType(config.type)) return [...problems, 'Unknown channel type.'];
  if (typeof config.enabled !== 'boolean') problems.push('Enabled must be true or false.');
  return [...problems, ...channelFor(config).validate(config)];
}

export { classifyStatus, PERMANENT_STATUSES } from './classify-http';
export { REDACTED, redact } from './redact';
export { EVENT_ID_HEADER } from './text';
export * from './types';
