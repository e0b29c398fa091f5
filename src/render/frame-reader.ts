// The reader inside a rendering frame (src/render/frame-host.ts): a content script registered only
// for the rendered origin, only while it renders. It does nothing anywhere but a frame whose name
// carries the host's token. It waits for the page to settle, sends what it shows, and looks again
// when the host asks, until the host removes the frame.
import browser from 'webextension-polyfill';
import {
  FRAME_NAME_PREFIX,
  type FrameReportBody,
  leavesFrame,
  MAX_RENDERED_CHARS,
  PAGE_ERROR_EVENT,
  PAGE_REQUESTS_EVENT,
  QUIET_MS,
  SETTLE_MAX_MS,
  type SnapshotReply,
  STILL_MS,
  TICK_MS,
} from '../core/render/render-rules';

const token = window !== window.top && window.name.startsWith(FRAME_NAME_PREFIX) ? window.name.slice(FRAME_NAME_PREFIX.length) : null;
if (token) read(token);

function read(token: string) {
  const report = (body: FrameReportBody) =>
    browser.runtime.sendMessage({ to: 'render-host', token, ...body }) as Promise<SnapshotReply | undefined>;
  let lastChange = performance.now();
  // Requests the page's scripts have open (fetch, XHR), counted in the page's own world (./frame-guard.ts).
  let inFlight = 0;
  const changed = () => {
    lastChange = performance.now();
  };
  new MutationObserver(changed).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  new PerformanceObserver(changed).observe({ type: 'resource', buffered: true });
  document.addEventListener(PAGE_REQUESTS_EVENT, (event) => {
    inFlight = Number((event as CustomEvent).detail) || 0;
    changed();
  });
  // A page that tries to leave the frame (classic frame-busting) fails there: it refuses to be framed.
  // Its error reaches this world through the page-world guard (./frame-guard.ts).
  document.addEventListener(PAGE_ERROR_EVENT, (event) => {
    const message = String((event as CustomEvent).detail ?? '');
    if (leavesFrame(message)) void report({ type: 'refused', why: 'left-frame', detail: message });
  });
  void report({ type: 'started' });

  // Parsed is enough: a tracker or image that never answers holds back `load`, not the page's content.
  // A script that never arrives holds back parsing itself, and the host's cap ends that.
  const parsed = () =>
    document.readyState !== 'loading'
      ? Promise.resolve()
      : new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
  const tick = () => new Promise((r) => setTimeout(r, TICK_MS));

  /**
   * Settled: none of the page's requests open and nothing changed for QUIET_MS; or, for a page that
   * never stops (a clock, a long poll), SETTLE_MAX_MS after `since`.
   */
  async function settled(since: number) {
    while ((inFlight > 0 || performance.now() - lastChange < QUIET_MS) && performance.now() - since < SETTLE_MAX_MS) await tick();
  }

  /** After a look: waits for the page to change and settle again, or to stay as it is for STILL_MS. */
  async function next() {
    const lookedAt = performance.now();
    while (lastChange <= lookedAt && inFlight === 0 && performance.now() - lookedAt < STILL_MS) await tick();
    if (lastChange > lookedAt || inFlight > 0) await settled(performance.now());
  }

  void (async () => {
    await parsed();
    await settled(performance.now());
    for (;;) {
      const look = snapshot();
      if (look.html.length > MAX_RENDERED_CHARS) {
        await report({ type: 'refused', why: 'too-large' });
        return;
      }
      const reply = await report(look);
      if (!reply?.again) return;
      await next();
    }
  })();
}

function snapshot(): Extract<FrameReportBody, { type: 'snapshot' }> {
  const html = document.documentElement.outerHTML;
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const bytes = resources.reduce((sum, r) => sum + (r.transferSize || 0), navigation?.transferSize ?? 0);
  return {
    type: 'snapshot',
    html,
    url: location.href,
    requests: resources.length + 1,
    bytes,
  };
}
