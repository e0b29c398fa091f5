// Launches the production build in real headless Chromium, pointed at the simulator, and reads the
// extension's state the way a user would see it: badge, tooltip, notifications, popup.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { Simulator } from '../sim/simulator';
import { chromePath } from './chrome-path';

export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../artifacts', import.meta.url));

export interface LaunchOptions {
  sim: Simulator;
  /** Reuse a profile to test restarts; a fresh one is made otherwise. */
  profileDir?: string;
  /** Browser UI language, e.g. 'zh-CN'; the extension's locale follows it. */
  lang?: string;
  headless?: boolean;
  /** Extra Chromium switches for one suite. */
  extraArgs?: string[];
  /**
   * The unpacked extension to load; dist/ (this build) by default. An unpacked extension's id
   * follows from its folder's path, so new files in the same folder are an update of the same extension.
   */
  extensionDir?: string;
}

export interface Extension {
  context: BrowserContext;
  id: string;
  profileDir: string;
  /** The current service worker (it may be restarted by Chromium; this finds the live one). */
  worker(): Promise<Worker>;
  badge(): Promise<string>;
  title(): Promise<string>;
  notifications(): Promise<string[]>;
  storage(): Promise<Record<string, unknown>>;
  popup(): Promise<Page>;
  /** Stops the service worker the way Chromium does when it is idle (CDP ServiceWorker.stopAllWorkers). */
  stopWorker(): Promise<void>;
  /** Console output of the worker and pages, for leak checks. */
  console: string[];
  close(): Promise<void>;
}

export async function launchExtension(options: LaunchOptions): Promise<Extension> {
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'reopen-watch-profile-'));
  const lang = options.lang ?? 'en-US';
  const extensionDir = options.extensionDir ?? DIST;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromePath(),
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` },
    locale: lang,
    viewport: { width: 380, height: 640 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP chatgpt.com 127.0.0.1:${options.sim.port}`,
      '--ignore-certificate-errors',
      ...(options.extraArgs ?? []),
    ],
  });
  const consoleLines: string[] = [];
  const watched = new WeakSet<Worker>();
  const watchConsole = (w: Worker) => {
    if (watched.has(w)) return;
    watched.add(w);
    w.on('console', (m) => consoleLines.push(m.text()));
  };
  context.on('serviceworker', watchConsole);
  context.on('page', (p) => p.on('console', (m) => consoleLines.push(m.text())));

  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  watchConsole(first);
  const id = new URL(first.url()).host;

  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${id}/`));
    return live.at(-1) ?? context.waitForEvent('serviceworker', { timeout: 20_000 });
  };
  const inWorker = async <T>(fn: () => Promise<T>): Promise<T> => (await worker()).evaluate(fn);

  return {
    context,
    id,
    profileDir,
    worker,
    console: consoleLines,
    badge: () => inWorker(() => chrome.action.getBadgeText({})),
    title: () => inWorker(() => chrome.action.getTitle({})),
    notifications: () => inWorker(async () => Object.keys(await chrome.notifications.getAll())),
    storage: () =>
      inWorker(async () => ({
        local: await chrome.storage.local.get(null),
        sync: await chrome.storage.sync.get(null),
        session: await chrome.storage.session.get(null),
      })),
    popup: async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/src/popup/index.html`);
      await page.getByRole('button', { name: /.+/ }).first().waitFor();
      return page;
    },
    stopWorker: async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    close: async () => {
      await context.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Polls until `read` returns what `ok` accepts and returns that value; throws at the timeout, saying
 * what it waited for (`what`, else the predicate's source), the last value seen and how long it waited.
 */
export async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000, what?: string): Promise<T> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() >= deadline) {
      const waited = Date.now() - started;
      throw new Error(
        `waitFor timed out after ${waited} ms (limit ${timeoutMs} ms) waiting for ${what ?? String(ok)}; last value: ${show(value)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 150));
    value = await read();
  }
  return value;
}

function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 2000 ? `${text.slice(0, 2000)}… (${text.length} characters)` : text;
}
