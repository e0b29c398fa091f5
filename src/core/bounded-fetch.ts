/** A fetch-like function; the real `fetch` in the extension, a fake in tests. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchLimits {
  /** Whole request, headers and body, must finish within this. */
  timeoutMs: number;
  /** Stop reading and give up once the body passes this many bytes. */
  maxBytes: number;
  /** Seen the headers, is the body not needed (an unchanged page)? Then it is cancelled unread. */
  skipBody?: (response: Response) => boolean;
}

export interface BoundedResponse {
  status: number;
  headers: Headers;
  /** Final URL after redirects. */
  url: string;
  redirected: boolean;
  /** A redirect not followed (`redirect: 'manual'`): the browser hides it as an opaque response. */
  redirect: boolean;
  text: string;
  bytes: number;
}

export type FetchFailureReason = 'timeout' | 'network' | 'too-large';

/** Thrown when no usable body could be read; carries how much was read before giving up. */
export class FetchFailure extends Error {
  constructor(
    readonly reason: FetchFailureReason,
    readonly bytes: number,
    readonly status: number | null,
  ) {
    super(reason);
    this.name = 'FetchFailure';
  }
}

/**
 * Fetches with a deadline and a byte cap. A hung server or a multi-megabyte page must not stall
 * or bloat the worker, so the body is streamed and cut off, never buffered whole.
 */
export async function boundedFetch(fetchFn: FetchLike, url: string, init: RequestInit, limits: FetchLimits): Promise<BoundedResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  let bytes = 0;
  let status: number | null = null;
  try {
    const response = await fetchFn(url, { ...init, signal: controller.signal });
    status = response.status;
    const chunks: Uint8Array[] = [];
    if (response.body && limits.skipBody?.(response)) {
      await response.body.cancel().catch(() => undefined);
    } else if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > limits.maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new FetchFailure('too-large', bytes, status);
        }
        chunks.push(value);
      }
    }
    const text = new TextDecoder().decode(concat(chunks, bytes));
    const redirect = response.type === 'opaqueredirect' || (status >= 300 && status < 400 && status !== 304);
    return { status, headers: response.headers, url: response.url || url, redirected: response.redirected, redirect, text, bytes };
  } catch (error) {
    if (error instanceof FetchFailure) throw error;
    throw new FetchFailure(controller.signal.aborted ? 'timeout' : 'network', bytes, status);
  } finally {
    clearTimeout(timer);
  }
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
