// The options page keeps channels itself, in storage.local only: a token, topic or webhook URL
// never travels in a message, and never reaches storage.sync or an export. The worker follows
// the stored list (src/background/channel-changes.ts) and never writes it: this page is its one writer.
import type { ChannelConfig } from '../core/channels/index';
import { channelFor, secretKeys } from '../core/channels/index';
import { type ChannelStatusMap, checkChannel, MAX_CHANNELS, readChannelStatus, readChannels } from '../core/channels/stored';
import { KEYS } from '../core/storage-keys';
import { log } from '../shared/log';
import { readKeys, writeChannels } from '../shared/view-storage';
import { releaseUnusedOrigins } from './release-origins';

export interface StoredChannels {
  channels: ChannelConfig[];
  status: ChannelStatusMap;
}

/** What the page shows: usable channels and their health (a damaged list is repaired when the page opens, below). */
export function readStoredChannels(raw: Record<string, unknown>): StoredChannels {
  const { channels } = readChannels(raw[KEYS.channels]);
  const { status } = readChannelStatus(
    raw[KEYS.channelStatus],
    channels.map((c) => c.id),
  );
  return { channels, status };
}

/**
 * The config to save: the form's fields over the stored channel's, where an empty secret field
 * keeps the stored secret (the page never shows one back), unless the user asked to remove it
 * (`removed`: an optional secret such as ntfy's token).
 */
export function mergeWithStored(
  form: Record<string, unknown>,
  stored: ChannelConfig | null,
  removed: readonly string[] = [],
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...form };
  if (stored && stored.type === form.type)
    for (const key of secretKeys(stored.type)) {
      const given = form[key];
      if (given === undefined || (typeof given === 'string' && given.trim() === ''))
        merged[key] = (stored as unknown as Record<string, unknown>)[key];
    }
  for (const key of removed) delete merged[key];
  return merged;
}

/** The host permission pattern the config needs, or what keeps it from being saved (English, naming fields, never values). */
export function originOf(config: Record<string, unknown>): { ok: true; origin: string } | { ok: false; problems: string[] } {
  const checked = checkChannel({ ...config, id: config.id || 'new' });
  return checked.ok ? { ok: true, origin: channelFor(checked.channel).origin(checked.channel) } : checked;
}

export type SaveAnswer = { ok: true; channel: ChannelConfig } | { ok: false; problems: string[] };

const newId = () => `ch-${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;

async function readList(): Promise<ChannelConfig[]> {
  return readChannels((await readKeys([KEYS.channels]))[KEYS.channels]).channels;
}

/**
 * Writes back a damaged stored list, keeping every usable channel, when the page opens: the worker
 * only reads around the damage (logging it), since a list written from there could overwrite a save.
 */
export async function repairStoredChannels(): Promise<void> {
  try {
    const { channels, repairs } = readChannels((await readKeys([KEYS.channels]))[KEYS.channels]);
    if (repairs.length === 0) return;
    await writeChannels(channels);
    log.warn('channels repaired', { repairs });
  } catch (error) {
    // Left as it is, the list is only read around again: never a loss.
    log.warn('channels not repaired', { error: String(error) });
  }
}

/** Adds the channel (no id) or replaces the one with its id. Ask for its host first (a user gesture). */
export async function saveChannel(input: Record<string, unknown>): Promise<SaveAnswer> {
  const checked = checkChannel({ ...input, id: input.id || newId(), savedAt: Date.now() });
  if (!checked.ok) return checked;
  const { channel } = checked;
  const list = await readList();
  const known = list.some((c) => c.id === channel.id);
  if (!known && list.length >= MAX_CHANNELS) return { ok: false, problems: [`At most ${MAX_CHANNELS} channels.`] };
  const next = known ? list.map((c) => (c.id === channel.id ? channel : c)) : [...list, channel];
  await writeChannels(next);
  // A changed server or webhook may leave the old host unused.
  if (known) await releaseUnusedOrigins();
  return { ok: true, channel };
}

export async function removeChannel(id: string): Promise<void> {
  const list = await readList();
  await writeChannels(list.filter((c) => c.id !== id));
  await releaseUnusedOrigins();
}

export async function setChannelEnabled(id: string, enabled: boolean): Promise<void> {
  const list = await readList();
  await writeChannels(list.map((c) => (c.id === id ? { ...c, enabled } : c)));
}
