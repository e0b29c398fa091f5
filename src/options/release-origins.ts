import browser, { type Permissions } from 'webextension-polyfill';
import { channelFor } from '../core/channels/index';
import { readChannels } from '../core/channels/stored';
import { sameValue } from '../core/same-value';
import { legacyAsked, readAskedSites, sitesToRelease } from '../core/site-grants';
import { KEYS } from '../core/storage-keys';
import { loadStored } from '../core/stored-schema';
import { CHANNEL_DATA } from '../shared/channel-access';
import { accessPattern } from '../shared/host-access';
import { log } from '../shared/log';
import { readKeys, writeSitesAsked } from '../shared/view-storage';

/** The manifest's own host permission: never released. */
const REQUIRED = 'https://chatgpt.com/*';

/** The sites the stored watches and channels need now. */
function neededSites(raw: Record<string, unknown>): Set<string> {
  const { data } = loadStored(raw);
  const needed = new Set(data.watchIds.flatMap((id) => (data.watches[id] ? [accessPattern(data.watches[id].def)] : [])));
  for (const config of readChannels(raw[KEYS.channels]).channels) needed.add(channelFor(config).origin(config));
  needed.add(REQUIRED);
  return needed;
}

/**
 * Sites Reopen Watch asked for, for watches or channels that are gone, are given back; a site the
 * user granted on their own stays. Only the options page removes or moves watches and channels,
 * so only it releases (the popup only adds).
 */
export async function releaseUnusedOrigins(): Promise<void> {
  try {
    const raw = await readKeys(null);
    const needed = neededSites(raw);
    const granted = (await browser.permissions.getAll()).origins ?? [];
    const { release, asked } = sitesToRelease(readAskedSites(raw[KEYS.sitesAsked]) ?? [], granted, needed);
    if (release.length > 0) await browser.permissions.remove({ origins: release });
    if (!sameValue(asked, raw[KEYS.sitesAsked] ?? [])) await writeSitesAsked(asked);
    // Firefox's consent to share alert data goes with the last channel.
    if (readChannels(raw[KEYS.channels]).channels.length === 0 && import.meta.env.MODE === 'firefox')
      await browser.permissions.remove({ data_collection: [...CHANNEL_DATA] } as Permissions.Permissions);
  } catch (error) {
    // Keeping a permission a little longer is harmless; the next change tries again.
    log.warn('unused sites not released', { error: String(error) });
  }
}

/** 2.1 kept no list of the sites it asked for: the first options page of 2.2 makes one (src/core/site-grants.ts). */
export async function rememberSitesAskedBefore(): Promise<void> {
  try {
    const raw = await readKeys(null);
    if (raw[KEYS.sitesAsked] !== undefined) return;
    const granted = (await browser.permissions.getAll()).origins ?? [];
    await writeSitesAsked(legacyAsked(granted, neededSites(raw)));
  } catch (error) {
    log.warn('sites asked for before 2.2 not remembered', { error: String(error) });
  }
}
