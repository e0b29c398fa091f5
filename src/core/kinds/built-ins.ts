// The built-in watches as stored: derived from the kinds that declare one (./registry.ts).
import type { WatchDef } from '../watch-def';
import { BUILT_INS } from './registry';

/** The built-in watches as first stored: alerts on, switched on, at their kind's interval. */
export const BUILT_IN_WATCHES: readonly WatchDef[] = BUILT_INS.map(({ id, name, url, kind, intervalMinutes }) => ({
  id,
  name,
  kind,
  url,
  rule: null,
  intervalMinutes,
  notify: true,
  enabled: true,
}));
export const builtInWatch = (id: string): WatchDef | undefined => BUILT_IN_WATCHES.find((w) => w.id === id);
