// npm run screenshots (it builds first; or node --import tsx scripts/screenshots.ts after a build):
// the README's popup pictures, from the built extension in headless Chromium, showing a realistic
// history instead of a test run's seconds-apart flips.
//
// The history is made by the extension's own pure code: three days of a browser that is open from
// morning to night, checking every 5 minutes; the real probe reads the simulator's answers through a
// fake fetch on a virtual clock, and the real state machine and history fold each check in. Upgrades
// stay paused except for one 43-minute reopening the previous evening (confirmed, one alert), with one
// HTTP 502 blip at lunchtime; the latest check was two minutes ago. That state is written to
// chrome.storage.local through the service worker; the popup is shown at the story's "now" (its
// clock is fixed, so a rerun draws the same pictures unless the UI changed) while the live simulator
// keeps answering "paused" for the signed-in session. Not part of npm test.
//
// Writes docs/screenshots/popup-en.png, popup-en-dark.png and popup-zh_CN.png, and the options page
// beside each (options-en.png, options-en-dark.png, options-zh_CN.png).
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type History, recordCheck } from '../src/core/history';
import { CHATGPT_WATCH, CHATGPT_WATCH_ID } from '../src/core/kinds/chatgpt-plus/built-in';
import { plusProbe } from '../src/core/kinds/chatgpt-plus/probe';
import { nextDelayMs } from '../src/core/schedule';
import { KEYS } from '../src/core/storage-keys';
import { DEFAULT_SETTINGS, loadStored, SCHEMA_VERSION } from '../src/core/stored-schema';
import type { Verdict } from '../src/core/verdict';
import { CANT_CHECK_AFTER_MS, INITIAL_WATCH, REOPEN_COOLDOWN_MS } from '../src/core/watch-state';
import { applyReadings, needsConfirmation } from '../src/core/watch-transitions';
import { storedState } from '../tests/e2e/extension-state';
import { DIST, launchExtension } from '../tests/e2e/harness';
import { accountsAnswer, signIn, startSimulator } from '../tests/sim/simulator';

const OUT = fileURLToPath(new URL('../docs/screenshots', import.meta.url));
const INTERVAL_MS = 5 * 60_000;
const CONFIRM_DELAY_MS = 4000; // as src/background/check-runner.ts
const MINUTE = 60_000;

interface Shot {
  file: string;
  lang: string;
  /** The browser's time zone: the story happens at the same wall-clock times in each. */
  timeZone: string;
  dark?: boolean;
}

const SHOTS: Shot[] = [
  { file: 'popup-en.png', lang: 'en-US', timeZone: 'America/New_York' },
  { file: 'popup-en-dark.png', lang: 'en-US', timeZone: 'America/New_York', dark: true },
  { file: 'popup-zh_CN.png', lang: 'zh-CN', timeZone: 'Asia/Shanghai' },
];

/** What chatgpt.com answers at a moment of the story. */
type Answer = 'signed-out' | 'paused' | 'open' | 'bad-gateway';

/** The story, in local wall-clock time: day 0 is "today", day -3 the day of installation. */
interface Story {
  now: number;
  /** When the browser ran; `lastCheck`: the session ends with a check at `to` (the story's latest). */
  sessions: Array<{ from: number; to: number; lastCheck?: boolean }>;
  signInAt: number;
  answerAt(at: number): Answer;
}

