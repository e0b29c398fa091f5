// Requests an extension page can answer itself, so that Chrome's service worker, whose code budget
// is tight, does not carry them: testing a rule (the page fetches and parses; it has a DOMParser),
// and keeping a JSON watch's request header.
import browser from 'webextension-polyfill';
import { isJsonType, type JsonType } from '../core/kinds/json/json-type';
import type { PageReader } from '../core/kinds/probe';
import { isWatchKind, specOf } from '../core/kinds/registry';
import { KEYS } from '../core/stored-schema';
import { readsSame, type WatchDef } from '../core/watch-def';
import { checkWatchShape } from '../core/watch-shape';
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
async function testWatch(request: Extract<PageRequest, { type: 'test-watch' }>): Promise<WorkerResponse> {
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

const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;

/** A JSON watch's one request header, in storage.local only (never sync, never exported). */
async function setSecret(watchId: string, header: { name: string; value: string } | null): Promise<WorkerResponse> {
  const key = KEYS.secret(watchId);
  if (header === null) {
    await browser.storage.local.remove(key);
    return { ok: true };
  }
  const valid =
    HEADER_NAME.test(header?.name ?? '') &&
    typeof header.value === 'string' &&
    header.value.length <= 2000 &&
    !/[\r\n\0]/.test(header.value);
  const problem = 'the header needs a name (letters, digits, "-") and a value without line breaks';
  if (!valid) return { ok: false, error: problem, problems: [problem] };
  const def = (await browser.storage.local.get(KEYS.def(watchId)))[KEYS.def(watchId)] as { kind?: string; url?: unknown } | undefined;
  const refused = (why: string): WorkerResponse => ({ ok: false, error: why, problems: [why] });
  if (!isWatchKind(def?.kind) || !specOf(def.kind).secretHeader) return refused('only a JSON watch takes a request header');
  // A secret goes only over https, and only to the origin it was saved for (the worker checks both).
  if (typeof def.url !== 'string' || !def.url.startsWith('https://')) return refused('a request header is sent over https only');
  await browser.storage.local.set({ [key]: { name: header.name, value: header.value, origin: new URL(def.url).origin } });
  return { ok: true };
}

/** Sends a request, answering the ones above here. */
export async function sendRequest(request: PageRequest, toWorker: (r: PageRequest) => Promise<WorkerResponse>): Promise<WorkerResponse> {
  if (request.type === 'test-watch') return testWatch(request);
  if (request.type === 'set-secret') return setSecret(request.watchId, request.header);
  return toWorker(request);
}
