/** Thrown when something the check waits for (a reader, a document, a request) did not answer in time. */
export class DeadlineError extends Error {
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what} did not answer within ${Math.round(ms / 1000)} s`);
    this.name = 'DeadlineError';
  }
}

/**
 * `work`, or a DeadlineError once `ms` have passed: nothing a check waits for may keep it waiting
 * for ever. The work itself is not stopped (a promise cannot be); its late result is ignored.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, ms)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
