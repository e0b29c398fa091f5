// Upgrading a real profile (issue 8, item 8): the previous release, as shipped, records paused
// history against the simulator in a fresh profile; then this build's files replace it in the same
// folder (for an unpacked extension the id follows from the folder, so this is an update of the same
// extension), and everything the old version knew must be there under 2.0's per-watch keys — with
// no alert — in that session and after the browser starts again on the same profile.
//
// How the update is applied: Chromium keeps an extension's service worker registered with its
// scripts cached in the profile. Closing the browser, swapping the files and starting it again runs
// the OLD worker from that cache (even with a higher version in the new manifest), so this build would
// never start. An update goes through Chromium's reload instead, as the Web Store updater's install
// does: the files are swapped, then chrome://extensions reloads the extension (developer mode on, or
// Chromium disables a reloaded unpacked extension); the new worker gets onInstalled "update". Then
// the browser is closed and started again, to see what a user sees the next morning.
//
// 1.0 comes from tests/fixtures/releases; 1.1 is built from git (commit 25160e3 on main) into a
// temporary folder at the start of its part, which takes a few seconds.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { History } from '../../src/core/history';
import { CHATGPT_WATCH_ID as PLUS } from '../../src/core/kinds/chatgpt-plus/built-in';
import { KEYS } from '../../src/core/storage-keys';
import type { WatchState } from '../../src/core/watch-state';
import { probeRequests, type Simulator, signIn, startSimulator } from '../sim/simulator';
import { checkNow, headline, type StoredView, storedState } from './extension-state';
import { DIST, type Extension, launchExtension, waitFor } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RELEASE_1_0 = join(ROOT, 'tests/fixtures/releases/reopen-watch-1.0.0-chrome.zip');
/** Release 1.1 on main. */
const COMMIT_1_1 = '25160e3';
const MIN = 60_000;
/** The keys 2.0 keeps with only the built-in watch; 1.x's `watch` and `history` are not among them. */
const OWN_KEYS = ['schemaVersion', 'settings', 'watchIds', 'summary', KEYS.def(PLUS), KEYS.state(PLUS), KEYS.history(PLUS)].sort();

/** What 1.0 (schema 1) and 1.1 (schema 2) keep in storage.local. */
interface OldStored {
  schemaVersion: number;
  settings: { intervalMs: number; notificationsEnabled: boolean; paused?: boolean };
  watch: WatchState;
  history: History;
}

const oldStored = async (ext: Extension) => (await ext.storage()).local as unknown as OldStored;
const checksRecorded = (history: History) => history.days.reduce((n, day) => n + day.checks, 0);

function unzipInto(zip: string, dir: string): void {
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
}

/** Replaces everything in `dir` with the contents of `from`, keeping the folder itself (and so the id). */
function replaceContents(dir: string, from: string): void {
  for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
  cpSync(from, dir, { recursive: true });
}

/** Builds the Chrome extension of `commit` into `out`, from git, with this checkout's node_modules. */
function buildFromGit(commit: string, out: string): void {
  const source = mkdtempSync(join(tmpdir(), `reopen-watch-src-${commit}-`));
  try {
    let tar: Buffer;
    try {
      tar = execFileSync('git', ['archive', '--format=tar', commit], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
    } catch (error) {
      throw new Error(`commit ${commit} (release 1.1) is not in this clone; fetch the full history (git fetch --unshallow): ${error}`);
    }
    execFileSync('tar', ['-x', '-C', source], { input: tar });
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(source, 'node_modules'), 'dir');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: source,
      stdio: 'pipe',
    });
    cpSync(join(source, 'dist'), out, { recursive: true });
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
}

/** The old popup's "Check now": click, then wait until the reading is stored and the button is back. */
async function oldCheckNow(ext: Extension, popup: Page): Promise<OldStored> {
  const before = (await oldStored(ext)).watch?.latest?.at ?? 0;
  const button = popup.getByRole('button', { name: 'Check now' });
  await button.click();
  await waitFor(
    async () => ({ latestAt: (await oldStored(ext)).watch?.latest?.at ?? 0, enabled: await button.isEnabled() }),
    (seen) => seen.latestAt > before && seen.enabled,
    30_000,
    `the old build's reading newer than ${before} stored`,
  );
  return oldStored(ext);
}

interface Upgrade {
  sim: Simulator;
  /** The unpacked extension's folder: the old release first, this build after the update. */
  dir: string;
  profileDir: string;
  ext?: Extension;
  oldId?: string;
  /** What the old release had stored when its browser closed. */
  before?: OldStored;
  /** Simulator requests and console lines before this build started. */
  requestsBefore?: number;
}

