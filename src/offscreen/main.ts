// Chrome's offscreen document (created by src/background/offscreen.ts with the reasons DOM_PARSER
// and AUDIO_PLAYBACK): parses a watched page with the platform's DOMParser and runs its rule, and
// plays the alert chime. Only the small reading goes back; the document closes itself once idle.
import browser from 'webextension-polyfill';
import { readBody } from '../core/kinds/read/read-body';
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

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isOffscreenRequest(message)) return undefined;
  closeWhenIdle();
  try {
    if (message.type === 'play-chime') return playChime(message.path).catch((error: unknown) => ({ error: String(error) }));
    const { rule, response, expectedType } = message;
    return Promise.resolve(readBody({ rule, response, expectedType }));
  } catch (error) {
    return Promise.resolve({ error: String(error) });
  }
});
closeWhenIdle();
