import browser from 'webextension-polyfill';
import { DeadlineError, withDeadline } from '../core/deadline';
import type { PageReader, PageRenderer, RenderedReading, RenderRequest } from '../core/kinds';
import { RENDER_CAP_MS, renderTimedOut } from '../core/render/render-rules';
import { log } from '../shared/log';
import { clearFrameAccess, grantFrameAccess } from './frame-access';
import { askOffscreen } from './offscreen';

/** Loaded only by the Firefox build: Chrome's worker never carries the readers. */
const readers = () => import('../core/kinds/read/read-body');

/**
 * Firefox's event page has a DOMParser: it parses right here. Chrome's service worker has none, so
 * the page goes to the offscreen document (./offscreen.ts), which closes itself when idle.
 */
export const readPageHere: PageReader = async (input) => (await readers()).readBody(input);

/** Parsing even a 4 MiB page takes well under a second; a document that takes this long is hung. */
export const READ_TIMEOUT_MS = 10_000;

export const readPageOffscreen: PageReader = (input) => askOffscreen({ type: 'read-page', ...input }, READ_TIMEOUT_MS);

export const pageReader: PageReader = (input) => (import.meta.env.MODE === 'firefox' ? readPageHere(input) : readPageOffscreen(input));

/** A render's cap, the wait for one before it and the document's start; past it the render is hung. */
export const RENDER_TIMEOUT_MS = RENDER_CAP_MS + 5_000;

/**
 * Firefox: the event page is a document, so the hidden frame is made right here. A frame does not
 * keep the page alive, an extension call does: one every 10 s while the render lasts.
 */
const renderHere = async (input: RenderRequest): Promise<RenderedReading> => {
  const keepAlive = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), 10_000);
  try {
    const [reading, { renderRequest }] = await Promise.all([readers(), import('../render/frame-host')]);
    return await renderRequest(input, reading);
  } finally {
    clearInterval(keepAlive);
  }
};

const renderSomewhere = (input: RenderRequest) =>
  import.meta.env.MODE === 'firefox' ? renderHere(input) : askOffscreen({ type: 'render-page', ...input }, RENDER_TIMEOUT_MS);

let renders: Promise<unknown> = Promise.resolve();

/** One render at a time in the whole extension: the frame's access is granted for it alone. */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = renders.then(work);
  renders = run.catch(() => undefined);
  return run;
}

export const pageRenderer: PageRenderer = (input) => {
  const queuedAt = Date.now();
  const render = oneAtATime(async () => {
    try {
      await grantFrameAccess(input.url);
      return await renderSomewhere(input);
    } finally {
      await clearFrameAccess().catch((error: unknown) => log.warn('rendering access could not be taken back', { error: String(error) }));
    }
  });
  return withDeadline(render, RENDER_TIMEOUT_MS, 'rendering').catch((error: unknown) => {
    if (!(error instanceof DeadlineError)) throw error;
    const waited = Math.round((Date.now() - queuedAt) / 1000);
    return { ...renderTimedOut(waited), requests: 1, bytes: 0 };
  });
};

/** What a killed worker may have left (a header rule, the frame reader), taken back when no render runs. */
export const clearRenderLeftovers = () => oneAtATime(clearFrameAccess);
