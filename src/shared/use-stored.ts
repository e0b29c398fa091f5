import { useLayoutEffect, useState } from 'preact/hooks';
import type { Stored } from '../core/stored-schema';
import { watchStored } from './view-storage';

/** The stored data, kept live: the worker writes, the page re-renders. One read of everything, then each change applied to that copy. */
export function useStored(): Stored | null {
  const [data, setData] = useState<Stored | null>(null);
  // Subscribed right after the first render, not after the next paint (useEffect's time): the
  // page's first real content waits on this read.
  useLayoutEffect(() => watchStored(setData), []);
  return data;
}
