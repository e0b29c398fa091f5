import browser from 'webextension-polyfill';
import type { Settings } from '../core/stored-fields';
import { sendRequest } from '../shared/page-requests';
import type { PageRequest, WorkerResponse } from '../shared/protocol';

/** Sends a request (to the worker, or answered here); a dead or missing worker reads as a failure, never a throw. */
export function send(request: PageRequest): Promise<WorkerResponse> {
  return sendRequest(request, toWorker);
}

async function toWorker(request: PageRequest): Promise<WorkerResponse> {
  try {
    const response = (await browser.runtime.sendMessage(request)) as WorkerResponse | undefined;
    return response ?? { ok: false, error: 'no response' };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

export const saveSettings = (settings: Partial<Settings>) => send({ type: 'save-settings', settings });