async function setUp(): Promise<Upgrade> {
  return {
    sim: await startSimulator({ mode: 'paused' }),
    dir: mkdtempSync(join(tmpdir(), 'reopen-watch-unpacked-')),
    profileDir: mkdtempSync(join(tmpdir(), 'reopen-watch-upgrade-profile-')),
  };
}

async function tearDown(u: Upgrade | undefined): Promise<void> {
  if (!u) return;
  await u.ext?.close().catch(() => undefined);
  await u.sim.close();
  rmSync(u.dir, { recursive: true, force: true });
  rmSync(u.profileDir, { recursive: true, force: true });
}

/**
 * The old release, in a fresh profile: installed signed out, then signed in, the interval set to
 * `intervalLabel`, three checks with "Check now" (paused each time). Returns the old popup, open.
 */
async function recordWithOldRelease(u: Upgrade, intervalLabel: string, intervalMs: number): Promise<{ old: Extension; popup: Page }> {
  const old = await launchExtension({ sim: u.sim, profileDir: u.profileDir, extensionDir: u.dir });
  u.ext = old;
  u.oldId = old.id;
  // It is the old release that runs: no options page, no offscreen permission.
  const manifest = await (await old.worker()).evaluate(() => chrome.runtime.getManifest());
  expect(manifest.options_ui).toBeUndefined();
  expect(await waitFor(old.badge, (b) => b !== '')).toBe('!'); // the install check, signed out
  await signIn(old.context);
  const popup = await old.popup();
  await popup.getByRole('combobox', { name: 'Check every' }).selectOption({ label: intervalLabel });
  await waitFor(
    async () => (await oldStored(old)).settings?.intervalMs,
    (ms) => ms === intervalMs,
  );
  for (let i = 0; i < 3; i++) expect((await oldCheckNow(old, popup)).watch.latest?.kind).toBe('paused');
  expect(await old.badge()).toBe('WAIT');
  return { old, popup };
}

interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }, done: () => void): void;
  reload(id: string, options: { failQuietly: boolean }, done: (error?: unknown) => void): void;
}

/**
 * Puts this build's files in the old release's folder and has Chromium reload the extension from
 * there (see the top of this file): the same extension, now this build, started as an update.
 */
async function updateInPlace(u: Upgrade, old: Extension): Promise<void> {
  u.before = await oldStored(old);
  expect(await old.notifications()).toEqual([]);
  u.requestsBefore = u.sim.requests.length;
  const page = await old.context.newPage();
  await page.goto('chrome://extensions');
  replaceContents(u.dir, DIST);
  const logged = old.console.length;
  const reloadError = await page.evaluate(async (id) => {
    const dev = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
    await new Promise<void>((resolve) => dev.updateProfileConfiguration({ inDeveloperMode: true }, resolve));
    return new Promise<string | null>((resolve) =>
      dev.reload(id, { failQuietly: false }, (error) => resolve(error ? JSON.stringify(error) : null)),
    );
  }, old.id);
  expect(reloadError).toBeNull();
  await page.close();
  // This build's worker, started as an update (its start-up log names the trigger).
  await waitFor(
    async () => old.console.slice(logged).filter((line) => line.includes('started')),
    (lines) => lines.some((line) => line.includes('"trigger":"installed:update"')),
    20_000,
    'this build to start as an update',
  );
  const manifest = await (await old.worker()).evaluate(() => chrome.runtime.getManifest());
  expect(manifest.options_ui?.page).toBe('src/options/index.html');
  u.ext = old;
}

/** Closes the browser and starts it again on the same profile and folder: the same extension, this build. */
async function restart(u: Upgrade): Promise<Extension> {
  if (!u.ext) throw new Error('nothing to restart');
  await u.ext.context.close();
  u.ext = await launchExtension({ sim: u.sim, profileDir: u.profileDir, extensionDir: u.dir });
  expect(u.ext.id).toBe(u.oldId);
  const manifest = await (await u.ext.worker()).evaluate(() => chrome.runtime.getManifest());
  expect(manifest.options_ui?.page).toBe('src/options/index.html');
  return u.ext;
}

/** Waits for the migration to be written: schema 3, the old keys gone. */
async function migrated(ext: Extension): Promise<StoredView> {
  return waitFor(
    () => storedState(ext),
    (s) => s.schemaVersion === 3 && !('watch' in s.raw) && !('history' in s.raw) && s.watch !== undefined,
    20_000,
    'storage migrated to schema 3',
  );
}

