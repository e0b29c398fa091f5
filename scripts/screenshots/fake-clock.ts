// Runs Chromium (worker included) at the story's time with libfaketime, so the phone message the
// extension really sends says the time the pictures show ("Confirmed open at 10:19"). The offset
// is relative: the browser's clock ticks on normally from there. Without libfaketime the message is
// sent at the real time, and the run says so.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function findLibrary(): string | null {
  const root = '/usr/lib';
  const dirs = existsSync(root) ? readdirSync(root).map((d) => join(root, d, 'faketime')) : [];
  for (const dir of [join(root, 'faketime'), ...dirs]) {
    const lib = join(dir, 'libfaketimeMT.so.1');
    if (existsSync(lib)) return lib;
  }
  return null;
}

export interface FakeClock {
  /** Browser time minus real time, in ms (0 without libfaketime). */
  offsetMs: number;
  /** The browser's time now. */
  now(): number;
}

/**
 * Calls `launch` with the environment set so the browser it starts believes it is `startAt`; the
 * environment is restored at once (only that browser inherits it).
 */
export async function withFakeClock<T>(startAt: number, launch: (clock: FakeClock) => Promise<T>): Promise<T> {
  const library = findLibrary();
  if (!library) {
    console.warn('note: libfaketime is not installed (apt-get install faketime): the phone message carries the real time, not the story’s');
    return launch({ offsetMs: 0, now: Date.now });
  }
  const seconds = Math.round((startAt - Date.now()) / 1000);
  const clock: FakeClock = { offsetMs: seconds * 1000, now: () => Date.now() + seconds * 1000 };
  const saved = { LD_PRELOAD: process.env.LD_PRELOAD, FAKETIME: process.env.FAKETIME };
  process.env.LD_PRELOAD = library;
  process.env.FAKETIME = `${seconds >= 0 ? '+' : ''}${seconds}`;
  try {
    return await launch(clock);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
