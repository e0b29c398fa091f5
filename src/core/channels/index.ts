// The channel registry: every page and the worker find a channel's spec by its config's `type`,
// never by name, and everything a channel declares once (its fields) is derived here: the stored
// shape, the secret list and `secretsOf`. Sending is the worker's alone: src/core/channels/send/.
import { discord } from './discord';
import { ntfy } from './ntfy';
import { slack } from './slack';
import { telegram } from './telegram';
import { field } from './text';
import type { ChannelField, ChannelSpec } from './types';
import { webhook } from './webhook';

/** One spec per channel type, registered under its own type; this order is the editor's list. */
export const CHANNELS = { ntfy, telegram, discord, slack, webhook };

export const CHANNEL_TYPES = Object.keys(CHANNELS) as readonly ChannelType[];

export const isChannelType = (value: unknown): value is ChannelType => (CHANNEL_TYPES as readonly unknown[]).includes(value);

/** The spec of `config`'s channel, typed for configs of any type. */
export function channelFor(config: ChannelConfig): ChannelSpec {
  return CHANNELS[config.type] as ChannelSpec;
}

/**
 * What every config keeps besides its type's fields. `savedAt`: set by every save from the options
 * page, so saving again (after fixing the service) is a change the worker sees.
 */
export const COMMON_KEYS: readonly string[] = ['id', 'type', 'name', 'enabled', 'savedAt'];

/** The fields the user fills in for `type`, in the editor's order. */
export const fieldsOf = (type: ChannelType): readonly ChannelField[] => CHANNELS[type].fields;

/** The keys a config of `type` keeps; anything else a page sends is dropped, so no unlisted value (a secret) is stored. */
export const storedKeys = (type: ChannelType): string[] => [...COMMON_KEYS, ...fieldsOf(type).map((f) => f.key)];

/** The fields of `type` that hold a secret: shown empty when editing, kept when left empty, masked everywhere. */
export const secretKeys = (type: ChannelType): string[] => fieldsOf(type).flatMap((f) => (f.secret ? [f.key] : []));

/** Every secret value in the config (trimmed), so callers can prove none reaches logs, exports or notifications. */
export function secretsOf(config: ChannelConfig): string[] {
  const values = config as unknown as Record<string, unknown>;
  const secrets = secretKeys(config.type).map((key) => field(values[key]));
  return [...secrets, ...(channelFor(config).secretsWithin?.(config) ?? [])].filter(Boolean);
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

/** Every channel's config: one type per spec registered in src/core/channels/index.ts. */
export type ChannelConfig = {
  [K in keyof typeof CHANNELS]: (typeof CHANNELS)[K] extends ChannelSpec<infer C> ? C : never;
}[keyof typeof CHANNELS];
export type ChannelType = ChannelConfig['type'];
