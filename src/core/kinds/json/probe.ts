import type { WatchDef } from '../../watch-def';
import { fetchWatched, refusedRedirect, toFetchedResponse, verdictOf } from '../fetched';
import { type Probe, type ProbeDeps, timed } from '../probe';
import type { JsonRule } from './read/json-rule';

/** A JSON watch: one GET (cookies, and the optional header), a pointer and a test. Cheap: no DOM. */
export function jsonProbe(watch: WatchDef, deps: ProbeDeps): Probe {
  const rule = watch.rule as JsonRule;
  const header = deps.secretHeader ? { [deps.secretHeader.name]: deps.secretHeader.value } : {};
  const read = () =>
    timed(deps.now, async () => {
      const fetched = await fetchWatched(deps.fetch, watch.url, 'application/json', null, header);
      if ('failure' in fetched) return { ...fetched.failure, bytes: fetched.bytes, requests: 1 };
      const { response } = fetched;
      if (deps.secretHeader && response.redirect) return refusedRedirect(watch.url, response);
      const reading = await deps.readPage({
        rule,
        response: toFetchedResponse(watch.url, response),
        expectedType: deps.expectedValueType ?? null,
      });
      return verdictOf(reading, response, deps.now());
    });
  return { check: read, confirm: read };
}
