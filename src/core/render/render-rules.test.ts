import { describe, expect, it } from 'vitest';
import type { Reading } from '../kinds/page/reasons';
import { atCap, decide, isFrameReport, leavesFrame, RENDER_CAP_MS } from './render-rules';

const r = (kind: Reading['kind'], reason: string, evidence = ''): Reading<string> => ({ kind, reason, evidence });

describe('when a rendered page has said enough', () => {
  it('takes evidence found at once', () => {
    for (const reading of [
      r('paused', 'structured-data'),
      r('open', 'phrase-open'),
      r('open', 'text-open'),
      r('blocked', 'challenge-page'),
    ])
      expect(decide(reading, null)).toEqual({ done: true, reading });
  });

  it('waits while the page may still build what the rule looks for', () => {
    for (const reason of ['needs-rendering', 'no-signal', 'selector-missing', 'must-show-missing', 'conflicting-signals'])
      expect(decide(r('error', reason), null)).toEqual({ done: false });
  });

  it('trusts an absence only when the moment before read the same', () => {
    const absent = r('open', 'text-absent-open', 'no "sold out"');
    expect(decide(absent, null)).toEqual({ done: false });
    expect(decide(absent, r('error', 'selector-missing'))).toEqual({ done: false });
    expect(decide(absent, r('paused', 'text-absent-paused'))).toEqual({ done: false });
    expect(decide(absent, { ...absent })).toEqual({ done: true, reading: absent });
  });
});

describe('the answer at the cap', () => {
  const seconds = `${RENDER_CAP_MS / 1000} s`;
  it('is a timeout for a page still loading, or still without text', () => {
    expect(atCap('loading', null)).toMatchObject({
      kind: 'error',
      reason: 'render-timeout',
      evidence: `the page was still loading after ${seconds}`,
    });
    expect(atCap('read', r('error', 'needs-rendering'))).toMatchObject({
      reason: 'render-timeout',
      evidence: expect.stringContaining('no readable text'),
    });
    // An absence that never held twice is no answer either: never an "open" from a page still changing.
    expect(atCap('read', r('open', 'text-absent-open'))).toMatchObject({ kind: 'error', reason: 'render-timeout' });
  });

  it('is a refusal for a frame whose reader never started', () => {
    expect(atCap('not-started', null)).toMatchObject({ kind: 'error', reason: 'render-refused' });
  });

  it('is the last reading for a page that was read but never settled on evidence', () => {
    const last = r('error', 'no-signal', 'no availability found');
    expect(atCap('read', last)).toBe(last);
  });
});

describe('frame messages', () => {
  it('accepts only well-formed reports addressed to the host', () => {
    expect(isFrameReport({ to: 'render-host', token: 't', type: 'started' })).toBe(true);
    expect(isFrameReport({ to: 'render-host', token: 't', type: 'snapshot', html: '<p>', url: 'https://a/', requests: 3, bytes: 10 })).toBe(
      true,
    );
    expect(isFrameReport({ to: 'render-host', token: 't', type: 'snapshot', html: '<p>' })).toBe(false);
    expect(isFrameReport({ to: 'render-host', type: 'started' })).toBe(false);
    expect(isFrameReport({ to: 'offscreen', token: 't', type: 'started' })).toBe(false);
    expect(isFrameReport(null)).toBe(false);
  });

  it('tells a frame-busting error from other page errors', () => {
    const chrome =
      "Uncaught SecurityError: Failed to set a named property 'href' on 'Location': The current window does not have permission to navigate the target frame to 'https://spa.example/bust'.";
    expect(leavesFrame(chrome)).toBe(true);
    expect(leavesFrame('SecurityError: Permission denied to access property "href" on cross-origin object')).toBe(false);
    expect(leavesFrame('SecurityError: The operation is insecure.')).toBe(true);
    expect(leavesFrame('Uncaught SecurityError: Blocked a frame from navigating the top-level window (sandbox)')).toBe(true);
    expect(leavesFrame('TypeError: undefined is not a function')).toBe(false);
    expect(leavesFrame('ReferenceError: top is not defined')).toBe(false);
  });
});
