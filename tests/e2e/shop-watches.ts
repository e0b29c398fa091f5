// The watches the 2.0 page e2e suites (pages.e2e.ts in Chromium, pages.firefox.ts in Firefox ESR)
// import against the shop simulator (tests/sim/shop), and small helpers they share.
import type { ShopPage, ShopRequest, ShopSim } from '../sim/shop/server';

/** The seven watched pages of issue 8's e2e list, in the order of the watch file. */
export const WATCHED = ['product', 'cn', 'signup', 'api', 'wall', 'forbidden', 'shell'] as const satisfies readonly ShopPage[];
export type Watched = (typeof WATCHED)[number];

export const NAMES: Record<Watched, string> = {
  product: 'Trailhead 40L Backpack',
  cn: '降噪无线耳机 Pro 2',
  signup: 'Lambda Peak sign-ups',
  api: 'H100 capacity API',
  wall: 'Trail Runner shoes',
  forbidden: 'Night Vision X1',
  shell: 'App-only store item',
};

/** What reopens for real (one alert each) and what never may (zero alerts). */
export const REOPENING: readonly Watched[] = ['product', 'cn', 'signup', 'api'];
export const NEVER_OPEN: readonly Watched[] = ['wall', 'forbidden', 'shell'];

export const FILE_FORMAT = 'reopen-watch/watches';

/** One watch of the import file (DESIGN.md's contract), for the page on the simulator. */
export function watchEntry(shop: Pick<ShopSim, 'urls'>, page: Watched, intervalMinutes: number): Record<string, unknown> {
  const url = shop.urls[page];
  const base = { name: NAMES[page], url, intervalMinutes, notify: true, enabled: true };
  switch (page) {
    case 'signup':
      return {
        ...base,
        kind: 'page',
        rule: { type: 'text', selector: '#status-banner', pausedWhen: ['temporarily paused'], mustShow: 'Create your account' },
      };
    case 'api':
      return { ...base, kind: 'json', rule: { type: 'json', pointer: '/data/available', test: 'truthy' } };
    default:
      return { ...base, kind: 'page', rule: { type: 'auto' } };
  }
}

/** The import file: `{"format": "reopen-watch/watches", "version": 1, "watches": [...]}`. */
export function watchFile(shop: Pick<ShopSim, 'urls'>, pages: readonly Watched[] = WATCHED, intervalMinutes = 10) {
  return { format: FILE_FORMAT, version: 1, watches: pages.map((page) => watchEntry(shop, page, intervalMinutes)) };
}

/** `https://<host>/*`: the optional host permission a watched URL needs. */
export const originPatternOf = (url: string) => `${new URL(url).origin}/*`;

/**
 * Requests the extension made (not the test's own): they come from the browser, whose user agent
 * names it, and never from Node's fetch or the simulator's self-test client.
 */
export const fromBrowser = (r: ShopRequest) => /Chrome|Firefox/.test(r.headers['user-agent'] ?? '');
