import type { Reading } from '../reasons';
import { readAuto } from './auto-rule';
import { reading } from './evidence';
import { classifyResponse, type FetchedResponse, headerReader, isHtmlResponse } from './page-response';
import { readText, type TextRule } from './text-rule';

export type PageRule = { type: 'auto' } | TextRule;

/**
 * What the response alone says, before any rule: a challenge, a sign-in, a status, or an answer
 * that is not HTML. Null when it is a page to read (a rendered watch then renders it).
 */
export function readResponse(response: FetchedResponse): Reading | null {
  const early = classifyResponse(response);
  if (early) return early;
  if (isHtmlResponse(response)) return null;
  const type = (headerReader(response)('content-type') ?? '').split(';')[0]?.trim();
  return reading('error', 'not-html', `the answer is ${type ? `${type}, ` : ''}not an HTML page`);
}

/**
 * The one entry point for a checked page: the response first (challenge, sign-in, status), then
 * the rule over the document the caller parsed with the platform's DOMParser (null if it could not).
 */
export function readPage(doc: Document | null, rule: PageRule, response: FetchedResponse): Reading {
  // Without the raw body, script text still carries most challenge markers.
  const full: FetchedResponse = { ...response, bodyText: response.bodyText ?? doc?.documentElement?.textContent ?? '' };
  const early = readResponse(full);
  if (early) return early;
  if (!doc) return reading('error', 'not-html', 'the page could not be parsed');
  if (rule.type === 'auto') return readAuto(doc, full);
  if (rule.type === 'text') return readText(doc, rule, full);
  return reading('error', 'rule-invalid', 'unknown rule type');
}
