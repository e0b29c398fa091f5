import type { JsonRule } from './kinds/json/read/json-rule';
import type { PageRule } from './kinds/page/read/read-page';
import type { WatchKind } from './kinds/registry';
import { sameValue } from './same-value';

export type WatchRule = PageRule | JsonRule;

/** What the user asked to watch. State and history live under their own keys. */
export interface WatchDef {
  id: string;
  name: string;
  kind: WatchKind;
  /** The page or endpoint; for ChatGPT Plus, chatgpt.com. */
  url: string;
  /** Null for ChatGPT Plus, which has its own probe. */
  rule: WatchRule | null;
  intervalMinutes: number;
  /** A desktop (and channel) alert when it reopens. */
  notify: boolean;
  enabled: boolean;
  /** A page watch read after the page's own scripts ran (src/render/); absent means a plain read. */
  render?: boolean;
  /** The phone and chat channels (ids) its alerts go to; absent means every channel. Never exported: ids are this browser's. */
  channels?: string[];
}

export const MAX_WATCHES = 100;
export const MAX_NAME_LENGTH = 80;
/** As many as there can be channels (src/core/channels/stored.ts). */
export const MAX_WATCH_CHANNELS = 20;

/** A rendered check loads the page's scripts, styles and images: it is never repeated sooner. */
export const MIN_RENDER_INTERVAL_MINUTES = 2;

export const intervalMsOf = (watch: Pick<WatchDef, 'intervalMinutes'>) => watch.intervalMinutes * 60_000;

/**
 * Whether two definitions ask the same question: the same kind, address, rule (by meaning, not
 * key order) and way of reading. Only then does what was read of one hold for the other; a name, an interval or a
 * switch changes nothing a check reads.
 */
export function readsSame(a: Asked, b: Asked): boolean {
  return a.kind === b.kind && a.url === b.url && sameValue(a.rule, b.rule) && (a.render === true) === (b.render === true);
}

/** What a check reads: a rendered page can say what its plain HTML does not, so rendering is part of the question. */
type Asked = Pick<WatchDef, 'kind' | 'url' | 'rule' | 'render'>;

/**
 * The host permission pattern a watch needs, e.g. `https://<host>/*`. Firefox's match patterns
 * have no port (a pattern with one is invalid there and matches every port without one), so its
 * build leaves the port out; Chrome's may name it.
 */
export function originPattern(url: string, withPort = true): string {
  const { protocol, host, hostname } = new URL(url);
  return `${protocol}//${withPort ? host : hostname}/*`;
}

export function originOf(url: string): string {
  return new URL(url).origin;
}

/** Longer addresses are not pages people watch (and some servers refuse them). */
export const MAX_URL_LENGTH = 2048;

/** http(s) only, without credentials in the address; the fragment is dropped (the server never sees it). */
export function checkUrl(value: unknown): string | { problem: string } {
  if (typeof value === 'string' && value.length > MAX_URL_LENGTH) return { problem: `url must be at most ${MAX_URL_LENGTH} characters` };
  if (typeof value !== 'string' || !URL.canParse(value)) return { problem: 'url must be a full web address (https://…)' };
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'url must start with https://' };
  if (url.username || url.password) return { problem: 'url must not contain a user name or password' };
  url.hash = '';
  // Normalising can lengthen an address (escapes): the stored one is held to the bound too.
  return url.href.length > MAX_URL_LENGTH ? { problem: `url must be at most ${MAX_URL_LENGTH} characters` } : url.href;
}