/** What the old release knew, unchanged, under the built-in watch's keys. */
function expectCarriedOver(s: StoredView, before: OldStored, intervalMinutes: number): void {
  expect(Object.keys(s.raw).sort()).toEqual(OWN_KEYS);
  expect(s.watchIds).toEqual([PLUS]);
  // No check ran since the update (the next one is the old schedule's), so the state is exactly
  // 1.x's, with 2.1's count of alerts raised (none counted before it) added.
  expect(s.watch).toEqual({ ...before.watch, alertsRaised: 0 });
  expect(s.watch.confirmed).toMatchObject({ availability: 'paused', since: before.watch.confirmed?.since });
  expect(s.history).toEqual(before.history);
  expect(s.history.transitions.map((t) => t.state)).toContain('paused');
  expect(checksRecorded(s.history)).toBe(checksRecorded(before.history));
  expect(s.plus).toMatchObject({ id: PLUS, kind: 'chatgpt-plus', intervalMinutes, enabled: true, notify: true });
}

describe('upgrading from 1.0 (the released build)', () => {
  let u: Upgrade | undefined;

  beforeAll(async () => {
    u = await setUp();
    unzipInto(RELEASE_1_0, u.dir);
    expect(JSON.parse(readFileSync(join(u.dir, 'manifest.json'), 'utf8')).version).toBe('1.0.0');
  });

  afterAll(() => tearDown(u));

  it('1.0 records paused history with a 30-minute interval', async () => {
    if (!u) throw new Error('no set-up');
    const { old } = await recordWithOldRelease(u, '30 minutes', 30 * MIN);
    const stored = await oldStored(old);
    expect(stored.schemaVersion).toBe(1);
    expect(stored.settings).toEqual({ intervalMs: 30 * MIN, notificationsEnabled: true });
    expect(stored.watch.confirmed?.availability).toBe('paused');
    expect(stored.history.transitions.map((t) => t.state)).toContain('paused');
    expect(checksRecorded(stored.history)).toBeGreaterThanOrEqual(4); // the install check and three more
    // The next check is half an hour away, so none is due while the extension is updated and restarted.
    expect(stored.watch.nextCheckAt).toBeGreaterThan(Date.now() + 20 * MIN);
  });

  it('this build replaces it (same id, started as an update): migrated at once, no check, no alert, WAIT', async () => {
    if (!u?.ext) throw new Error('1.0 did not run');
    const logged = u.ext.console.length;
    await updateInPlace(u, u.ext);
    const { ext, before } = u as Required<Upgrade>;
    const s = await migrated(ext);
    expect(s.settings).toEqual({ notificationsEnabled: true, paused: false });
    expectCarriedOver(s, before, 30);
    expect(await waitFor(ext.badge, (b) => b !== '')).toBe('WAIT');
    expect(probeRequests(u.sim, u.requestsBefore)).toEqual([]);
    expect(await ext.notifications()).toEqual([]);
    const log = ext.console.slice(logged).join('\n');
    expect(log).not.toContain('notification shown');
    expect(log).not.toContain('storage repaired');
  });

  it('after a browser restart: WAIT at start-up, state, history and interval as 1.0 left them, the schedule kept, no alert', async () => {
    if (!u?.ext || !u.before) throw new Error('the update did not happen');
    const ext = await restart(u);
    const { before } = u;
    expect(await waitFor(ext.badge, (b) => b !== '', 10_000)).toBe('WAIT');
    expect(await ext.title()).toMatch(/^ChatGPT Plus upgrades are paused \(checked at .+\)\.$/);
    const s = await migrated(ext);
    expect(s.settings).toEqual({ notificationsEnabled: true, paused: false });
    expectCarriedOver(s, before, 30);
    expect(probeRequests(u.sim, u.requestsBefore)).toEqual([]);
    // The schedule carried over: the watch's alarm at 1.0's next-check time, and the sweep.
    const alarms = await (await ext.worker()).evaluate(() => chrome.alarms.getAll());
    expect(alarms.find((a) => a.name === `check:${PLUS}`)?.scheduledTime).toBe(before.watch.nextCheckAt);
    expect(alarms.some((a) => a.name === 'sweep')).toBe(true);
    expect(await ext.notifications()).toEqual([]);
    const log = ext.console.join('\n');
    expect(log).not.toContain('notification shown');
    expect(log).not.toContain('storage repaired');
  });

  it('the 2.0 popup shows what 1.0 knew, and checking goes on from there', async () => {
    if (!u?.ext || !u.before) throw new Error('the update did not happen');
    const { ext, before } = u;
    const popup = await ext.popup();
    await expect.poll(() => headline(popup)).toBe('ChatGPT Plus upgrades are paused');
    await expect.poll(() => popup.locator(`#details-${PLUS} .since`).textContent()).toMatch(/^Paused since /);
    expect(await popup.getByRole('combobox', { name: 'Check every' }).inputValue()).toBe(String(30 * MIN));
    const s = await checkNow(ext, popup);
    expect(s.watch.latest?.kind).toBe('paused');
    expect(s.watch.confirmed?.since).toBe(before.watch.confirmed?.since);
    expect(s.history.transitions.slice(0, before.history.transitions.length)).toEqual(before.history.transitions);
    expect(checksRecorded(s.history)).toBe(checksRecorded(before.history) + 1);
    expect(await ext.badge()).toBe('WAIT');
    expect(await ext.notifications()).toEqual([]);
  });
});

