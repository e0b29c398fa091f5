import { fakeBrowser } from '@webext-core/fake-browser';
import { JSDOM } from 'jsdom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Reading } from '../core/kinds/page/reasons';
import { FRAME_NAME_PREFIX, RENDER_CAP_MS, SILENT_FRAME_MS } from '../core/render/render-rules';
import { FRAME_SANDBOX, openFrames, renderInFrame } from './frame-host';

let dom: JSDOM;
beforeEach(() => {
  dom = new JSDOM('<!doctype html><body></body>');
  vi.stubGlobal('document', dom.window.document);
});

/** The frame the host made, and what its reader would send (by the frame's token). */
function theFrame() {
  const frame = dom.window.document.querySelector('iframe') as HTMLIFrameElement;
  const token = frame.name.slice(FRAME_NAME_PREFIX.length);
  const send = async (body: Record<string, unknown>) =>
    (await fakeBrowser.runtime.onMessage.trigger({ to: 'render-host', token, ...body }, {}, () => undefined))[0];
  const snapshot = (html: string) => send({ type: 'snapshot', html, url: frame.src, requests: 7, bytes: 5000 });
  return { frame, token, send, snapshot };
}

const byText = (html: string): Reading<string> =>
  html.includes('Sold out')
    ? { kind: 'paused', reason: 'phrase-paused', evidence: 'sold out' }
    : { kind: 'error', reason: 'needs-rendering', evidence: 'empty' };

describe('the rendering frame host', () => {
  it('makes one hidden, sandboxed frame, asks again while the page is a shell, and takes the first answer', async () => {
    const rendering = renderInFrame('https://spa.example/drop', byText);
    await vi.waitFor(() => expect(openFrames()).toBe(1));
    const { frame, send, snapshot } = theFrame();
    expect(frame.getAttribute('sandbox')).toBe(FRAME_SANDBOX);
    expect(frame.src).toBe('https://spa.example/drop');
    expect(frame.style.visibility).toBe('hidden');
    await send({ type: 'started' });
    expect(await snapshot('<div id="root"></div>')).toEqual({ again: true });
    expect(await snapshot('<button disabled>Sold out</button>')).toEqual({ again: false });
    expect(await rendering).toEqual({ kind: 'paused', reason: 'phrase-paused', evidence: 'sold out', requests: 7, bytes: 5000 });
    expect(openFrames()).toBe(0);
  });

  it('ignores reports with another token, and a refusal ends the render with its evidence', async () => {
    const rendering = renderInFrame('https://spa.example/bust', byText);
    await vi.waitFor(() => expect(openFrames()).toBe(1));
    const { send } = theFrame();
    expect(
      await fakeBrowser.runtime.onMessage.trigger(
        { to: 'render-host', token: 'other', type: 'refused', why: 'too-large' },
        {},
        () => undefined,
      ),
    ).toEqual([undefined]);
    expect(openFrames()).toBe(1);
    await send({ type: 'refused', why: 'left-frame', detail: 'SecurityError' });
    expect(await rendering).toMatchObject({
      kind: 'error',
      reason: 'render-refused',
      evidence: 'the page tried to leave the frame: SecurityError',
      evidenceMessage: { key: 'evLeftFrame', args: ['SecurityError'] },
    });
    expect(openFrames()).toBe(0);
  });

  it('says refused when the frame loaded but its reader never spoke (an error page)', async () => {
    vi.useFakeTimers();
    const rendering = renderInFrame('https://spa.example/deny', byText);
    await vi.advanceTimersByTimeAsync(0);
    theFrame().frame.dispatchEvent(new dom.window.Event('load'));
    await vi.advanceTimersByTimeAsync(SILENT_FRAME_MS);
    expect(await rendering).toMatchObject({ kind: 'error', reason: 'render-refused' });
    expect(openFrames()).toBe(0);
  });

  it('ends a page that never settles at the cap, as can’t tell, and renders the next one after it', async () => {
    vi.useFakeTimers();
    const hanging = renderInFrame('https://spa.example/hang', byText);
    const next = renderInFrame('https://spa.example/drop', byText);
    await vi.advanceTimersByTimeAsync(0);
    await theFrame().send({ type: 'started' });
    // One render at a time: the second frame waits for the first to go.
    expect(openFrames()).toBe(1);
    await vi.advanceTimersByTimeAsync(RENDER_CAP_MS);
    expect(await hanging).toMatchObject({ kind: 'error', reason: 'render-timeout', evidence: expect.stringContaining('still loading') });
    await vi.advanceTimersByTimeAsync(0);
    expect(openFrames()).toBe(1);
    expect(theFrame().frame.src).toBe('https://spa.example/drop');
    await theFrame().snapshot('<p>Sold out</p>');
    expect(await next).toMatchObject({ kind: 'paused' });
    expect(openFrames()).toBe(0);
  });
});
