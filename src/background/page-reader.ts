import browser from 'webextension-polyfill';
import type { PageReader } from '../core/kinds';
import type { Reading } from '../core/kinds/page/reasons';

export const OFFSCREEN_PATH = 'src/offscreen/index.html';

/**
 * Firefox's event page has a DOMParser: it parses right here. Chrome's service worker has none, so
 * the page goes to an offscreen document (reason DOM_PARSER), created on demand, one at a time; the
 * document closes itself when idle.
 */
export const readPageHere: PageReader = async ({ rule, response }) => {
  // Loaded only by the Firefox build: Chrome's worker never carries the readers.
  if (rule.type === 'json') return (await import('../core/kinds/json/json-rule')).readJsonResponse(response, rule);
  const { readPage } = await import('../core/kinds/page/read-page');
  const doc = new DOMParser().parseFromString(response.bodyText ?? '', 'text/html');
  return readPage(doc, rule, response);
};

let creating: Promise<void> | null = null;

async function ensureOffscreen(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await chrome.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
    documentUrls: [url],
  });
  if (contexts.length > 0) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER' as chrome.offscreen.Reason],
      justification: 'Read watched pages with the browser’s own HTML parser.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

export const readPageOffscreen: PageReader = async (input) => {
  await ensureOffscreen();
  // A document just created may not have registered its listener yet: try again briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      const reading = (await browser.runtime.sendMessage({ target: 'offscreen', type: 'read-page', ...input })) as
        | Reading<string>
        | { error: string }
        | undefined;
      if (reading && !('error' in reading)) return reading;
      if (reading) throw new Error(reading.error);
      throw new Error('Receiving end does not exist (no answer)');
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('Receiving end does not exist')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
      await ensureOffscreen();
    }
  }
};

export const pageReader: PageReader = (input) => (import.meta.env.MODE === 'firefox' ? readPageHere(input) : readPageOffscreen(input));
