// Test: a rule read once against the live site exactly as its checks read it (the same probe and
// reader: the offscreen document in Chrome, the event page in Firefox), saving nothing. Here in
// the worker, so the extension's pages never carry the readers.
import { withDeadline } from '../core/deadline';
import { probeFor } from '../core/kinds';
import { PAGE_LIMITS } from '../core/kinds/fetched';
import { isJsonType, type JsonType } from '../core/kinds/json/json-type';
import { isBuiltIn } from '../core/kinds/registry';
import { noHostAccessVerdict } from '../core/no-host-access';
import { checkWatchShape } from '../core/watch-check';
import { readsSame, type WatchDef } from '../core/watch-def';
import { hasHostAccess } from '../shared/host-access';
import type { ViewRequest, WorkerResponse } from '../shared/protocol';
import { pageReader, pageRenderer, READ_TIMEOUT_MS, RENDER_TIMEOUT_MS } from './page-reader';
import { loadForCheck } from './worker-storage';

/**
 * The value type a saved watch expects, when the form still asks what it asks: Test then reads the
 * way the next check will, so a changed shape shows as such instead of as a verdict.
 */
async function expectedTypeOf(watchId: string, watch: Pick<WatchDef, 'kind' | 'url' | 'rule'>): Promise<JsonType | null> {
  const loaded = await loadForCheck(watchId);
  const type = loaded?.record.state.valueType;
  return loaded && readsSame(loaded.record.def, watch) && isJsonType(type) ? type : null;
}

/** A Test ends within this, whatever hangs: one request and one reading (no confirmation), and the storage reads around them. */
export const TEST_DEADLINE_MS = PAGE_LIMITS.timeoutMs + Math.max(READ_TIMEOUT_MS, RENDER_TIMEOUT_MS) + 5_000;

export function testWatch(request: ViewRequest<'test-watch'>): Promise<WorkerResponse> {
  return withDeadline(testOnce(request), TEST_DEADLINE_MS, 'the test').catch((error: unknown) => ({
    ok: false as const,
    error: String(error),
    problems: [String(error)],
  }));
}

async function testOnce(request: ViewRequest<'test-watch'>): Promise<WorkerResponse> {
  const checked = checkWatchShape(request.watch);
  if (!checked.ok) return { ok: false, error: checked.problems.join('; '), problems: checked.problems };
  const watch = { id: 'test', ...checked.watch };
  // The built-in watch has no Test: its own checks are the test (the options page offers none).
  if (isBuiltIn(watch)) return { ok: false, error: `a ${watch.kind} watch has no Test`, problems: [] };
  const expected = request.watchId && !request.ignoreType ? await expectedTypeOf(request.watchId, watch) : null;
  if (!(await hasHostAccess(watch))) return { ok: true, verdict: noHostAccessVerdict(watch, Date.now()) };
  // No request header: a secret never travels in a message, so Test says it was sent without one.
  const probe = probeFor(watch, {
    fetch: (url, init) => fetch(url, init),
    now: Date.now,
    readPage: pageReader,
    renderPage: pageRenderer,
    latest: null,
    secretHeader: null,
    expectedValueType: expected,
  });
  return { ok: true, verdict: await probe.check() };
}
