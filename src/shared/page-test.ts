// The pages' Test: a rule run once against the live site from the page itself (it has a
// DOMParser and the user's session), saving nothing. Loaded on first use (./page-requests.ts).
import browser from 'webextension-polyfill';
import { isJsonType, type JsonType } from '../core/kinds/json/json-type';
import type { PageReader } from '../core/kinds/probe';
import { KEYS } from '../core/stored-schema';
import { checkWatchShape } from '../core/watch-check';
import { readsSame, type WatchDef } from '../core/watch-def';
import { hasHostAccess, noHostAccessVerdict } from './host-access';
import type { PageRequest, WorkerResponse } from './protocol';

const readHere: PageReader = async (input) => (await import('../core/kinds/read-body')).readBody(input);

/**
 * The value type a saved watch expects, when the form still asks what it asks: Test then reads the
 * way the next check will, so a changed shape shows as such instead of as a verdict.
 */
async function expectedTypeOf(watchId: string, watch: Pick<WatchDef, 'kind' | 'url' | 'rule'>): Promise<JsonType | null> {
  const stored = await browser.storage.local.get([KEYS.def(watchId), KEYS.state(watchId)]);
  const def = stored[KEYS.def(watchId)] as WatchDef | undefined;
  const type = (stored[KEYS.state(watchId)] as { valueType?: unknown } | undefined)?.valueType;
  return def && readsSame(def, watch) && isJsonType(type) ? type : null;
}

/** Runs a rule once against the live page from this page, saving nothing: the options page's Test. */
export async function testWatch(request: Extract<PageRequest, { type: 'test-watch' }>): Promise<WorkerResponse> {
  const checked = checkWatchShape(request.watch);
  if (!checked.ok) return { ok: false, error: checked.problems.join('; '), problems: checked.problems };
  const watch = { id: 'test', ...checked.watch };
  const expected = request.watchId && !request.ignoreType ? await expectedTypeOf(request.watchId, watch) : null;
  if (!(await hasHostAccess(watch))) return { ok: true, verdict: noHostAccessVerdict(watch, Date.now()) };
  // Test reads a site (the built-in ChatGPT watch has no Test): the pages never load its probe.
  const { SITE_PROBES, isSiteKind } = await import('../core/kinds/site-probes');
  if (!isSiteKind(watch.kind)) return { ok: false, error: `a ${watch.kind} watch has no Test`, problems: [] };
  const probe = SITE_PROBES[watch.kind](watch, {
    fetch: (url, init) => fetch(url, init),
    now: Date.now,
    readPage: readHere,
    latest: null,
    secretHeader: request.header ?? null,
    expectedValueType: expected,
  });
  return { ok: true, verdict: await probe.check() };
}