function story(): Story {
  // Thursday 26 November 2026, 10:32:40 in the current time zone (process.env.TZ).
  const at = (day: number, h: number, m: number, s = 0) => new Date(2026, 10, 26 + day, h, m, s).getTime();
  const now = at(0, 10, 32, 40);
  const reopened = { from: at(-1, 19, 47), to: at(-1, 20, 30) };
  const blip = { from: at(-1, 13, 4), to: at(-1, 13, 9) };
  const signInAt = at(-3, 9, 16, 20);
  return {
    now,
    signInAt,
    sessions: [
      { from: at(-3, 9, 14, 5), to: at(-3, 23, 2) }, // installed; signed in two minutes later
      { from: at(-2, 8, 41, 30), to: at(-2, 22, 48) },
      { from: at(-1, 8, 56, 10), to: at(-1, 23, 19) },
      { from: at(0, 8, 47, 50), to: now - 2 * MINUTE, lastCheck: true }, // the latest check: two minutes ago
    ],
    answerAt: (t) => {
      if (t < signInAt) return 'signed-out';
      if (t >= reopened.from && t < reopened.to) return 'open';
      if (t >= blip.from && t < blip.to) return 'bad-gateway';
      return 'paused';
    },
  };
}

/** A small seeded generator, so every run draws the same jitter and response times. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** chatgpt.com as the simulator answers it, on a virtual clock that each response advances. */
function fakeChatGpt(clock: { now: number }, answer: () => Answer, rand: () => number) {
  const session = (signedIn: boolean) =>
    signedIn
      ? {
          user: { id: 'user-sim', name: 'Sim User', email: 'sim.user@example.com', image: '', picture: '' },
          expires: new Date(clock.now + 30 * 86_400_000).toISOString(),
          accessToken: 'sim-access-screenshots',
          authProvider: 'auth0',
        }
      : {};
  return async (url: string): Promise<Response> => {
    clock.now += Math.round(140 + rand() * 320);
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    const now = answer();
    if (new URL(url).pathname.startsWith('/api/auth/session')) return json(session(now !== 'signed-out'));
    if (now === 'bad-gateway') {
      return new Response('<html><head><title>502 Bad Gateway</title></head><body>Bad gateway</body></html>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      });
    }
    return json(accountsAnswer(now === 'open' ? 'open' : 'paused'));
  };
}

/** Runs the story's checks through the real probe, state machine and history; returns what storage.local would hold. */
async function seededState(s: Story): Promise<Record<string, unknown>> {
  const rand = random(20261126);
  const policy = { reopenCooldownMs: REOPEN_COOLDOWN_MS, cantCheckAfterMs: CANT_CHECK_AFTER_MS, notificationsEnabled: true };
  let watch = structuredClone(INITIAL_WATCH);
  let history: History = { transitions: [], days: [] };
  const clock = { now: 0 };
  const probeAt = () => plusProbe({ fetch: fakeChatGpt(clock, () => s.answerAt(clock.now), rand), now: () => clock.now });

  for (const session of s.sessions) {
    let t = session.from; // the browser starts: a catch-up check
    while (t <= session.to) {
      clock.now = t;
      const probe = probeAt();
      const readings: Verdict[] = [await probe.check()];
      if (needsConfirmation(watch, readings[0] as Verdict)) {
        clock.now += CONFIRM_DELAY_MS;
        readings.push(await probe.confirm());
      }
      const applied = applyReadings(watch, readings, clock.now, policy);
      watch = applied.state;
      watch.nextCheckAt = clock.now + nextDelayMs(watch.latest, watch.failureStreak, INTERVAL_MS, rand());
      history = recordCheck(history, readings, watch, clock.now);
      // Visiting chatgpt.com to sign in triggers a check at once.
      const next =
        watch.latest?.kind === 'signed-out' && s.signInAt > t ? Math.min(watch.nextCheckAt, s.signInAt + 2500) : watch.nextCheckAt;
      t = session.lastCheck && t < session.to && next > session.to ? session.to : next;
    }
  }
  // storage.local as 2.0 keeps it: the built-in watch alone, checked every 5 minutes.
  const id = CHATGPT_WATCH_ID;
  const raw: Record<string, unknown> = {
    schemaVersion: SCHEMA_VERSION,
    settings: DEFAULT_SETTINGS,
    watchIds: [id],
    [KEYS.def(id)]: { ...CHATGPT_WATCH, intervalMinutes: INTERVAL_MS / MINUTE },
    [KEYS.state(id)]: watch,
    [KEYS.history(id)]: history,
  };
  const loaded = loadStored(raw);
  if (loaded.repairs.length > 0) {
    throw new Error(`the seeded state does not fit src/core/stored-schema.ts; update scripts/screenshots.ts: ${loaded.repairs.join('; ')}`);
  }
  // The toolbar summary, computed as the worker would.
  return { ...raw, ...loaded.writes };
}

/** Files under `dir` (tests aside) with their modification times. */
function filesWithTimes(dir: string): Array<{ file: string; mtimeMs: number }> {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((file) => !file.endsWith('.test.ts'))
    .map((file) => ({ file, stat: statSync(file) }))
    .filter(({ stat }) => stat.isFile())
    .map(({ file, stat }) => ({ file, mtimeMs: stat.mtimeMs }));
}

/** The pictures show dist/, not src/: say so when src/ looks newer than the last build. */
function checkBuild(): void {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ has no build: run "npm run build" first');
  const built = Math.max(...filesWithTimes(DIST).map((f) => f.mtimeMs));
  const root = fileURLToPath(new URL('..', import.meta.url));
  const newer = filesWithTimes(join(root, 'src')).filter((f) => f.mtimeMs > built);
  if (newer.length > 0) {
    const names = newer.map((f) => relative(root, f.file)).slice(0, 5);
    console.warn(
      `note: ${newer.length} file(s) in src/ changed after the last build (${names.join(', ')}); run "npm run build" first if the pictures should show them`,
    );
  }
}

async function shoot(shot: Shot): Promise<void> {
  process.env.TZ = shot.timeZone; // for the story's wall-clock times here, and inherited by Chromium
  const s = story();
  const seed = await seededState(s);
  const sim = await startSimulator({ mode: 'paused' });
  const ext = await launchExtension({ sim, lang: shot.lang });
  try {
    // Let the install check finish (signed out), sign in, then replace everything with the story.
    const deadline = Date.now() + 20_000;
    while (!(await storedState(ext)).watch?.latest) {
      if (Date.now() > deadline) throw new Error('the extension made no first check within 20 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    await signIn(ext.context);
    const worker = await ext.worker();
    await worker.evaluate(async (data) => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set(data);
      // The live worker runs on the real clock: keep its alarms from checking while the pictures are taken.
      for (const alarm of await chrome.alarms.getAll()) await chrome.alarms.create(alarm.name, { when: Date.now() + 3_600_000 });
    }, seed);

    await ext.context.clock.setFixedTime(s.now);
    const popup = await ext.popup();
    if (shot.dark) await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.evaluate(() => document.fonts.ready);
    await popup.waitForTimeout(300);
    await popup.locator('main').screenshot({ path: join(OUT, shot.file) });

    // The options page of the same story, as wide as a browser tab, from its top.
    const options = await ext.context.newPage();
    await options.setViewportSize({ width: 960, height: 900 });
    if (shot.dark) await options.emulateMedia({ colorScheme: 'dark' });
    await options.goto(`chrome-extension://${ext.id}/src/options/index.html`);
    await options.evaluate(() => document.fonts.ready);
    await options.waitForTimeout(300);
    await options.screenshot({ path: join(OUT, shot.file.replace('popup-', 'options-')) });

    const after = await storedState(ext);
    const seeded = seed[KEYS.state(CHATGPT_WATCH_ID)] as typeof after.watch;
    if (after.watch?.latest?.at !== seeded.latest?.at) {
      throw new Error(`the extension checked while ${shot.file} was taken, so it may not show the story; run again`);
    }
    console.log(`docs/screenshots/${shot.file} and its options page  (${shot.lang}, ${shot.timeZone}${shot.dark ? ', dark' : ''})`);
  } finally {
    await ext.close();
    await sim.close();
  }
}

checkBuild();
mkdirSync(OUT, { recursive: true });
for (const shot of SHOTS) await shoot(shot);
