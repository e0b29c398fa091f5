// The channel registry: every page and the worker find a channel's spec by its config's `type`,
// never by name. Sending is the worker's alone: src/core/channels/send/.
import { discord } from './discord';
import { ntfy } from './ntfy';
import { slack } from './slack';
import { telegram } from './telegram';
import { field } from './text';
import { CHANNEL_TYPES, type ChannelConfig, type ChannelSpec, type ChannelType } from './types';
import { webhook } from './webhook';

export const CHANNELS: { readonly [K in ChannelType]: ChannelSpec<Extract<ChannelConfig, { type: K }>> } = {
  ntfy,
  telegram,
  discord,
  slack,
  webhook,
};

export const isChannelType = (value: unknown): value is ChannelType => (CHANNEL_TYPES as readonly unknown[]).includes(value);

/** The spec of `config`'s channel, typed for configs of any type. */
export function channelFor(config: ChannelConfig): ChannelSpec {
  return CHANNELS[config.type] as ChannelSpec;
}

/** Problems with a whole config (shared fields first); empty when it can be used. */
export function validateChannel(config: ChannelConfig): string[] {
  const problems: string[] = [];
  if (!field(config.id)) problems.push('Channel id is missing.');
  if (!isChannelType(config.type)) return [...problems, 'Unknown channel type.'];
  if (typeof config.enabled !== 'boolean') problems.push('Enabled must be true or false.');
  return [...problems, ...channelFor(config).validate(config)];
}

export { REDACTED, redact } from './redact';
export { EVENT_ID_HEADER } from './text';
export * from './types';
