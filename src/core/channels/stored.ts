// How channels and their health are kept in storage.local (never sync: configs hold secrets), and
// how a stored copy is read back: pure, never throws, and every repair reason is free of secrets.

import { KEYS } from '../storage-keys';
import type { ChannelConfig } from './index';
import { isChannelType, secretsOf, storedKeys, validateChannel } from './index';
import { redact } from './redact';
import { isRecord } from './text';

export const MAX_CHANNELS = 20;
export const MAX_CHANNEL_NAME = 80;
/** Ids are made by the pages or the worker; kept plain so they are safe in alarm names, logs and headers. */
const CHANNEL_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A channel's health, shown on the options page and in the popup. Every `why` is already redacted. */
export interface ChannelStatus {
  /** A permanent failure (401/403/404/410 or the service's own "gone"): nothing is sent until the user fixes it. */
  broken?: { why: string; at: number };
  /** When a message last reached it. */
  lastDelivered?: number;
  /** The last message given up on (retries ran out after 1 h, the outbox overflowed, the channel was switched off). */
  lastLost?: { why: string; at: number };
}
export type ChannelStatusMap = Record<string, ChannelStatus>;

/** Every secret of a config that may be damaged: never throws. */
export function secretsOfAny(config: unknown): string[] {
  if (!isRecord(config) || !isChannelType(config.type)) return [];
  try {
    return secretsOf(config as unknown as ChannelConfig);
  } catch {
    return [];
  }
}

/**
 * A config as the user (via a page) gave it, normalised to the fields its type keeps, or the
 * problems in plain English (naming fields, never values). Used on every write.
 */
export function checkChannel(input: unknown): { ok: true; channel: ChannelConfig } | { ok: false; problems: string[] } {
  if (!isRecord(input)) return { ok: false, problems: ['A channel must be an object.'] };
  if (!isChannelType(input.type)) return { ok: false, problems: ['Unknown channel type.'] };
  const kept: Record<string, unknown> = {};
  // Only the keys its spec declares (storedKeys): anything else a page sends, a secret included, is dropped.
  for (const key of storedKeys(input.type)) if (input[key] !== undefined) kept[key] = input[key];
  const config = kept as unknown as ChannelConfig;
  const problems = validateChannel(config);
  if (typeof config.id === 'string' && config.id && !CHANNEL_ID.test(config.id))
    problems.push('Channel id may only use letters, digits, - and _ (at most 64).');
  const { savedAt } = kept;
  if (savedAt !== undefined && !(typeof savedAt === 'number' && Number.isFinite(savedAt))) problems.push('Saved time must be a number.');
  if (config.name !== undefined && (typeof config.name !== 'string' || config.name.length > MAX_CHANNEL_NAME))
    problems.push(`Name must be text of at most ${MAX_CHANNEL_NAME} characters.`);
  const secrets = secretsOfAny(config);
  if (problems.length > 0) return { ok: false, problems: problems.map((p) => redact(p, secrets)) };
  return { ok: true, channel: config };
}

/** The stored list, keeping every usable channel; `repairs` says what was dropped and why (for the log). */
export function readChannels(raw: unknown): { channels: ChannelConfig[]; repairs: string[] } {
  if (raw === undefined) return { channels: [], repairs: [] };
  if (!Array.isArray(raw)) return { channels: [], repairs: [`${KEYS.channels} was not a list; reset`] };
  const channels: ChannelConfig[] = [];
  const repairs: string[] = [];
  raw.forEach((entry, index) => {
    const label = `channel ${index + 1}${isRecord(entry) && isChannelType(entry.type) ? ` (${entry.type})` : ''}`;
    const checked = checkChannel(entry);
    if (!checked.ok) repairs.push(`${label} is not usable (${checked.problems.join(' ')}); dropped`);
    else if (channels.some((c) => c.id === checked.channel.id)) repairs.push(`${label} repeats an id; dropped`);
    else if (channels.length >= MAX_CHANNELS) repairs.push(`${label} is past the limit of ${MAX_CHANNELS}; dropped`);
    else {
      if (Object.keys(checked.channel).length !== Object.keys(entry as object).length) repairs.push(`${label} had unknown fields; removed`);
      channels.push(checked.channel);
    }
  });
  // Belt and braces: a reason never quotes a value, but redact with every secret in the raw list anyway.
  const secrets = raw.flatMap(secretsOfAny);
  return { channels, repairs: repairs.map((r) => redact(r, secrets)) };
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isNote = (value: unknown): value is { why: string; at: number } =>
  isRecord(value) && typeof value.why === 'string' && isTime(value.at);

/** The stored health of each channel; entries for channels that no longer exist are dropped. */
export function readChannelStatus(raw: unknown, channelIds: readonly string[]): { status: ChannelStatusMap; repairs: string[] } {
  if (raw === undefined) return { status: {}, repairs: [] };
  if (!isRecord(raw)) return { status: {}, repairs: [`${KEYS.channelStatus} was not an object; reset`] };
  const status = new Map<string, ChannelStatus>();
  const repairs: string[] = [];
  let gone = 0;
  for (const [id, entry] of Object.entries(raw)) {
    if (!channelIds.includes(id)) {
      gone++;
      continue;
    }
    if (!isRecord(entry)) {
      repairs.push(`status of channel ${id} was not an object; reset`);
      continue;
    }
    const kept: ChannelStatus = {};
    if (isNote(entry.broken)) kept.broken = { why: entry.broken.why, at: entry.broken.at };
    if (isTime(entry.lastDelivered)) kept.lastDelivered = entry.lastDelivered;
    if (isNote(entry.lastLost)) kept.lastLost = { why: entry.lastLost.why, at: entry.lastLost.at };
    if (Object.keys(entry).some((key) => !(key in kept))) repairs.push(`status of channel ${id} had malformed fields; removed`);
    status.set(id, kept);
  }
  if (gone) repairs.push(`${gone} status entries of removed channels dropped`);
  // Own properties only: a channel id such as `__proto__` is an ordinary key.
  return { status: Object.fromEntries(status), repairs };
}
