// Chrome's offscreen document (src/offscreen/): the service worker has no DOMParser and cannot play
// audio, so both go there. Chrome allows one such document at a time and fixes its reasons when it
// is created, so it is always created with both: whichever need comes first creates it, the other
// uses it as it is, and neither ever closes it under the other. Chrome closes a document whose only
// reason is AUDIO_PLAYBACK after 30 s without sound, but only when no reason keeps it: DOM_PARSER
// sets no limit, so the document itself decides, closing once idle (src/offscreen/main.ts).
import browser from 'webextension-polyfill';
import { DeadlineError, withDeadline } from '../core/deadline';
import type { OffscreenReply, OffscreenType, WorkerToOffscreen } from '../shared/protocol';

export const OFFSCREEN_PATH = 'src/offscreen/index.html';

/** Typed views of the two APIs the polyfill passes through to Chrome as they are. */
interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
interface ContextsApi {
  getContexts(filter: { contextTypes: string[]; documentUrls: string[] }): Promise<unknown[]>;
}

let creating: Promise<void> | null = null;

async function ensureOffscreen(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await (browser.runtime as unknown as ContextsApi).getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT'],
    documentUrls: [url],
  });
  if (contexts.length > 0) return;
  creating ??= (browser as unknown as { offscreen: OffscreenApi }).offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER', 'AUDIO_PLAYBACK'],
      justification: 'Read watched pages with the browser’s own HTML parser, and play the alert chime the user switched on.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

/** Requests sent and not yet answered, and whether one of them found the document hung. */
let pending = 0;
let hung = false;

/**
 * Sends one request to the offscreen document, creating it when there is none. A document just
 * created may not have registered its listener yet, and one closing as idle no longer answers:
 * either way it is tried again briefly. Throws what the document answered as `{ error }`, and a
 * DeadlineError when no answer came within `timeoutMs`: then the document, hung or gone astray,
 * is closed once no other request waits on it (a slow chime must not cut a page's reading short),
 * so the next request gets a fresh one instead of waiting on it too.
 */
export async function askOffscreen<T extends OffscreenType>(
  request: { type: T } & WorkerToOffscreen[T]['request'],
  timeoutMs = 10_000,
): Promise<WorkerToOffscreen[T]['reply']> {
  pending++;
  try {
    return await withDeadline(ask(request), timeoutMs, 'the offscreen document');
  } catch (error) {
    if (error instanceof DeadlineError) hung = true;
    throw error;
  } finally {
    pending--;
    if (hung && pending === 0) {
      hung = false;
      creating = null;
      // Not waited for: the answer already in hand goes back now, whatever the close does.
      void (browser as unknown as { offscreen: OffscreenApi }).offscreen.closeDocument().catch(() => undefined);
    }
  }
}

async function ask<T extends OffscreenType>(
  request: { type: T } & WorkerToOffscreen[T]['request'],
): Promise<WorkerToOffscreen[T]['reply']> {
  await ensureOffscreen();
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = (await browser.runtime.sendMessage({ target: 'offscreen', ...request })) as OffscreenReply<T> | undefined;
      if (answer && !('error' in answer)) return answer;
      if (answer) throw new Error(answer.error);
      throw new Error('Receiving end does not exist (no answer)');
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('Receiving end does not exist')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
      await ensureOffscreen();
    }
  }
}
