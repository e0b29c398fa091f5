// The page's own world, in a rendering frame only (registered beside ./frame-reader.ts): an error
// a page script throws is seen only by the world that threw it, so this passes it on to the reader.
// That is how a page that tries to leave the frame (frame-busting) is told apart from one that renders.
import { FRAME_NAME_PREFIX, PAGE_ERROR_EVENT } from '../core/render/render-rules';

if (window !== window.top && window.name.startsWith(FRAME_NAME_PREFIX)) {
  window.addEventListener(
    'error',
    (event) => document.dispatchEvent(new CustomEvent(PAGE_ERROR_EVENT, { detail: String(event.message ?? '') })),
    true,
  );
}
