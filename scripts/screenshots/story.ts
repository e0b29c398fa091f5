// The days the pictures tell, in local wall-clock time (process.env.TZ): a browser open from
// morning to night for three days and a morning, so every shot shows the same times of day in its
// own time zone. Day 0 is "today", day -3 the day of installation.

export const MINUTE = 60_000;

/** A run of the browser; `lastCheck`: it lasts until `now`, each watch's latest check a little before (its own `latestCheckAgoMs`). */
export interface Session {
  from: number;
  to: number;
  lastCheck?: boolean;
}

export interface Days {
  /** The moment the pictures are taken (the pages' clock is fixed to it). */
  now: number;
  sessions: Session[];
  /** A time on one of the story's days. */
  at(day: number, hours: number, minutes: number, seconds?: number): number;
}

export function days(): Days {
  // Thursday 26 November 2026, 10:32:40 in the current time zone.
  const at = (day: number, h: number, m: number, s = 0) => new Date(2026, 10, 26 + day, h, m, s).getTime();
  const now = at(0, 10, 32, 40);
  return {
    now,
    at,
    sessions: [
      { from: at(-3, 9, 14, 5), to: at(-3, 23, 2) }, // installed
      { from: at(-2, 8, 41, 30), to: at(-2, 22, 48) },
      { from: at(-1, 8, 56, 10), to: at(-1, 23, 19) },
      { from: at(0, 8, 47, 50), to: now, lastCheck: true },
    ],
  };
}

/** A small seeded generator (mulberry32), so every run draws the same jitter and response times. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
