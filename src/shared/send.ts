import browser from 'webextension-polyfill';
import { t } from './i18n';
import { NO_ANSWER, type Refusal, type Reply, type ViewRequest, type ViewRequestType } from './protocol';
import { sendRequest } from './view-requests';

/**
 * The pages' one way to ask the worker (or, for what a page answers itself, the page): the reply
 * the table promises for this type, and a worker that does not answer, or throws, reads as a
 * refusal (`no-answer`), never as success and never as a throw.
 */
export async function send<T extends ViewRequestType>(request: ViewRequest<T>): Promise<Reply<T>> {
  return (await sendRequest(request, toWorker)) as Reply<T>;
}

async function toWorker(request: ViewRequest) {
  try {
    const answer = (await browser.runtime.sendMessage(request)) as { ok?: unknown } | undefined;
    if (typeof answer === 'object' && answer !== null && typeof answer.ok === 'boolean') return answer as Reply;
    return { ok: false as const, error: NO_ANSWER, problems: ['the worker gave no answer'] };
  } catch (error) {
    return { ok: false as const, error: NO_ANSWER, problems: [String(error)] };
  }
}

/** A refusal in words for a page: the worker's own problems, or that it did not answer. */
export const refusalText = (refusal: Refusal): string =>
  refusal.error === NO_ANSWER ? t('noAnswer') : (refusal.problems?.join('; ') ?? refusal.error);
