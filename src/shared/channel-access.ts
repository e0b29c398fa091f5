import type { Permissions } from 'webextension-polyfill';

/**
 * What a channel's message shares, in Firefox's data-consent terms: a watched address (browsing
 * activity) and what the page said (website content). Declared optional in Firefox's manifest.
 */
export const CHANNEL_DATA = ['browsingActivity', 'websiteContent'] as const;

/**
 * The permissions a channel needs: its service's host, and on Firefox the user's consent to share
 * that data (Firefox 140+ asks for it like a permission; Chrome has no such thing).
 */
export function channelPermissions(originPattern: string): Permissions.Permissions {
  const origins = { origins: [originPattern] };
  return import.meta.env.MODE === 'firefox' ? ({ ...origins, data_collection: [...CHANNEL_DATA] } as Permissions.Permissions) : origins;
}
