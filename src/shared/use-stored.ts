import { useEffect, useState } from 'preact/hooks';
import type { Stored } from '../core/stored-schema';
import { watchStored } from './storage';

/** The stored data, kept live: the worker writes, the page re-renders. One read of everything, then each change applied to that copy. */
export function useStored(): Stored | null {
  const [data, setData] = useState<Stored | null>(null);
  useEffect(() => watchStored(setData), []);
  return data;
}
