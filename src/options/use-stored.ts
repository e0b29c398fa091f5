import { useEffect, useState } from 'preact/hooks';
import type { Stored } from '../core/stored-schema';
import { onStoredChange, readStored } from '../shared/storage';

/** The stored data, kept live: the worker writes, the page re-renders. */
export function useStored(): Stored | null {
  const [data, setData] = useState<Stored | null>(null);
  useEffect(() => {
    void readStored().then((loaded) => setData(loaded.data));
    return onStoredChange(setData);
  }, []);
  return data;
}
