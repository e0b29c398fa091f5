import { KEYS } from '../core/storage-keys';

/** A switched-on channel the worker marked broken: nothing reaches the user there until it is fixed. */
export interface BrokenChannel {
  id: string;
  /** The user's name for it, or null (the popup then names its type). */
  name: string | null;
  type: string;
  /** Already redacted by the worker. */
  why: string;
}

export const CHANNEL_KEYS = [KEYS.channels, KEYS.channelStatus];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The broken channels among the stored ones, read leniently: the popup only warns, so anything it
 * cannot read is skipped rather than repaired (the worker and the options page do that).
 */
export function brokenChannels(stored: Record<string, unknown>): BrokenChannel[] {
  const channels = stored[KEYS.channels];
  const status = stored[KEYS.channelStatus];
  if (!Array.isArray(channels) || !isObject(status)) return [];
  return channels.flatMap((channel): BrokenChannel[] => {
    if (!isObject(channel) || typeof channel.id !== 'string' || channel.enabled === false) return [];
    const entry = status[channel.id];
    const broken = isObject(entry) ? entry.broken : null;
    if (!isObject(broken) || typeof broken.why !== 'string') return [];
    const name = typeof channel.name === 'string' && channel.name.trim() ? channel.name.trim() : null;
    return [{ id: channel.id, name, type: String(channel.type), why: broken.why }];
  });
}