describe('upgrading from 1.1 (built from git), watching switched off', () => {
  let u: Upgrade | undefined;

  beforeAll(async () => {
    u = await setUp();
    buildFromGit(COMMIT_1_1, u.dir);
    expect(existsSync(join(u.dir, 'manifest.json'))).toBe(true);
  });

  afterAll(() => tearDown(u));

  it('1.1 records paused history with a 15-minute interval, then watching is turned off', async () => {
    if (!u) throw new Error('no set-up');
    const { old, popup } = await recordWithOldRelease(u, '15 minutes', 15 * MIN);
    await popup.getByRole('button', { name: 'Turn off watching' }).click();
    await waitFor(old.badge, (b) => b === 'OFF');
    const stored = await oldStored(old);
    expect(stored.schemaVersion).toBe(2);
    expect(stored.settings).toEqual({ intervalMs: 15 * MIN, notificationsEnabled: true, paused: true });
    expect(stored.watch.confirmed?.availability).toBe('paused');
  });

  it('this build replaces it: still off (OFF, no check scheduled), state, history and interval kept, no alert', async () => {
    if (!u?.ext) throw new Error('1.1 did not run');
    await updateInPlace(u, u.ext);
    const { ext, before } = u as Required<Upgrade>;
    const s = await migrated(ext);
    expect(s.settings).toEqual({ notificationsEnabled: true, paused: true });
    expectCarriedOver(s, before, 15);
    expect(await waitFor(ext.badge, (b) => b !== '')).toBe('OFF');
    expect(await ext.notifications()).toEqual([]);
  });

  it('after a browser restart: OFF at start-up, nothing scheduled, nothing checked, nothing lost', async () => {
    if (!u?.ext || !u.before) throw new Error('the update did not happen');
    const ext = await restart(u);
    expect(await waitFor(ext.badge, (b) => b !== '', 10_000)).toBe('OFF');
    const s = await migrated(ext);
    expect(s.settings).toEqual({ notificationsEnabled: true, paused: true });
    expectCarriedOver(s, u.before, 15);
    expect(probeRequests(u.sim, u.requestsBefore)).toEqual([]);
    const alarms = await (await ext.worker()).evaluate(() => chrome.alarms.getAll());
    expect(alarms.filter((a) => a.name.startsWith('check:'))).toEqual([]);
    expect(await ext.notifications()).toEqual([]);
    expect(ext.console.join('\n')).not.toContain('storage repaired');
  });

  it('turned back on in the 2.0 popup: WAIT from what 1.1 knew, checks scheduled again', async () => {
    if (!u?.ext || !u.before) throw new Error('the update did not happen');
    const { ext, before } = u;
    const popup = await ext.popup();
    await expect.poll(() => headline(popup)).toBe('Watching is off — no checks run');
    await popup.getByRole('button', { name: 'Turn watching back on' }).click();
    await waitFor(ext.badge, (b) => b === 'WAIT');
    const alarms = await waitFor(
      async () => (await (await ext.worker()).evaluate(() => chrome.alarms.getAll())).filter((a) => a.name === `check:${PLUS}`),
      (list) => list.length === 1,
    );
    expect(alarms[0]?.scheduledTime).toBeGreaterThan(Date.now());
    const s = await storedState(ext);
    expect(s.settings.paused).toBe(false);
    expect(s.watch.confirmed).toMatchObject({ availability: 'paused', since: before.watch.confirmed?.since });
    expect(s.history.transitions.slice(0, before.history.transitions.length)).toEqual(before.history.transitions);
    await expect.poll(() => headline(popup)).toBe('ChatGPT Plus upgrades are paused');
    expect(await ext.notifications()).toEqual([]);
  });
});
