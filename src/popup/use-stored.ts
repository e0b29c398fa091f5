import { useEffect, useState } from 'preact/hooks';
import type { Stored } from '../core/stored-schema';
import { onStoredChange, readStored } from '../shared/storage';

/** The stored data, kept live: the worker writes, the popup re-renders. */
export function useStored(): Stored | null {
  const [data, setData] = useState<Stored | null>(null);
  useEffect(() => {
    void readStored().then((loaded) => setData(loaded.data));
    return onStoredChange(setData);
  }, []);
  return data;
}

/** The current time, ticking so "3 minutes ago" stays true while the popup is open. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
