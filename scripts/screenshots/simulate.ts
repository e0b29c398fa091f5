// One watch's days, checked by the extension's own pure code: the kind's real probe reads a fake
// site on a virtual clock (each response advances it), the real state machine and history fold
// each check in, and the next check is picked as the worker picks it (interval, jitter, backoff).
import { type History, recordCheck } from '../../src/core/history';
import { probeFor } from '../../src/core/kinds';
import { readBody } from '../../src/core/kinds/read/read-body';
import { CONFIRM_DELAY_MS } from '../../src/core/kinds/registry';
import { nextDelayMs } from '../../src/core/schedule';
import type { Verdict } from '../../src/core/verdict';
import { intervalMsOf, type WatchDef } from '../../src/core/watch-def';
import { CANT_CHECK_AFTER_MS, INITIAL_WATCH, REOPEN_COOLDOWN_MS, type WatchState } from '../../src/core/watch-state';
import { applyReadings, needsConfirmation } from '../../src/core/watch-transitions';
import { parseHtml } from '../../tests/corpus/parse-html';
import { MINUTE, random, type Session } from './story';

/** A site as the browser's fetch sees it at a moment of the story. */
export type Site = (url: string, at: number) => Response;

export interface WatchStory {
  def: WatchDef;
  /** Added (and so first checked) then; earlier sessions are before its time. */
  addedAt: number;
  site: Site;
  /** The site's response times, in ms. */
  latencyMs: [number, number];
  /** Checks that run at once whatever the schedule (visiting chatgpt.com to sign in starts one). */
  extraChecksAt?: number[];
  /** How long before the pictures' moment its latest check ran (two minutes unless said): less than its interval. */
  latestCheckAgoMs?: number;
  seed: number;
}

export interface Simulated {
  state: WatchState;
  history: History;
}

/** A response as fetch would hand it over: its URL set, as a real one's is. */
export function response(url: string, body: string, status: number, headers: Record<string, string>): Response {
  const made = new Response(body, { status, headers });
  Object.defineProperty(made, 'url', { value: url });
  return made;
}

export async function simulate(story: WatchStory, sessions: readonly Session[]): Promise<Simulated> {
  const { def } = story;
  const rand = random(story.seed);
  const policy = { reopenCooldownMs: REOPEN_COOLDOWN_MS, cantCheckAfterMs: CANT_CHECK_AFTER_MS, notificationsEnabled: def.notify };
  const clock = { now: 0 };
  const [fastest, slowest] = story.latencyMs;
  const fetch = async (input: string | URL | Request) => {
    clock.now += Math.round(fastest + rand() * (slowest - fastest));
    return story.site(String(input instanceof Request ? input.url : input), clock.now);
  };
  let state = structuredClone(INITIAL_WATCH);
  let history: History = { transitions: [], days: [] };
  const extras = [...(story.extraChecksAt ?? [])].sort((a, b) => a - b);

  for (const session of sessions) {
    if (session.to < story.addedAt) continue;
    const end = session.lastCheck ? session.to - (story.latestCheckAgoMs ?? 2 * MINUTE) : session.to;
    let t = Math.max(session.from, story.addedAt); // the browser starts (a catch-up check), or the watch is added
    while (t <= end) {
      clock.now = t;
      const probe = probeFor(def, {
        fetch,
        now: () => clock.now,
        readPage: async (request) => readBody(request, parseHtml),
        renderPage: () => Promise.reject(new Error('the pictures have no rendered watch')),
        latest: state.latest,
        secretHeader: null,
        expectedValueType: state.valueType ?? null,
      });
      const readings: Verdict[] = [await probe.check()];
      if (needsConfirmation(state, readings[0] as Verdict)) {
        clock.now += CONFIRM_DELAY_MS[def.kind];
        readings.push(await probe.confirm());
      }
      // As the check runner stores them: what Test shows of a page's data is not kept.
      const stored = readings.map(({ found: _shown, ...verdict }) => verdict);
      state = applyReadings(state, stored, clock.now, policy).state;
      state.nextCheckAt = clock.now + nextDelayMs(state.latest, state.failureStreak, intervalMsOf(def), rand());
      history = recordCheck(history, stored, state, clock.now);
      const extra = extras.find((x) => x > t && x < (state.nextCheckAt as number));
      const next = extra ?? (state.nextCheckAt as number);
      t = session.lastCheck && t < end && next > end ? end : next;
    }
  }
  return { state, history };
}
