import type { WatchDef } from '../watch-def';
import { jsonProbe } from './json/probe';
import { pageProbe } from './page/probe';
import type { Probe, ProbeDeps } from './probe';

/** The kinds a user points at a site (a page, a JSON endpoint), and their probes. */
export const SITE_PROBES = { page: pageProbe, json: jsonProbe } as const satisfies Record<
  string,
  (watch: WatchDef, deps: ProbeDeps) => Probe
>;

export const isSiteKind = (kind: string): kind is keyof typeof SITE_PROBES => Object.hasOwn(SITE_PROBES, kind);
