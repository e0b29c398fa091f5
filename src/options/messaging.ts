import browser from 'webextension-polyfill';
import { sendRequest } from '../shared/page-requests';
import type { PageRequest, WorkerResponse } from '../shared/protocol';
import { releaseUnusedOrigins } from './release-origins';

/** Changes after which a site may no longer be needed by any watch. */
const LIST_CHANGES = new Set(['remove-watch', 'update-watch', 'import-watches']);

/** Sends one request to the worker; a worker that does not answer (or throws) reads as a failure, never as success. */
export async function send(request: PageRequest): Promise<WorkerResponse | { ok: false; error: 'no-answer' }> {
  const response = await sendRequest(request, toWorker);
  if (response.ok && LIST_CHANGES.has(request.type)) await releaseUnusedOrigins();
  return response;
}

async function toWorker(request: PageRequest): Promise<WorkerResponse | { ok: false; error: 'no-answer' }> {
  try {
    const answer = (await browser.runtime.sendMessage(request)) as WorkerResponse | undefined;
    if (typeof answer === 'object' && answer !== null && typeof answer.ok === 'boolean') return answer;
  } catch {
    // Falls through: the worker could not be reached.
  }
  return { ok: false, error: 'no-answer' };
}
