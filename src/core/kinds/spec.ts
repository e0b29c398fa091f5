// What a watch kind declares about itself, once. The registry (./registry.ts) derives the kind
// list, the reason codes, the confirmation delays and the built-in watches from these; outside
// src/core/kinds nothing asks which kind a watch is, only what its spec says.
import type { VerdictKind } from '../verdict-kinds';

/** The locale keys a kind speaks with (checked against both locales by kinds/specs.test.ts). */
export interface KindWords<K extends string = string> {
  /** The kind in the options page's list ("Page", "JSON", "ChatGPT Plus"). */
  kindName: K;
  /** The popup's headline per verdict; given the watch's host. */
  headlines: Record<VerdictKind, K>;
  /** The headline when the site was never granted; given the host. */
  headlineNoAccess: K;
  /** The desktop and channel alert titles; given the watch's name. */
  openTitle: K;
  reopenedTitle: K;
  /** Those titles by the reason that confirmed the reopening, where the kind says it plainer (a product: "back in stock"). */
  reopenedTitles?: Readonly<Record<string, { open: K; again: K }>>;
  /** The desktop alert's text; given the host. */
  openBody: K;
  reopenedBody: K;
  /** A waiting room opened in front of a paused watch: the title is given the name, the body the host. */
  queuedTitle: K;
  queuedBody: K;
  /** The 6-hour "can't check" alert; the title is given the name, the body the hours. */
  cantCheckTitle: K;
  cantCheckBody: K;
  /** The button that leads to the watched thing ("Upgrade now", "Open page"). */
  targetAction: K;
  /**
   * The row's word for a confirmed state, by the reason that confirmed it, where the kind's own word
   * is plainer than "open"/"paused" (a product page's offers: "in stock"/"sold out").
   */
  stateWords?: Readonly<Record<string, Partial<Record<'open' | 'paused', K>>>>;
  /** Since when the confirmed state holds, in one sentence of the kind's own (given time, relative time). */
  since?: { open: K; paused: K };
  /** The toolbar's tooltip before any check (given the name), and after one (name, headline, time). */
  toolbarNone: K;
  toolbarTitle: K;
  /** Said before the very first check ends. */
  firstRun?: K;
  /** A hint under intervals faster than `belowMs` (given how many checks a day that makes, per 2 days). */
  fastInterval?: { belowMs: number; hint: K };
}

/**
 * A watch whose target is fixed: it has no address or rule of the user's, exists once (with this
 * id) and its site is granted by the manifest.
 */
export interface BuiltInTarget {
  id: string;
  name: string;
  url: string;
}

export interface KindSpec {
  kind: string;
  /** Set for a built-in watch; absent for kinds the user points at a site. */
  builtIn?: BuiltInTarget;
  defaultIntervalMinutes: number;
  /** Wait between a first `open` reading and the re-read that confirms it. */
  confirmDelayMs: number;
  /** The re-read is one more request to the watched site, so it waits for the site's turn. */
  confirmWaitsForSite: boolean;
  /** Every reason its readings can carry. */
  reasonCodes: readonly string[];
  /** The rule types a watch of this kind may have (none for a built-in). */
  ruleTypes: readonly string[];
  /** It may carry one secret request header, sent over https to its own origin only. */
  secretHeader?: boolean;
  /** Its good readings carry the JSON type of the value read, which the watch then expects. */
  valueTypes?: boolean;
  /** Its pages may be read after their own scripts ran (`render: true`, src/render/). */
  renders?: boolean;
  /** The rule a watch gets when none is given. */
  defaultRule?: { type: string };
  /** The host permission pattern a watch needs; `sitePattern` gives a URL's, in this browser's terms. */
  hostPattern(watch: { url: string }, sitePattern: (url: string) => string): string;
  /** Where clicking its alert or primary action leads. */
  targetUrl(watch: { url: string }): string;
  words: KindWords;
}
