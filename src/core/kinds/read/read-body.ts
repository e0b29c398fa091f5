// The one body reader: a fetched response read by its watch's rule. The offscreen document, the
// Firefox event page and the extension's pages all call this; only the DOM parser is theirs.
import { readJsonResponse } from '../json/read/json-rule';
import { readPage } from '../page/read/read-page';
import type { Reading } from '../page/reasons';
import type { ReadRequest } from '../probe';

/** Parses HTML where a DOM exists (the platform's DOMParser; jsdom in tests). */
export type ParseHtml = (html: string) => Document;

export const parseWithDomParser: ParseHtml = (html) => new DOMParser().parseFromString(html, 'text/html');

export function readBody({ rule, response, expectedType }: ReadRequest, parseHtml: ParseHtml = parseWithDomParser): Reading<string> {
  if (rule.type === 'json') return readJsonResponse(response, rule, expectedType);
  return readPage(parseHtml(response.bodyText ?? ''), rule, response);
}
