import type { WatchDef } from '../../watch-def';
import { fetchWatched, toFetchedResponse, validatorOf, verdictOf } from '../fetched';
import { type Probe, type ProbeDeps, timed } from '../probe';
import type { PageRule } from './read/read-page';

const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/** A page watch: one GET with the user's cookies, read by its rule (auto or text). */
export function pageProbe(watch: WatchDef, deps: ProbeDeps): Probe {
  const rule = (watch.rule ?? { type: 'auto' }) as PageRule;
  let known = deps.latest?.validator ?? null;
  const read = () =>
    timed(deps.now, async () => {
      const fetched = await fetchWatched(deps.fetch, watch.url, ACCEPT_HTML, known);
      if ('failure' in fetched) return { ...fetched.failure, bytes: fetched.bytes, requests: 1 };
      const { response, unchanged } = fetched;
      if (unchanged && deps.latest) {
        // Same validator, same body: the reading stands without parsing 4 MiB again.
        const { kind, reason, evidence, validator } = deps.latest;
        return { kind, reason, evidence, validator, status: response.status, bytes: response.bytes, requests: 1 };
      }
      const reading = await deps.readPage({ rule, response: toFetchedResponse(watch.url, response) });
      const validator =
        (reading.kind === 'open' || reading.kind === 'paused' || reading.kind === 'error') && response.status === 200
          ? (validatorOf(response.headers) ?? undefined)
          : undefined;
      if (validator) known = validator;
      return { ...verdictOf(reading, response, deps.now()), ...(validator ? { validator } : {}) };
    });
  // A confirmation must really read the page again, whatever its validator says.
  return {
    check: read,
    confirm: () => {
      known = null;
      return read();
    },
  };
}
