// The one request a view (popup, options) answers itself: keeping a JSON watch's request header, whose
// value must never travel in a message (the page writes it to storage.local; the worker reads it).
import { HEADER_NAME, isHeaderValue } from '../core/kinds/json/secret-header';
import { isWatchKind, specOf } from '../core/kinds/registry';
import { KEYS } from '../core/storage-keys';
import type { Reply, ViewRequest, WorkerResponse } from './protocol';
import { readKeys, writeSecretHeader } from './view-storage';

/** A JSON watch's one request header, in storage.local only (never sync, never exported). */
async function setSecret(watchId: string, header: { name: string; value: string } | null): Promise<WorkerResponse> {
  if (header === null) {
    await writeSecretHeader(watchId, null);
    return { ok: true };
  }
  const valid = HEADER_NAME.test(header?.name ?? '') && isHeaderValue(header.value);
  const problem = 'the header needs a name (letters, digits, "-") and a value without line breaks';
  if (!valid) return { ok: false, error: problem, problems: [problem] };
  const def = (await readKeys([KEYS.def(watchId)]))[KEYS.def(watchId)] as { kind?: string; url?: unknown } | undefined;
  const refused = (why: string): WorkerResponse => ({ ok: false, error: why, problems: [why] });
  if (!isWatchKind(def?.kind) || !specOf(def.kind).secretHeader) return refused('only a JSON watch takes a request header');
  // A secret goes only over https, and only to the origin it was saved for (the worker checks both).
  if (typeof def.url !== 'string' || !def.url.startsWith('https://')) return refused('a request header is sent over https only');
  await writeSecretHeader(watchId, { name: header.name, value: header.value, origin: new URL(def.url).origin });
  return { ok: true };
}

/** Sends a request, answering the ones above here. */
export async function sendRequest(request: ViewRequest, toWorker: (r: ViewRequest) => Promise<Reply>): Promise<Reply> {
  if (request.type === 'set-secret') return setSecret(request.watchId, request.header);
  return toWorker(request);
}
