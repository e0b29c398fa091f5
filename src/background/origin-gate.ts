import { keyedQueue } from '../core/keyed-queue';
import { log } from '../shared/log';
import { readOriginContact, writeOriginContact } from './worker-storage';

/** Never two checks to one origin closer than this, across all watches (DESIGN.md). */
export const ORIGIN_GAP_MS = 10_000;
/** A little spread on top, so watches on one shop do not settle into a fixed beat. */
const GAP_JITTER_MS = 1_500;
/** Between the claim and the request leaving the browser a few milliseconds pass: kept as margin. */
const CLAIM_MARGIN_MS = 300;

const queue = keyedQueue();

export type Claim = { ok: true } | { ok: false; retryAt: number };

/**
 * Claims `origin` for a request now, or says when it may be contacted next. The time of the last
 * contact lives in storage.session (outlives a worker restart, not the browser), one small key per
 * origin, so a check costs the same with 100 watches as with one.
 */
export function claimOrigin(origin: string, now: number, random = Math.random()): Promise<Claim> {
  return new Promise<Claim>((resolve, reject) => {
    queue
      .run(origin, async () => {
        const last = await readOriginContact(origin);
        if (typeof last === 'number' && now - last < ORIGIN_GAP_MS + CLAIM_MARGIN_MS && now >= last) {
          resolve({ ok: false, retryAt: last + ORIGIN_GAP_MS + CLAIM_MARGIN_MS + Math.round(random * GAP_JITTER_MS) });
          return;
        }
        // The request may leave once the write is asked for (a worker that dies now still has it
        // made); the next claim on this origin waits in the queue until it is stored.
        const written = writeOriginContact(origin, now);
        resolve({ ok: true });
        await written.catch((error: unknown) => log.warn('the last contact with a site was not saved', { origin, error: String(error) }));
      })
      .catch(reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits in the worker for the origin, up to `maxWaitMs`; returns false when the next free moment is
 * further away (the caller moves the watch's alarm there instead).
 */
export async function waitForOrigin(origin: string, maxWaitMs: number): Promise<{ ok: true } | { ok: false; retryAt: number }> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const claim = await claimOrigin(origin, Date.now());
    if (claim.ok) return claim;
    if (claim.retryAt > deadline) return claim;
    await sleep(claim.retryAt - Date.now());
  }
}

/**
 * A rendered read goes on loading the site (its scripts, API calls, images) long after its claim:
 * the gap to the next contact counts from when it ended.
 */
export function extendContact(origin: string): Promise<void> {
  return queue
    .run(origin, () => writeOriginContact(origin, Date.now()))
    .catch((error: unknown) => {
      log.warn('the last contact with a site was not saved', { origin, error: String(error) });
    });
}
