import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { WatchRecord } from '../core/stored-schema';
import { accessPattern } from './host-access';

/**
 * Whether the extension may read each watch's site, asked once for every row (one `getAll`, not a
 * call per row: a popup with 100 watches opens fast) and again when access is granted or revoked.
 */
export function useSiteAccess(records: readonly WatchRecord[]): (record: WatchRecord) => boolean {
  const patterns = [...new Set(records.map((r) => accessPattern(r.def)))].sort();
  const key = patterns.join(' ');
  const [missing, setMissing] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    let stopped = false;
    const ask = async () => {
      const granted = new Set((await browser.permissions.getAll()).origins ?? []);
      // A broader grant ("on all sites") is not listed site by site: those few are asked one by one.
      const unsure = patterns.filter((p) => !granted.has(p));
      const answers = await Promise.all(unsure.map((p) => browser.permissions.contains({ origins: [p] })));
      if (!stopped) setMissing(new Set(unsure.filter((_, i) => !answers[i])));
    };
    const refresh = () => void ask().catch(() => undefined);
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      stopped = true;
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, [key]); // `key` is `patterns` joined: a new list of the same sites asks nothing again
  return (record) => !missing.has(accessPattern(record.def));
}
