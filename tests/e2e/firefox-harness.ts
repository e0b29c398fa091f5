// Launches Debian's Firefox ESR headless over WebDriver BiDi (puppeteer-core), installs the built
// add-on from dist-firefox/, and sends chatgpt.com to the simulator through a loopback CONNECT proxy
// (and, when asked, other hosts to theirs: the shop simulator's).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type ConnectProxy, startConnectProxy } from '../sim/connect-proxy';
import { startHostProxy } from '../sim/shop/proxy';
import type { Simulator } from '../sim/simulator';

export const DIST_FIREFOX = fileURLToPath(new URL('../../dist-firefox', import.meta.url));
const GECKO_ID = 'reopen-watch@reopen-watch';
/** Fixed so tests can open the popup at a known moz-extension:// address. */
const EXTENSION_UUID = '5b0c6a5e-7c1e-4a8e-9b51-2f8a4c9d0e11';

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox not found at ${path}. Install it with "sudo apt-get install -y firefox-esr" (Debian/Ubuntu) or set FIREFOX_PATH.`,
    );
  }
  return path;
}

export interface FirefoxExtension {
  browser: Browser;
  /** An extension page (the popup, opened as a tab) to drive and to evaluate browser.* in. */
  popup: Page;
  newPage(): Promise<Page>;
  badge(): Promise<string>;
  title(): Promise<string>;
  notifications(): Promise<string[]>;
  /**
   * Ids of every notification raised since launch, open or already closed: headless Firefox closes
   * them at once, so getAll() alone would miss them. Watched from the popup page.
   */
  notificationsRaised(): Promise<string[]>;
  storage(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Opens an extension page the way the toolbar button would: from the browser's own (chrome) window. */
async function openExtensionPage(browser: Browser, url: string): Promise<Page> {
  const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: any }> } }).connection;
  const chrome = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const script = `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() })`;
  await bidi.send('script.evaluate', { expression: script, target: { context: chrome.result.contexts[0].context }, awaitPromise: false });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url && (await page.evaluate(() => document.querySelector('button') !== null))) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`could not open ${url}`);
}

export interface FirefoxLaunchOptions {
  /**
   * More hosts to tunnel to local simulators (host → loopback port), e.g. the shop simulator's
   * `proxyRoutes()`; chatgpt.com always goes to `sim`, anything else is still refused.
   */
  routes?: () => Record<string, number>;
  /** Extra Firefox prefs, e.g. `extensions.webextOptionalPermissionPrompts: false`. */
  prefs?: Record<string, string | number | boolean>;
}

export async function launchFirefoxExtension(sim: Simulator, options: FirefoxLaunchOptions = {}): Promise<FirefoxExtension> {
  const { routes } = options;
  const proxy: ConnectProxy = routes
    ? await startHostProxy(() => ({ ...routes(), 'chatgpt.com': sim.port }))
    : await startConnectProxy(() => sim.port);
  const profile = mkdtempSync(join(tmpdir(), 'reopen-watch-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    userDataDir: profile,
    // Lets the harness open the extension's page in a tab: WebDriver BiDi refuses to navigate to moz-extension://.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'intl.locale.requested': 'en-US',
      ...options.prefs,
    },
  });
  await browser.installExtension(DIST_FIREFOX);
  const popup = await openExtensionPage(browser, `moz-extension://${EXTENSION_UUID}/src/popup/index.html`);
  const inExtension = <T>(fn: () => Promise<T>) => popup.evaluate(fn) as Promise<T>;
  type Api = typeof globalThis & { browser: typeof chrome; closedNotifications: string[] };
  await popup.evaluate(() => {
    const api = globalThis as Api;
    api.closedNotifications = [];
    api.browser.notifications.onClosed.addListener((id) => api.closedNotifications.push(id));
  });
  return {
    browser,
    popup,
    newPage: () => browser.newPage(),
    badge: () => inExtension(() => (globalThis as Api).browser.action.getBadgeText({})),
    title: () => inExtension(() => (globalThis as Api).browser.action.getTitle({})),
    notifications: () => inExtension(async () => Object.keys(await (globalThis as Api).browser.notifications.getAll())),
    notificationsRaised: () =>
      inExtension(async () => {
        const api = globalThis as Api;
        return [...api.closedNotifications, ...Object.keys(await api.browser.notifications.getAll())];
      }),
    storage: () => inExtension(() => (globalThis as Api).browser.storage.local.get(null)),
    close: async () => {
      await browser.close();
      await proxy.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
