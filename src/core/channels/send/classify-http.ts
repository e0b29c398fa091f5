// The status rules every channel shares; each channel adds what its service says in the body.
import { parseRetryAfter } from '../../retry-after';
import type { DeliveryOutcome, HeaderReader } from '../types';
import { oneLine } from './text';

/** A channel that answers these will answer them again until the user fixes it. */
export const PERMANENT_STATUSES: ReadonlySet<number> = new Set([401, 403, 404, 410]);

export interface StatusDetail {
  /** Short, secret-free words from the service's answer, e.g. `Unknown Webhook (10015)`. */
  detail?: string;
  /** The service's own wait from its body (Discord's `retry_after`, Telegram's `parameters.retry_after`). */
  retryAfterMs?: number;
  /** The service's body says the channel is misconfigured, whatever the status. */
  broken?: boolean;
}

export function describeStatus(status: number, detail?: string): string {
  if (status === 0) return 'no answer (network error or timeout)';
  return detail ? `HTTP ${status}: ${oneLine(detail)}` : `HTTP ${status}`;
}

/**
 * 2xx delivered; 3xx (a redirect we refuse to follow with a secret) and 401/403/404/410 broken;
 * everything else, including no answer, retry, honouring the service's wait when it gave one.
 */
export function classifyStatus(status: number, headers: HeaderReader, now: number, info: StatusDetail = {}): DeliveryOutcome {
  const why = describeStatus(status, info.detail);
  if (status >= 200 && status < 300) return { type: 'delivered' };
  if (info.broken || PERMANENT_STATUSES.has(status)) return { type: 'broken', why };
  if (status >= 300 && status < 400) return { type: 'broken', why: `${why} (redirected; check the URL)` };
  const afterMs = info.retryAfterMs ?? (status === 0 ? undefined : parseRetryAfter(headers.get('retry-after'), now));
  return afterMs === undefined ? { type: 'retry', why } : { type: 'retry', afterMs, why };
}

/** Seconds (integer or fractional) from a JSON body into ms, or undefined when not a usable number. */
export function secondsToMs(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value * 1000) : undefined;
}
