import type { Reading } from '../reasons';
import { readAuto } from './auto-rule';
import { reading } from './evidence';
import { classifyResponse, type FetchedResponse, headerReader, isHtmlResponse } from './page-response';
import { readText, type TextRule } from './text-rule';

export type PageRule = { type: 'auto' } | TextRule;

/**
 * The one entry point for a checked page: the response first (challenge, sign-in, status), then
 * the rule over the document the caller parsed with the platform's DOMParser (null if it could not).
 */
export function readPage(doc: Document | null, rule: PageRule, response: FetchedResponse): Reading {
  // Without the raw body, script text still carries most challenge markers.
  const full: FetchedResponse = { ...response, bodyText: response.bodyText ?? doc?.documentElement?.textContent ?? '' };
  const early = classifyResponse(full);
  if (early) return early;
  if (!isHtmlResponse(full)) {
    const type = (headerReader(full)('content-type') ?? '').split(';')[0]?.trim();
    return reading('error', 'not-html', `the answer is ${type ? `${type}, ` : ''}not an HTML page`);
  }
  if (!doc) return reading('error', 'not-html', 'the page could not be parsed');
  if (rule.type === 'auto') return readAuto(doc, full);
  if (rule.type === 'text') return readText(doc, rule, full);
  return reading('error', 'rule-invalid', 'unknown rule type');
}
