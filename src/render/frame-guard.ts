// The page's own world, in a rendering frame only (registered beside ./frame-reader.ts): an error
// a page script throws is seen only by the world that threw it, so this passes it on to the reader.
// That is how a page that tries to leave the frame (frame-busting) is told apart from one that renders;
// and it counts the page's open requests, which only this world can see start.
import { FRAME_NAME_PREFIX, PAGE_ERROR_EVENT, PAGE_REQUESTS_EVENT } from '../core/render/render-rules';

if (window !== window.top && window.name.startsWith(FRAME_NAME_PREFIX)) {
  window.addEventListener(
    'error',
    (event) => document.dispatchEvent(new CustomEvent(PAGE_ERROR_EVENT, { detail: String(event.message ?? '') })),
    true,
  );
  countRequests();
}

/**
 * The page's own requests, counted while open: a page waiting for its stock answer is not settled,
 * however still its DOM. (Resource timing only tells of requests once they are done.)
 */
function countRequests() {
  let open = 0;
  const tell = (change: number) => {
    open = Math.max(0, open + change);
    document.dispatchEvent(new CustomEvent(PAGE_REQUESTS_EVENT, { detail: open }));
  };
  const fetchOfPage = window.fetch;
  window.fetch = function fetch(...args: Parameters<typeof window.fetch>) {
    tell(1);
    return fetchOfPage.apply(window, args).finally(() => tell(-1));
  };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['send']>) {
    tell(1);
    this.addEventListener('loadend', () => tell(-1), { once: true });
    try {
      return send.apply(this, args);
    } catch (error) {
      tell(-1); // refused at once: no loadend follows
      throw error;
    }
  };
}
