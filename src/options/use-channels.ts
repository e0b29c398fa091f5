import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CHANNEL_STATUS_KEY, CHANNELS_KEY } from '../core/channels/stored';
import { log } from '../shared/log';
import { readStoredChannels, type StoredChannels } from './channel-configs';

/** The channels and their health, kept live: the page saves, the worker notes deliveries. */
export function useChannels(): StoredChannels | null {
  const [data, setData] = useState<StoredChannels | null>(null);
  useEffect(() => {
    let stopped = false;
    const read = () =>
      browser.storage.local.get([CHANNELS_KEY, CHANNEL_STATUS_KEY]).then(
        (raw) => stopped || setData(readStoredChannels(raw)),
        (error: unknown) => {
          log.warn('channels could not be read', { error: String(error) });
          if (!stopped) setData({ channels: [], status: {} });
        },
      );
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (CHANNELS_KEY in changes || CHANNEL_STATUS_KEY in changes)) void read();
    };
    browser.storage.onChanged.addListener(listener);
    void read();
    return () => {
      stopped = true;
      browser.storage.onChanged.removeListener(listener);
    };
  }, []);
  return data;
}
