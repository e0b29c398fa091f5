// The verdict when a watch's site was never granted: no request could be made, the person must
// grant access. Built by the worker (checks, Test); pure, so the pages never load it.
import type { Verdict } from './verdict';
import type { WatchDef } from './watch-def';

/** The English of the one evidence built here, formatted by hand (the core's builder is not needed for one line). */
export const ACCESS_EVIDENCE = { evNoHostAccess: 'host permission for $1 not granted' };

/** The reading when no request could be made at all: the user must grant access. */
export function noHostAccessVerdict(watch: Pick<WatchDef, 'kind' | 'url'>, at: number): Verdict {
  return {
    kind: 'blocked',
    reason: 'no-host-access',
    status: null,
    at,
    durationMs: 0,
    bytes: 0,
    requests: 0,
    evidence: ACCESS_EVIDENCE.evNoHostAccess.replace('$1', new URL(watch.url).host),
    evidenceMessage: { key: 'evNoHostAccess', args: [new URL(watch.url).host] },
  };
}
