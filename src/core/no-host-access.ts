// The verdict when a watch's site was never granted: no request could be made, the person must
// grant access. Built by the worker (checks, Test); pure, so the pages never load it.
import { say } from './evidence-en';
import type { Verdict } from './verdict';
import type { WatchDef } from './watch-def';

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
    ...say('evNoHostAccess', new URL(watch.url).host),
  };
}
