import type { Verdict, VerdictKind } from '../../src/core/verdict';

/** A verdict for state-machine, history and schedule tests; only kind and time usually matter. */
export function reading(kind: VerdictKind, at = 0, extra: Partial<Verdict> = {}): Verdict {
  return { kind, reason: 'pause-flag', status: 200, at, durationMs: 5, bytes: 100, requests: 2, evidence: '', ...extra };
}
