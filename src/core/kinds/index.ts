import type { WatchDef } from '../watch-def';
import { plusProbe } from './chatgpt-plus/probe';
import type { Probe, ProbeDeps } from './probe';
import type { WatchKind } from './registry';
import { SITE_PROBES } from './site-probes';

/** The worker's face of each kind: its probe (the rest of its spec is in ./registry.ts, which the pages load too). */
const PROBES: Record<WatchKind, (watch: WatchDef, deps: ProbeDeps) => Probe> = {
  'chatgpt-plus': (_watch, deps) => plusProbe({ fetch: deps.fetch, now: deps.now }),
  ...SITE_PROBES,
};

export function probeFor(watch: WatchDef, deps: ProbeDeps): Probe {
  return PROBES[watch.kind](watch, deps);
}

export type { PageReader, PageRenderer, Probe, ProbeDeps, RenderedReading, RenderRequest } from './probe';
