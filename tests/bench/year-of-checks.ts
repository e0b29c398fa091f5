import { type History, recordCheck } from '../../src/core/history';
import { DEFAULT_SETTINGS, KEYS, loadStored, SCHEMA_VERSION } from '../../src/core/stored-schema';
import type { Verdict, VerdictKind } from '../../src/core/verdict';
import { CHATGPT_WATCH, CHATGPT_WATCH_ID } from '../../src/core/watch-def';
import { applyReadings, CANT_CHECK_AFTER_MS, INITIAL_WATCH, REOPEN_COOLDOWN_MS } from '../../src/core/watch-state';

const POLICY = { reopenCooldownMs: REOPEN_COOLDOWN_MS, cantCheckAfterMs: CANT_CHECK_AFTER_MS, notificationsEnabled: true };

/**
 * A year of checks every 30 s through the real state machine and history: mostly paused, a
 * reopening every week, an error in every 50 checks and a sign-out each month, so transitions pile up.
 */
export function simulateYear(): { stored: Record<string, unknown>; checks: number; bytes: number } {
  const start = Date.UTC(2026, 0, 1);
  let watch = INITIAL_WATCH;
  let history: History = { transitions: [], days: [] };
  let checks = 0;
  for (let at = start; at < start + 365 * 86_400_000; at += 30_000) {
    const hourOfWeek = Math.floor((at - start) / 3_600_000) % 168;
    let kind: VerdictKind = hourOfWeek < 6 ? 'open' : 'paused';
    if (checks % 50 === 49) kind = 'error';
    if (Math.floor((at - start) / 3_600_000) % 720 === 0) kind = 'signed-out';
    const reading: Verdict = {
      kind,
      reason: 'pause-flag',
      status: 200,
      at,
      durationMs: 40,
      bytes: 900,
      requests: 2,
      evidence: 'features contains disable_plus_upgrade_ui',
    };
    const readings = kind === 'open' && watch.confirmed?.availability !== 'open' ? [reading, { ...reading, at: at + 4000 }] : [reading];
    watch = applyReadings(watch, readings, at, POLICY).state;
    history = recordCheck(history, readings, watch, at);
    checks += readings.length;
  }
  // storage.local as 2.0 keeps it with the built-in watch alone, checked every 30 s.
  const id = CHATGPT_WATCH_ID;
  const stored: Record<string, unknown> = {
    schemaVersion: SCHEMA_VERSION,
    settings: DEFAULT_SETTINGS,
    watchIds: [id],
    [KEYS.def(id)]: { ...CHATGPT_WATCH, intervalMinutes: 0.5 },
    [KEYS.state(id)]: watch,
    [KEYS.history(id)]: history,
  };
  stored[KEYS.summary] = loadStored(stored).data.summary;
  // chrome.storage.local counts each key plus its JSON value.
  const bytes = Object.entries(stored).reduce((sum, [key, value]) => sum + key.length + Buffer.byteLength(JSON.stringify(value)), 0);
  return { stored, checks, bytes };
}
