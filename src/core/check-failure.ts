import { DeadlineError } from './deadline';
import { say } from './evidence-en';
import type { Verdict } from './verdict';

const EVIDENCE_MAX = 160;

/**
 * The reading of a check that Reopen Watch itself could not finish: a reader that threw or hung, a
 * document that never answered. Can't tell, never open, and a reading like any other, so the
 * failure streak, backoff and the 6 h "can't check" alert all count it: no watch falls silent.
 * `secrets` (a JSON watch's header value) are cut out of the error's text before it is kept.
 */
export function failedCheck(error: unknown, startedAt: number, now: number, secrets: readonly string[] = []): Verdict {
  const timeout = error instanceof DeadlineError;
  let text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  for (const secret of secrets) if (secret) text = text.split(secret).join('[secret]');
  text = text.replace(/\s+/g, ' ').trim();
  return {
    kind: 'error',
    reason: timeout ? 'check-timeout' : 'check-failed',
    status: null,
    at: startedAt,
    durationMs: Math.max(0, now - startedAt),
    bytes: 0,
    requests: 0,
    ...(timeout
      ? say('evNoAnswerIn', error.what, Math.round(error.ms / 1000))
      : say('evCheckFailed', text.length > EVIDENCE_MAX ? `${text.slice(0, EVIDENCE_MAX)}…` : text)),
  };
}
