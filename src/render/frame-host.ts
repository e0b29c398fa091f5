// Where a page is rendered: a hidden, sandboxed <iframe> in an extension document no one sees
// (Chrome's offscreen document, Firefox's event page), one at a time. The reader inside it
// (./frame-reader.ts) sends what the page shows each time it settles; this host reads it with the
// watch's rule and either takes the answer or asks for another look, until the 20 s cap.
import browser from 'webextension-polyfill';
import type { Reading } from '../core/kinds/page/reasons';
import type { RenderedReading, RenderRequest } from '../core/kinds/probe';
import type { readRendered, readShell } from '../core/kinds/read/read-body';
import {
  atCap,
  decide,
  FRAME_NAME_PREFIX,
  isFrameReport,
  noFrame,
  RENDER_CAP_MS,
  type RenderStage,
  refusal,
  SILENT_FRAME_MS,
  type SnapshotReply,
  unreadableRender,
} from '../core/render/render-rules';

/** Reads one serialised snapshot of the rendered page by the watch's rule. */
export type ReadSnapshot = (html: string) => Reading<string>;

/**
 * Scripts and same-origin access (cookies, the page's own API calls), nothing more: no popups or
 * new windows, no navigating the extension's document (frame-busting fails), no dialogs.
 */
export const FRAME_SANDBOX = 'allow-scripts allow-same-origin';

let queue: Promise<unknown> = Promise.resolve();

/** Renders `url` once the frames before it are gone; always answers, by the cap at the latest. */
export function renderInFrame(url: string, read: ReadSnapshot): Promise<RenderedReading> {
  const run = queue.then(() => renderOnce(url, read));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * A rendered watch's request: what the plain answer says first (a challenge, a sign-in, a status:
 * nothing to render), else the page rendered here. The readers are passed in: this host is loaded
 * by the offscreen document and by Firefox's event page, which each load them their own way.
 */
export async function renderRequest(
  { url, rule, response }: RenderRequest,
  readers: { readShell: typeof readShell; readRendered: typeof readRendered },
): Promise<RenderedReading> {
  const shell = readers.readShell(response);
  if (shell) return { ...shell, requests: 0, bytes: 0 };
  return renderInFrame(url, (html) => readers.readRendered(rule, response, url, html));
}

/** Frames this host has open (0 or 1): what the bench counts as left behind. */
export const openFrames = () => document.querySelectorAll(`iframe[name^="${FRAME_NAME_PREFIX}"]`).length;

function renderOnce(url: string, read: ReadSnapshot): Promise<RenderedReading> {
  return new Promise((resolve) => {
    const token = crypto.randomUUID();
    const frame = document.createElement('iframe');
    let stage: RenderStage = 'not-started';
    let last: Reading<string> | null = null;
    let cost = { requests: 1, bytes: 0 };
    let done = false;
    let silence: ReturnType<typeof setTimeout> | undefined;

    const finish = (reading: Reading<string>) => {
      if (done) return;
      done = true;
      clearTimeout(cap);
      clearTimeout(silence);
      browser.runtime.onMessage.removeListener(listen);
      frame.remove();
      resolve({ ...reading, ...cost });
    };

    const listen = (message: unknown): Promise<SnapshotReply> | undefined => {
      if (done || !isFrameReport(message) || message.token !== token) return undefined;
      if (message.type === 'started') {
        stage = 'loading';
        clearTimeout(silence);
        return undefined;
      }
      if (message.type === 'refused') {
        finish(refusal(message));
        return undefined;
      }
      stage = 'read';
      cost = { requests: message.requests, bytes: message.bytes };
      let reading: Reading<string>;
      try {
        reading = read(message.html);
      } catch (error) {
        reading = unreadableRender(error);
      }
      const decision = decide(reading, last);
      last = reading;
      if (decision.done) finish(decision.reading);
      return Promise.resolve({ again: !decision.done });
    };

    const cap = setTimeout(() => finish(atCap(stage, last)), RENDER_CAP_MS);
    browser.runtime.onMessage.addListener(listen);
    // A frame the site refused (X-Frame-Options left in place, an error page) loads without the reader.
    frame.addEventListener('load', () => {
      if (stage !== 'not-started' || done) return;
      clearTimeout(silence);
      silence = setTimeout(() => {
        if (stage === 'not-started') finish(noFrame());
      }, SILENT_FRAME_MS);
    });
    frame.name = `${FRAME_NAME_PREFIX}${token}`;
    frame.setAttribute('sandbox', FRAME_SANDBOX);
    // A desktop-sized viewport: pages lay out (and lazy-load) as they would for the person.
    frame.style.cssText = 'position:absolute;left:-20000px;top:0;width:1280px;height:900px;border:0;visibility:hidden';
    frame.src = url;
    document.body.append(frame);
  });
}
