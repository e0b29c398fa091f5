import browser, { type Permissions } from 'webextension-polyfill';
import { channelFor } from '../core/channels/index';
import { CHANNELS_KEY, readChannels } from '../core/channels/stored';
import { loadStored } from '../core/stored-schema';
import { CHANNEL_DATA } from '../shared/channel-access';
import { accessPattern } from '../shared/host-access';
import { log } from '../shared/log';

/** The manifest's own host permission: never released. */
const REQUIRED = 'https://chatgpt.com/*';

/**
 * Sites granted for watches or channels that are gone are given back. Only the options page
 * removes or moves watches and channels, so only it releases (the popup only adds).
 */
export async function releaseUnusedOrigins(): Promise<void> {
  try {
    const raw = await browser.storage.local.get(null);
    const { data } = loadStored(raw);
    const needed = new Set(data.watchIds.flatMap((id) => (data.watches[id] ? [accessPattern(data.watches[id].def)] : [])));
    const { channels } = readChannels(raw[CHANNELS_KEY]);
    for (const config of channels) needed.add(channelFor(config).origin(config));
    const granted = (await browser.permissions.getAll()).origins ?? [];
    const unused = granted.filter((origin) => origin !== REQUIRED && !needed.has(origin));
    if (unused.length > 0) await browser.permissions.remove({ origins: unused });
    // Firefox's consent to share alert data goes with the last channel.
    if (channels.length === 0 && import.meta.env.MODE === 'firefox')
      await browser.permissions.remove({ data_collection: [...CHANNEL_DATA] } as Permissions.Permissions);
  } catch (error) {
    // Keeping a permission a little longer is harmless; the next change tries again.
    log.warn('unused sites not released', { error: String(error) });
  }
}
