import type { WatchDef } from '../../watch-def';
import { fetchWatched, toFetchedResponse, validatorOf, verdictOf } from '../fetched';
import { type Probe, type ProbeDeps, timed } from '../probe';
import type { PageRule } from './read/read-page';

const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/**
 * A page watch: one GET with the user's cookies, read by its rule (auto or text); a rendered one
 * then loads the page in a hidden frame and reads what its scripts built.
 */
export function pageProbe(watch: WatchDef, deps: ProbeDeps): Probe {
  const rule = (watch.rule ?? { type: 'auto' }) as PageRule;
  let known = deps.latest?.validator ?? null;
  const read = () =>
    timed(deps.now, async () => {
      const fetched = await fetchWatched(deps.fetch, watch.url, ACCEPT_HTML, known);
      if ('failure' in fetched) return { ...fetched.failure, bytes: fetched.bytes, requests: 1 };
      const { response, unchanged } = fetched;
      if (watch.render) {
        // The shell is the same when the stock changes: a rendered page is always rendered, its
        // plain answer read first only for what the frame cannot tell (challenge, sign-in, status).
        const plain = unchanged ? null : toFetchedResponse(watch.url, response);
        const rendered = await deps.renderPage({ url: watch.url, rule, response: plain });
        const validator = validatorOf(response.headers) ?? undefined;
        if (validator && response.status === 200) known = validator;
        const verdict = verdictOf(rendered, response, deps.now());
        return { ...verdict, bytes: verdict.bytes + rendered.bytes, requests: 1 + rendered.requests };
      }
      if (unchanged && deps.latest) {
        // Same validator, same body: the reading stands without parsing 4 MiB again.
        const { kind, reason, evidence, evidenceMessage, validator } = deps.latest;
        return {
          kind,
          reason,
          evidence,
          ...(evidenceMessage && { evidenceMessage }),
          validator,
          status: response.status,
          bytes: response.bytes,
          requests: 1,
        };
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
