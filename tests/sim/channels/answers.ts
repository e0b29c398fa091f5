// What a channel simulator can be told to answer, and the shape each service module implements.

/** How a service answers the next message. `broken`, `rate-limited` and `server-error` use the service's own shapes. */
export type SimAnswer =
  /** Accept it; `delayMs` holds the answer back (the message counts as received at once, as a real service's would). */
  | { type: 'ok'; delayMs?: number }
  /** 429 with the service's own wait: ntfy none, Telegram `parameters.retry_after`, Discord `retry_after` + `Retry-After`, Slack and webhook `Retry-After`. */
  | { type: 'rate-limited'; retryAfterS?: number }
  | { type: 'server-error'; status?: number }
  /** The service's permanent failure: ntfy 403, Telegram 400 chat not found, Discord 404 Unknown Webhook, Slack 404 no_service, webhook 410. */
  | { type: 'broken' }
  /** Headers never come; the message is not received. */
  | { type: 'hang' }
  /** The connection is dropped; the message is not received. */
  | { type: 'reset' }
  /** Anything else, verbatim. */
  | { type: 'raw'; status: number; body: string; headers?: Record<string, string> };

export interface Reply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/** A request as the simulator read it (header names lower-case). */
export interface Incoming {
  method: string;
  /** Path and query. */
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The parsed body, when it is JSON. */
  json: unknown;
}

export interface ServiceSim {
  /** Hosts it answers for by default (real hostnames, mapped to the simulator in tests). */
  hosts: readonly string[];
  /** Checks the request as the real service would; a reply means it is refused (not received). */
  refuse(request: Incoming): Reply | null;
  /** The service's answer to an accepted request, in the shape `answer` asks for. */
  reply(answer: Exclude<SimAnswer, { type: 'hang' | 'reset' | 'raw' }>, request: Incoming): Reply;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

export const text = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  body,
  headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
});

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
