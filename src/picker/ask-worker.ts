import browser from 'webextension-polyfill';
import type { Reading } from '../core/pick/proposal';

// The picker's three requests (src/background/messages.ts lets a content script ask only these).

/** A watch as the picker proposes it: a page, its text rule, rendered or not. */
export interface PickedWatch {
  name: string;
  kind: 'page';
  url: string;
  rule: unknown;
  render?: true;
}

type Answer<T> = { ok: true; value: T } | { ok: false; why: string };

async function ask(request: object): Promise<{ ok?: unknown; error?: unknown; problems?: unknown; [key: string]: unknown }> {
  try {
    const answer = (await browser.runtime.sendMessage(request)) as Record<string, unknown> | undefined;
    if (answer && typeof answer.ok === 'boolean') return answer;
    return { ok: false, error: 'the extension gave no answer' };
  } catch (error) {
    // The extension was reloaded or updated under the page: this script can no longer reach it.
    return { ok: false, error: String(error) };
  }
}

const why = (answer: { error?: unknown; problems?: unknown }) =>
  Array.isArray(answer.problems) ? answer.problems.join('; ') : String(answer.error ?? 'refused');

/** One reading of the watch, saving nothing; null when the worker refused (the reason is logged there). */
export async function testPicked(watch: PickedWatch): Promise<Answer<Reading>> {
  const answer = await ask({ type: 'test-watch', watch });
  const verdict = answer.verdict as Reading | undefined;
  return answer.ok === true && verdict ? { ok: true, value: verdict } : { ok: false, why: why(answer) };
}

/** Adds the watch and checks it at once; the first check's reading. */
export async function addPicked(watch: PickedWatch): Promise<Answer<Reading | null>> {
  const added = await ask({ type: 'add-watch', watch });
  if (added.ok !== true || typeof added.watchId !== 'string') return { ok: false, why: why(added) };
  const checked = await ask({ type: 'check-now', watchId: added.watchId });
  // Added either way: a first check that could not run now runs on schedule.
  return { ok: true, value: checked.ok === true ? ((checked.verdict as Reading | undefined) ?? null) : null };
}
