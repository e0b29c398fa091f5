import type { FetchLike } from '../bounded-fetch';
import type { Verdict } from '../verdict';
import type { JsonType } from './json/json-type';
import type { JsonRule } from './json/read/json-rule';
import type { FetchedResponse } from './page/read/page-response';
import type { PageRule } from './page/read/read-page';
import type { Reading } from './page/reasons';

/** One check of a watch and, when it first reads open, the re-read that confirms it. */
export interface Probe {
  check(): Promise<Verdict>;
  confirm(): Promise<Verdict>;
}

/**
 * Reads a fetched body by its rule: HTML with the platform's DOMParser, JSON by pointer. In Chrome
 * this runs in the offscreen document, so the service worker never loads the readers; in Firefox,
 * in the event page.
 */
export type PageReader = (input: ReadRequest) => Promise<Reading<string>>;

/** What a reader is given: the rule, the fetched response, and (JSON) the value type the watch knows. */
export interface ReadRequest {
  rule: PageRule | JsonRule;
  response: FetchedResponse;
  expectedType?: JsonType | null;
}

/**
 * Reads a page after its own scripts ran, in a frame no one sees (src/render/): Chrome's offscreen
 * document, Firefox's event page. One render at a time; it always answers within its cap.
 */
export type PageRenderer = (input: RenderRequest) => Promise<RenderedReading>;

export interface RenderRequest {
  url: string;
  rule: PageRule;
  /** The plain GET's answer, read for challenges, sign-in and status first; null when it revalidated unchanged. */
  response: FetchedResponse | null;
}

/** The reading of the rendered page, with what loading it cost beyond the plain GET. */
export interface RenderedReading extends Reading<string> {
  requests: number;
  bytes: number;
}

export interface ProbeDeps {
  fetch: FetchLike;
  now: () => number;
  readPage: PageReader;
  renderPage: PageRenderer;
  /** The latest stored verdict: its validator lets an unchanged page skip parsing. */
  latest: Verdict | null;
  /** A JSON watch's one request header, from storage.local. */
  secretHeader?: { name: string; value: string } | null;
  /** A JSON watch: the type of the value at its last good reading (WatchState.valueType). */
  expectedValueType?: JsonType | null;
}

/** Runs `steps` and stamps the verdict with when it started and how long it took. */
export async function timed(now: () => number, steps: () => Promise<Omit<Verdict, 'at' | 'durationMs'>>): Promise<Verdict> {
  const at = now();
  const verdict = await steps();
  return { ...verdict, at, durationMs: Math.max(0, now() - at) };
}
