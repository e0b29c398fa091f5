// When a rendered page has said enough (src/render/): the frame reader sends what the page shows
// each time it settles, the host reads it with the watch's own rule and decides whether to wait.
// Pure, so the rules are tested without a browser.
import { say as sayCore } from '../evidence-en';
import type { Evidence } from '../evidence-message';
import { clip, wording } from '../evidence-wording';
import type { Reading } from '../kinds/page/reasons';

/** DESIGN.md: a rendered page gets 20 s to settle, whatever it does. */
export const RENDER_CAP_MS = 20_000;
/**
 * The page is settled once none of its scripts' requests are open and nothing changed in it for
 * this long (open requests are counted, so the quiet only has to cover a script's own timers).
 */
export const QUIET_MS = 150;
/** How often the frame reader looks at the clock while it waits. */
export const TICK_MS = 25;
/** A page that never stops changing (a clock, a carousel) is read this long after it loaded anyway. */
export const SETTLE_MAX_MS = 3_000;
/** Asked again, an unchanged page is read again after this: twice alike is how an absence is trusted. */
export const STILL_MS = 600;
/** A frame that loaded but whose reader never spoke is an error page: the site refused the frame. */
export const SILENT_FRAME_MS = 4_000;
/** The serialised page is held to the plain reading's byte cap. */
export const MAX_RENDERED_CHARS = 4 * 1024 * 1024;

/** The frame's name carries this and a token: the reader acts only in a frame the host made. */
export const FRAME_NAME_PREFIX = 'reopen-watch-render:';
/** How the page's world (src/render/frame-guard.ts) tells the reader what a page script threw. */
export const PAGE_ERROR_EVENT = 'reopen-watch:page-error';
/** How it tells the reader how many of the page's own requests (fetch, XHR) are open. */
export const PAGE_REQUESTS_EVENT = 'reopen-watch:page-requests';

/**
 * A page script's error that says it tried to navigate the top window: it refuses to be framed.
 * Chrome names the navigation; Firefox says only "The operation is insecure", which a framed page
 * gets for exactly that (its storage and cookies work there).
 */
export function leavesFrame(message: string): boolean {
  if (/SecurityError\b.*operation is insecure/i.test(message)) return true;
  return (
    /target frame|top-level|\btop\b.*navigat|navigat.*\btop\b/i.test(message) &&
    /SecurityError|permission|sandbox|not allowed/i.test(message)
  );
}

/** Reasons a later moment of the same page may change: the page is still building itself. */
const UNSETTLED = new Set(['needs-rendering', 'no-signal', 'selector-missing', 'must-show-missing', 'conflicting-signals']);
/** Readings from what is absent: the page could still be about to show it, so they must hold twice. */
const FROM_ABSENCE = new Set(['text-absent-open', 'text-absent-paused']);

export type SnapshotDecision = { done: true; reading: Reading<string> } | { done: false };

/**
 * Whether a reading of the rendered page is its answer: evidence found (or a response-level
 * finding) is; an absence only when the previous reading, a moment earlier, was the same; what
 * the page may still build is not yet.
 */
export function decide(reading: Reading<string>, previous: Reading<string> | null): SnapshotDecision {
  if (UNSETTLED.has(reading.reason)) return { done: false };
  if (FROM_ABSENCE.has(reading.reason))
    return previous?.reason === reading.reason && previous.kind === reading.kind ? { done: true, reading } : { done: false };
  return { done: true, reading };
}

/**
 * The English of what rendering says; its own table, so the worker, which loads this module for its
 * constants, carries none of it.
 */
export const RENDER_EVIDENCE = {
  evNeverStarted: 'the page never started in the frame within $1 s',
  evStillLoading: 'the page was still loading after $1 s',
  evNoTextYet: 'after $1 s the page still showed no readable text',
  evStillChanging: 'the page was still changing after $1 s',
  evLeftFrame: 'the page tried to leave the frame: $1',
  evRenderedTooLarge: 'the rendered page is larger than $1 MiB',
  evRenderUnreadable: 'the rendered page could not be read: $1',
  evNoFrame: 'the page would not load in a frame (the site refuses to be framed, or the frame showed an error page)',
};

const say = /* @__PURE__ */ wording(RENDER_EVIDENCE);

/** What the page's progress was when the cap came. */
export type RenderStage = 'not-started' | 'loading' | 'read';

/**
 * The answer at the cap: a page still loading, or still without readable text, is a timeout (can't
 * tell); a page that was read but never settled on an answer says what its last reading found.
 */
export function atCap(stage: RenderStage, last: Reading<string> | null): Reading<string> {
  const seconds = Math.round(RENDER_CAP_MS / 1000);
  if (stage === 'not-started') return refused(say('evNeverStarted', seconds));
  if (stage === 'loading' || !last) return timedOut(say('evStillLoading', seconds));
  if (last.reason === 'needs-rendering') return timedOut(say('evNoTextYet', seconds));
  if (FROM_ABSENCE.has(last.reason)) return timedOut(say('evStillChanging', seconds));
  return last;
}

const timedOut = (said: Evidence): Reading<string> => ({ kind: 'error', reason: 'render-timeout', ...said });

/** A render that took longer than the worker waits for one, queue included. */
export const renderTimedOut = (seconds: number): Reading<string> => timedOut(sayCore('evRenderTimedOut', seconds));

export function refused({ evidence, evidenceMessage }: Evidence): Reading<string> {
  return { kind: 'error', reason: 'render-refused', evidence: clip(evidence, 200), evidenceMessage };
}

/** Why the frame reader gave up on a page: it tried to leave the frame (`detail`: its error), or grew too large. */
export type FrameRefusal = { why: 'left-frame'; detail: string } | { why: 'too-large' };

export function refusal(report: FrameRefusal): Reading<string> {
  return refused(
    report.why === 'left-frame' ? say('evLeftFrame', report.detail) : say('evRenderedTooLarge', MAX_RENDERED_CHARS / 1024 / 1024),
  );
}

/** The frame loaded, but its reader never spoke: the site refuses to be framed, or it showed an error page. */
export const noFrame = (): Reading<string> => refused(say('evNoFrame'));

/** The rendered page's markup could not be read by the watch's rule. */
export const unreadableRender = (error: unknown): Reading<string> => refused(say('evRenderUnreadable', String(error)));

/** What the reader in the frame sends the host (by runtime.sendMessage, tagged with the frame's token). */
export type FrameReport =
  | { to: 'render-host'; token: string; type: 'started' }
  | { to: 'render-host'; token: string; type: 'snapshot'; html: string; url: string; requests: number; bytes: number }
  | ({ to: 'render-host'; token: string; type: 'refused' } & FrameRefusal);

/** A report without its address (the reader adds `to` and its token). */
export type FrameReportBody = FrameReport extends infer R ? (R extends FrameReport ? Omit<R, 'to' | 'token'> : never) : never;

/** The host's answer to a snapshot: read again once the page changes (or stays still a moment). */
export interface SnapshotReply {
  again: boolean;
}

export function isFrameReport(message: unknown): message is FrameReport {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.to !== 'render-host' || typeof m.token !== 'string') return false;
  if (m.type === 'started') return true;
  if (m.type === 'refused') return m.why === 'too-large' || (m.why === 'left-frame' && typeof m.detail === 'string');
  return (
    m.type === 'snapshot' &&
    typeof m.html === 'string' &&
    typeof m.url === 'string' &&
    typeof m.requests === 'number' &&
    typeof m.bytes === 'number'
  );
}
