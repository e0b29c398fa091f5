// Chrome's offscreen document (created by src/background/offscreen.ts with the reasons DOM_PARSER
// and AUDIO_PLAYBACK): parses a watched page with the platform's DOMParser and runs its rule, renders
// a page in a hidden frame (src/render/), and plays the alert chime. Only the small reading goes back; the document closes itself once idle.
import browser from 'webextension-polyfill';
import type { RenderRequest } from '../core/kinds/probe';
import { readBody, readRendered, readShell } from '../core/kinds/read/read-body';
import { renderRequest } from '../render/frame-host';
import { isOffscreenRequest } from '../shared/protocol';

const IDLE_CLOSE_MS = 30_000;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function closeWhenIdle() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => window.close(), IDLE_CLOSE_MS);
}

/** Answers once playback has started: the browser accepted the file and may play it here. */
async function playChime(path: string): Promise<{ played: true }> {
  await new Audio(browser.runtime.getURL(path)).play();
  return { played: true };
}

/** A rendered watch: what the plain answer says first, else the page rendered in a hidden frame here. */
function renderPage(request: RenderRequest) {
  const rendering = renderRequest(request, { readShell, readRendered });
  // A render outlasts the idle timer: the document stays while a frame is open.
  const keepOpen = setInterval(closeWhenIdle, 5_000);
  return rendering.finally(() => {
    clearInterval(keepOpen);
    closeWhenIdle();
  });
}

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isOffscreenRequest(message)) return undefined;
  closeWhenIdle();
  try {
    if (message.type === 'play-chime') return playChime(message.path).catch((error: unknown) => ({ error: String(error) }));
    if (message.type === 'render-page') return renderPage(message).catch((error: unknown) => ({ error: String(error) }));
    const { rule, response, expectedType } = message;
    return Promise.resolve(readBody({ rule, response, expectedType }));
  } catch (error) {
    return Promise.resolve({ error: String(error) });
  }
});
closeWhenIdle();
