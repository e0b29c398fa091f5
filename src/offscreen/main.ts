// Chrome's offscreen document: parses a watched page with the platform's DOMParser and runs its
// rule. Only the small reading goes back; the document closes itself once idle.
import browser from 'webextension-polyfill';
import { type JsonRule, readJsonResponse } from '../core/kinds/json/json-rule';
import type { FetchedResponse } from '../core/kinds/page/page-response';
import { type PageRule, readPage } from '../core/kinds/page/read-page';

const IDLE_CLOSE_MS = 30_000;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function closeWhenIdle() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => window.close(), IDLE_CLOSE_MS);
}

interface ReadPageMessage {
  target: 'offscreen';
  type: 'read-page';
  rule: PageRule | JsonRule;
  response: FetchedResponse;
}

const isReadPage = (m: unknown): m is ReadPageMessage =>
  typeof m === 'object' && m !== null && (m as ReadPageMessage).target === 'offscreen' && (m as ReadPageMessage).type === 'read-page';

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isReadPage(message)) return undefined;
  closeWhenIdle();
  try {
    const { rule, response } = message;
    if (rule.type === 'json') return Promise.resolve(readJsonResponse(response, rule));
    const doc = new DOMParser().parseFromString(response.bodyText ?? '', 'text/html');
    return Promise.resolve(readPage(doc, rule, response));
  } catch (error) {
    return Promise.resolve({ error: String(error) });
  }
});
closeWhenIdle();
