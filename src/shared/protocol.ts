import type { DeliveryOutcome } from '../core/channels/types';
import type { Settings } from '../core/stored-schema';
import type { Verdict } from '../core/verdict';

/** Messages the extension's own pages (popup, options) send to the worker. */
export type PageRequest =
  | { type: 'check-now'; watchId: string }
  /** Shows a test desktop notification; answers `notification`: shown, or blocked by the browser. */
  | { type: 'test-notification' }
  /** The popup was opened: the user has seen what reopened, so "remind me until I act" stops. */
  | { type: 'stop-reminders' }
  | { type: 'save-settings'; settings: Partial<Settings> }
  /**
   * `watch` is a WatchInput (the import/export field names); validated by the worker. `valueType`:
   * the JSON type of the value the editor's Test showed, which a new or re-ruled watch then expects;
   * an unchanged watch keeps the type it knows unless `acceptType` (the user accepted a new shape).
   */
  | { type: 'add-watch'; watch: unknown; valueType?: string }
  | { type: 'update-watch'; watchId: string; changes: Record<string, unknown>; valueType?: string; acceptType?: boolean }
  | { type: 'remove-watch'; watchId: string }
  | { type: 'reorder-watches'; watchIds: string[] }
  /** A parsed import file; all or nothing. */
  | { type: 'import-watches'; file: unknown }
  /**
   * Runs a rule once against the live page without saving anything (answered by the page itself).
   * With `watchId`, it reads as that watch's check would: expecting the value type the watch knows,
   * unless `ignoreType` (the user is accepting a new shape).
   */
  | { type: 'test-watch'; watch: unknown; header?: { name: string; value: string } | null; watchId?: string; ignoreType?: boolean }
  /** A JSON watch's one request header; `null` removes it. Kept in storage.local only (written by the page). */
  | { type: 'set-secret'; watchId: string; header: { name: string; value: string } | null }
  // Channels are saved by the options page straight into storage.local (a secret never travels in
  // a message); the worker only sends.
  /** Sends a test message now, outside the outbox; answers `outcome` (its `why` redacted). */
  | { type: 'test-channel'; channelId: string };

export type WorkerResponse =
  | { ok: true; watchId?: string; added?: number; verdict?: Verdict; outcome?: DeliveryOutcome; notification?: 'shown' | 'blocked' }
  | { ok: false; error: string; problems?: string[] };

const TYPES = new Set([
  'check-now',
  'test-notification',
  'stop-reminders',
  'save-settings',
  'add-watch',
  'update-watch',
  'remove-watch',
  'reorder-watches',
  'import-watches',
  'test-watch',
  'set-secret',
  'test-channel',
]);

/** Shape check only; each handler validates its payload like any untrusted input. */
export function isPageRequest(message: unknown): message is PageRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type } = message as { type?: unknown };
  return typeof type === 'string' && TYPES.has(type);
}
