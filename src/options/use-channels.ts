import { useEffect, useState } from 'preact/hooks';
import { KEYS } from '../core/storage-keys';
import { log } from '../shared/log';
import { followKeys } from '../shared/view-storage';
import { readStoredChannels, type StoredChannels } from './channel-configs';

/** The channels and their health, kept live: the page saves, the worker notes deliveries. */
export function useChannels(): StoredChannels | null {
  const [data, setData] = useState<StoredChannels | null>(null);
  useEffect(() => {
    let stopped = false;
    const unfollow = followKeys(
      [KEYS.channels, KEYS.channelStatus],
      (raw) => stopped || setData(readStoredChannels(raw)),
      (error: unknown) => {
        log.warn('channels could not be read', { error: String(error) });
        if (!stopped) setData({ channels: [], status: {} });
      },
    );
    return () => {
      stopped = true;
      unfollow();
    };
  }, []);
  return data;
}
