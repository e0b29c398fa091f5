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

/** Re-renders on a tick so "3 minutes ago" stays true while the popup is open. */
export function useNow(everyMs = 15_000): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
}
