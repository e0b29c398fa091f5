import browser from 'webextension-polyfill';
import { sendRequest } from '../shared/page-requests';
import type { PageRequest, WorkerResponse } from '../shared/protocol';

/** Sends one request to the worker; a worker that does not answer (or throws) reads as a failure, never as success. */
export function send(request: PageRequest): Promise<WorkerResponse | { ok: false; error: 'no-answer' }> {
  return sendRequest(request, toWorker);
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
