// The one body reader: a fetched response read by its watch's rule. The offscreen document, the
// Firefox event page and the extension's pages all call this; only the DOM parser is theirs.
import { readJsonResponse } from '../json/read/json-rule';
import type { FetchedResponse } from '../page/read/page-response';
import { type PageRule, readPage, readResponse } from '../page/read/read-page';
import type { Reading } from '../page/reasons';
import type { ReadRequest } from '../probe';

/** Parses HTML where a DOM exists (the platform's DOMParser; jsdom in tests). */
export type ParseHtml = (html: string) => Document;

export const parseWithDomParser: ParseHtml = (html) => new DOMParser().parseFromString(html, 'text/html');

export function readBody({ rule, response, expectedType }: ReadRequest, parseHtml: ParseHtml = parseWithDomParser): Reading<string> {
  if (rule.type === 'json') return readJsonResponse(response, rule, expectedType);
  return readPage(parseHtml(response.bodyText ?? ''), rule, response);
}

/**
 * A rendered page (src/render/): the plain answer first, for what only the response tells
 * (challenge, sign-in, status, not HTML; then there is nothing to render), else null.
 */
export function readShell(response: FetchedResponse | null): Reading<string> | null {
  return response ? readResponse({ ...response, bodyText: response.bodyText ?? '' }) : null;
}

/**
 * The DOM a page's scripts built, serialised in its frame, read by the watch's rule as the plain
 * answer would be: the same response (status, address, headers), the rendered body.
 */
export function readRendered(
  rule: PageRule,
  response: FetchedResponse | null,
  url: string,
  html: string,
  parseHtml: ParseHtml = parseWithDomParser,
): Reading<string> {
  const plain = response ?? {
    status: 200,
    url,
    finalUrl: url,
    redirected: false,
    headers: { 'content-type': 'text/html' },
    bodyText: null,
  };
  return readPage(parseHtml(html), rule, { ...plain, bodyText: html });
}
