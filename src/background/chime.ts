import browser from 'webextension-polyfill';
import { withDeadline } from '../core/deadline';
import { log } from '../shared/log';
import { askOffscreen } from './offscreen';

/** The chime (scripts/draw-chime.ts), bundled with the extension: nothing is fetched from elsewhere. */
export const CHIME_PATH = 'chime.wav';

/** Playback starts at once or not at all: a document that does not say so by then has hung. */
const CHIME_TIMEOUT_MS = 5_000;

/**
 * Plays the chime once. Firefox's event page is a document and plays it itself; Chrome's service
 * worker cannot, so the offscreen document does. Never throws: a sound that cannot play (no audio
 * device, autoplay refused) must not cost the alert it goes with.
 */
export async function playChime(): Promise<void> {
  try {
    if (import.meta.env.MODE === 'firefox')
      await withDeadline(new Audio(browser.runtime.getURL(CHIME_PATH)).play(), CHIME_TIMEOUT_MS, 'the chime');
    else await askOffscreen({ type: 'play-chime', path: CHIME_PATH }, CHIME_TIMEOUT_MS);
    log.info('chime played');
  } catch (error) {
    log.warn('chime could not be played', { error: String(error) });
  }
}
