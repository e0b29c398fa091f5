// The worker's view of channels (phone and chat alerts): the configs the options page saved, read
// and repaired here in memory only (the page owns `channels`; the worker only sends), and their
// health, which the worker alone records. A read never throws, and damaged data is repaired with
// a logged reason that names fields, never values.
import type { ChannelConfig } from '../core/channels/index';
import { redact } from '../core/channels/redact';
import { type ChannelStatus, type ChannelStatusMap, readChannelStatus, readChannels, secretsOfAny } from '../core/channels/stored';
import { keyedQueue } from '../core/keyed-queue';
import { own } from '../core/own';
import { sameValue } from '../core/same-value';
import { log } from '../shared/log';
import { readChannelsRaw, writeChannelStatus } from './worker-storage';

export interface Channels {
  channels: ChannelConfig[];
  status: ChannelStatusMap;
}

/** Status notes take turns, each over the latest read, so none overwrites another. */
const queue = keyedQueue();
const LANE = 'channels';

/** Every secret of every channel stored now (or last seen): for texts that may mention any of them. */
let knownSecrets: string[] = [];
export const redactAll = (text: string): string => redact(text, knownSecrets);

/** The repairs of `channels` last logged: the list stays as the page saved it, so the same damage is logged once, not at every read. */
let loggedRepairs = '';

async function readRaw(): Promise<Channels> {
  let raw: { channels: unknown; status: unknown };
  try {
    raw = await readChannelsRaw();
  } catch (error) {
    log.warn('channels could not be read; none are used for now', { error: redactAll(String(error)) });
    return { channels: [], status: {} };
  }
  const list = readChannels(raw.channels);
  const status = readChannelStatus(
    raw.status,
    list.channels.map((c) => c.id),
  );
  knownSecrets = [...new Set([...knownSecrets, ...(Array.isArray(raw.channels) ? raw.channels.flatMap(secretsOfAny) : [])])];
  const listRepairs = JSON.stringify(list.repairs);
  const newDamage = list.repairs.length > 0 && listRepairs !== loggedRepairs;
  loggedRepairs = listRepairs;
  if (newDamage || status.repairs.length > 0)
    log.warn('channels repaired', { repairs: [...list.repairs, ...status.repairs].map(redactAll) });
  // Only the status is written back: `channels` is the options page's (it writes the repaired list
  // when it opens), and a copy written from here could overwrite a save made a moment after this read.
  if (status.repairs.length > 0) await write(status.status);
  return { channels: list.channels, status: status.status };
}

async function write(status: ChannelStatusMap): Promise<void> {
  try {
    await writeChannelStatus(status);
  } catch (error) {
    log.warn('channels could not be written', { error: redactAll(String(error)) });
    throw new Error('channels could not be saved');
  }
}

/** Every channel and its health, repaired. Never throws. */
export function loadChannels(): Promise<Channels> {
  return queue.run(LANE, readRaw).catch((error: unknown) => {
    log.warn('channels could not be read; none are used for now', { error: redactAll(String(error)) });
    return { channels: [], status: {} };
  });
}

/**
 * Changes one channel's health; nothing when the channel is gone. Every `why` is redacted again
 * with the channel's own secrets before it is stored (it is shown in the options page and popup).
 */
export function updateChannelStatus(id: string, change: (status: ChannelStatus) => ChannelStatus): Promise<void> {
  return queue.run(LANE, async () => {
    const { channels, status } = await readRaw();
    const config = channels.find((c) => c.id === id);
    if (!config) return;
    const before = own(status, id) ?? {};
    const secrets = secretsOfAny(config);
    const clean = (note?: { why: string; at: number }) => note && { why: redact(redactAll(note.why), secrets), at: note.at };
    const changed = change(before);
    const after: ChannelStatus = { ...changed, broken: clean(changed.broken), lastLost: clean(changed.lastLost) };
    for (const key of ['broken', 'lastLost'] as const) if (after[key] === undefined) delete after[key];
    if (sameValue(after, before)) return;
    await write({ ...status, [id]: after });
  });
}

export const markBroken = (id: string, why: string, at: number) => updateChannelStatus(id, (s) => ({ ...s, broken: { why, at } }));
export const markDelivered = (id: string, at: number) =>
  updateChannelStatus(id, ({ broken: _, ...s }) => ({ ...s, lastDelivered: Math.max(at, s.lastDelivered ?? 0) }));
export const markLost = (id: string, why: string, at: number) => updateChannelStatus(id, (s) => ({ ...s, lastLost: { why, at } }));
