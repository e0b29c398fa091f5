import type { DeliveryOutcome } from '../core/channels/types';
import type { Reading } from '../core/kinds/page/reasons';
import type { ReadRequest, RenderedReading, RenderRequest } from '../core/kinds/probe';
import type { Settings } from '../core/stored-schema';
import type { Verdict } from '../core/verdict';

// The messages between the extension's parts, one table per direction: each type with its request
// and the reply it gets, read by sender and receiver alike. Every handler still checks its payload
// like any untrusted input.

type Header = { name: string; value: string } | null;

/** What the views (the extension's own pages: popup, options) ask the worker. "Page" is the watched page only. */
export interface ViewToWorker {
  'check-now': { request: { watchId: string }; reply: { verdict: Verdict } };
  /** Shows a test desktop notification: shown, or blocked by the browser. */
  'test-notification': { request: object; reply: { notification: 'shown' | 'blocked' } };
  /** The popup was opened: the user has seen what reopened, so "remind me until I act" stops. */
  'stop-reminders': { request: object; reply: object };
  'save-settings': { request: { settings: Partial<Settings> }; reply: object };
  /**
   * `watch` is a WatchInput (the import/export field names); validated by the worker. `valueType`:
   * the JSON type of the value the editor's Test showed, which a new or re-ruled watch then expects;
   * an unchanged watch keeps the type it knows unless `acceptType` (the user accepted a new shape).
   */
  'add-watch': { request: { watch: unknown; valueType?: string }; reply: { watchId: string } };
  'update-watch': {
    request: { watchId: string; changes: Record<string, unknown>; valueType?: string; acceptType?: boolean };
    reply: object;
  };
  'remove-watch': { request: { watchId: string }; reply: object };
  'reorder-watches': { request: { watchIds: string[] }; reply: object };
  /** A parsed import file; all or nothing. */
  'import-watches': { request: { file: unknown }; reply: { added: number } };
  /**
   * Runs a rule once against the live page as a check would, saving nothing (src/background/test-watch.ts).
   * With `watchId`, it reads as that watch's check would: expecting the value type the watch knows,
   * unless `ignoreType` (the user is accepting a new shape). Never with the request header.
   */
  'test-watch': { request: { watch: unknown; watchId?: string; ignoreType?: boolean }; reply: { verdict: Verdict } };
  /** A JSON watch's one request header; `null` removes it. Kept in storage.local only (written by the page). */
  'set-secret': { request: { watchId: string; header: Header }; reply: object };
  // Channels are saved by the options page straight into storage.local (a secret never travels in
  // a message); the worker only sends.
  /** Sends a test message now, outside the outbox; answers its `outcome` (its `why` redacted). */
  'test-channel': { request: { channelId: string }; reply: { outcome: DeliveryOutcome } };
}

export type ViewRequestType = keyof ViewToWorker;
export type ViewRequest<T extends ViewRequestType = ViewRequestType> = T extends ViewRequestType
  ? { type: T } & ViewToWorker[T]['request']
  : never;

/** A request refused or failed: `problems` lists what to fix, one per line; `no-answer`: the worker could not be reached. */
export interface Refusal {
  ok: false;
  error: string;
  problems?: string[];
}
export const NO_ANSWER = 'no-answer';
export type Reply<T extends ViewRequestType = ViewRequestType> = T extends ViewRequestType
  ? ({ ok: true } & ViewToWorker[T]['reply']) | Refusal
  : never;
type Merged<U> = (U extends unknown ? (part: U) => void : never) extends (all: infer I) => void ? I : never;
/**
 * Any reply, its fields from the table all optional: what a handler serving every type returns,
 * and what code that forwards replies without reading them (tests, the pages' relay) holds.
 */
export type WorkerResponse = ({ ok: true } & Partial<Merged<ViewToWorker[ViewRequestType]['reply']>>) | Refusal;

// A record, so a type added to the table and missing here (or the other way round) fails to compile.
const VIEW_TYPES: Record<ViewRequestType, true> = {
  'check-now': true,
  'test-notification': true,
  'stop-reminders': true,
  'save-settings': true,
  'add-watch': true,
  'update-watch': true,
  'remove-watch': true,
  'reorder-watches': true,
  'import-watches': true,
  'test-watch': true,
  'set-secret': true,
  'test-channel': true,
};

/** Shape check only; each handler validates its payload like any untrusted input. */
export function isViewRequest(message: unknown): message is ViewRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type } = message as { type?: unknown };
  return typeof type === 'string' && Object.hasOwn(VIEW_TYPES, type);
}

/** What the Chrome worker asks its offscreen document (src/offscreen/): it has a DOM and can play sound. */
export interface WorkerToOffscreen {
  'read-page': { request: ReadRequest; reply: Reading<string> };
  /** Loads the page in a hidden frame of the document and reads what its scripts built (src/render/). */
  'render-page': { request: RenderRequest; reply: RenderedReading };
  /** Answers once playback has started. */
  'play-chime': { request: { path: string }; reply: { played: true } };
}
export type OffscreenType = keyof WorkerToOffscreen;
export type OffscreenRequest<T extends OffscreenType = OffscreenType> = T extends OffscreenType
  ? { target: 'offscreen'; type: T } & WorkerToOffscreen[T]['request']
  : never;
/** The document's reply, or what went wrong there (an exception's text). */
export type OffscreenReply<T extends OffscreenType> = WorkerToOffscreen[T]['reply'] | { error: string };

const OFFSCREEN_TYPES: Record<OffscreenType, true> = { 'read-page': true, 'render-page': true, 'play-chime': true };

export function isOffscreenRequest(message: unknown): message is OffscreenRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { target, type } = message as { target?: unknown; type?: unknown };
  return target === 'offscreen' && typeof type === 'string' && Object.hasOwn(OFFSCREEN_TYPES, type);
}
