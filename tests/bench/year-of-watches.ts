import { type History, recordCheck } from '../../src/core/history';
import { KEYS } from '../../src/core/storage-keys';
import { loadStored } from '../../src/core/stored-schema';
import type { Verdict, VerdictKind } from '../../src/core/verdict';
import { CANT_CHECK_AFTER_MS, INITIAL_WATCH, REOPEN_COOLDOWN_MS, type WatchState } from '../../src/core/watch-state';
import { applyReadings } from '../../src/core/watch-transitions';

const POLICY = { reopenCooldownMs: REOPEN_COOLDOWN_MS, cantCheckAfterMs: CANT_CHECK_AFTER_MS, notificationsEnabled: true };

/**
 * A year of 1-minute checks of one page watch through the real state machine and history: mostly
 * paused, back in stock for a few hours every week, an error every 50 checks, a challenge each month.
 */
function yearOfOneWatch(): { state: WatchState; history: History; checks: number } {
  const start = Date.UTC(2026, 0, 1);
  let state = INITIAL_WATCH;
  let history: History = { transitions: [], days: [] };
  let checks = 0;
  for (let at = start; at < start + 365 * 86_400_000; at += 60_000) {
    const hour = Math.floor((at - start) / 3_600_000);
    let kind: VerdictKind = hour % 168 < 6 ? 'open' : 'paused';
    if (checks % 50 === 49) kind = 'error';
    if (hour % 720 === 0) kind = 'blocked';
    const reading: Verdict = {
      kind,
      reason: 'structured-data',
      status: 200,
      at,
      durationMs: 60,
      bytes: 200_000,
      requests: 1,
      evidence: 'JSON-LD availability OutOfStock',
      validator: 'etag "5f2a9c0e7b"',
    };
    const readings = kind === 'open' && state.confirmed?.availability !== 'open' ? [reading, { ...reading, at: at + 10_000 }] : [reading];
    state = applyReadings(state, readings, at, POLICY).state;
    history = recordCheck(history, readings, state, at);
    checks += readings.length;
  }
  return { state, history, checks };
}

/** Everything storage.local would hold after a year with `count` such watches, in bytes (keys + JSON values, as Chrome counts). */
export function simulateYearOfWatches(count: number): { bytes: number; perWatch: number; checks: number } {
  const year = yearOfOneWatch();
  const raw: Record<string, unknown> = { schemaVersion: 3, settings: { notificationsEnabled: true, paused: false }, watchIds: [] };
  for (let i = 0; i < count; i++) {
    const id = `w${String(i).padStart(11, '0')}`;
    (raw.watchIds as string[]).push(id);
    raw[KEYS.def(id)] = {
      id,
      name: `Graphics card ${i}`,
      kind: 'page',
      url: `https://shop-${i}.example/products/graphics-card-${i}`,
      rule: { type: 'auto' },
      intervalMinutes: 1,
      notify: true,
      enabled: true,
    };
    raw[KEYS.state(id)] = year.state;
    raw[KEYS.history(id)] = year.history;
  }
  // What the extension itself would write back (summary, the built-in watch) after loading it.
  const stored = { ...raw, ...loadStored(raw).writes };
  const size = (key: string, value: unknown) => key.length + Buffer.byteLength(JSON.stringify(value));
  const bytes = Object.entries(stored).reduce((sum, [key, value]) => sum + size(key, value), 0);
  const perWatch = size('history:x', year.history) + size('state:x', year.state);
  return { bytes, perWatch, checks: year.checks };
}
