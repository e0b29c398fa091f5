import { MAX_NAME_LENGTH } from '../../../watch-def';
import type { Reading } from '../reasons';
import { type AutoRule, readAutoFound } from './auto-rule';
import { reading } from './evidence';
import { say } from './evidence-en';
import { classifyResponse, type FetchedResponse, headerReader, isHtmlResponse } from './page-response';
import { queueFromText } from './queue';
import { readText, type TextRule } from './text-rule';
import { visibleText } from './visible-text';

export type PageRule = AutoRule | TextRule;

/**
 * What the response alone says, before any rule: a challenge, a sign-in, a status, or an answer
 * that is not HTML. Null when it is a page to read (a rendered watch then renders it).
 */
export function readResponse(response: FetchedResponse): Reading | null {
  const early = classifyResponse(response);
  if (early) return early;
  if (isHtmlResponse(response)) return null;
  const type = (headerReader(response)('content-type') ?? '').split(';')[0]?.trim();
  return reading('error', 'not-html', type ? say('evNotHtmlType', type) : say('evNotHtml'));
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
  if (!doc) return reading('error', 'not-html', say('evUnparsed'));
  // A waiting room in front of the page says so in words; whatever the rule looks for is behind it.
  const seen = visibleText(doc);
  const queue = queueFromText(seen.text);
  if (queue) return reading('queued', queue.reason, queue);
  const read = readRule(doc, rule, full, seen);
  // The page's own name goes with the reading for Test, which names a new watch by it (never stored).
  const title = doc.title?.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
  return title ? { ...read, title } : read;
}

function readRule(doc: Document, rule: PageRule, full: FetchedResponse, seen: ReturnType<typeof visibleText>): Reading {
  if (rule.type === 'auto') {
    const { reading: read, found } = readAutoFound(doc, rule, seen);
    // What the page's data showed goes with the reading for Test and "Watch this page" (never stored).
    return found.prices.length || found.variants.length ? { ...read, found } : read;
  }
  if (rule.type === 'text') return readText(doc, rule, full, seen);
  return reading('error', 'rule-invalid', say('evUnknownRule'));
}
