import type { PageReader } from '../core/kinds';
import { askOffscreen } from './offscreen';

/**
 * Firefox's event page has a DOMParser: it parses right here. Chrome's service worker has none, so
 * the page goes to the offscreen document (./offscreen.ts), which closes itself when idle.
 */
export const readPageHere: PageReader = async (input) =>
  // Loaded only by the Firefox build: Chrome's worker never carries the readers.
  (await import('../core/kinds/read/read-body')).readBody(input);

/** Parsing even a 4 MiB page takes well under a second; a document that takes this long is hung. */
export const READ_TIMEOUT_MS = 10_000;

export const readPageOffscreen: PageReader = (input) => askOffscreen({ type: 'read-page', ...input }, READ_TIMEOUT_MS);

export const pageReader: PageReader = (input) => (import.meta.env.MODE === 'firefox' ? readPageHere(input) : readPageOffscreen(input));
