import type { WatchDef, WatchKind } from '../watch-def';
import { plusProbe } from './chatgpt-plus/probe';
import type { Probe, ProbeDeps } from './probe';
import { SITE_PROBES } from './site-probes';

/** The registry: a watch's kind picks its probe; the runner never branches on a kind's name. */
const PROBES: Record<WatchKind, (watch: WatchDef, deps: ProbeDeps) => Probe> = {
  'chatgpt-plus': (_watch, deps) => plusProbe({ fetch: deps.fetch, now: deps.now }),
  ...SITE_PROBES,
};

export function probeFor(watch: WatchDef, deps: ProbeDeps): Probe {
  return PROBES[watch.kind](watch, deps);
}

/**
 * Wait between a first `open` reading and the one that confirms it. Other kinds re-read the same
 * origin, so the wait is its 10 s spacing.
 */
export const CONFIRM_DELAY_MS: Record<WatchKind, number> = { 'chatgpt-plus': 4000, page: 10_000, json: 10_000 };

export type { PageReader, Probe, ProbeDeps } from './probe';
