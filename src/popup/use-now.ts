import { useEffect, useState } from 'preact/hooks';

/** Re-renders on a tick so "3 minutes ago" stays true while the popup is open. */
export function useNow(everyMs = 15_000): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
}
