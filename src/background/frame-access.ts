// What a rendering frame needs from the browser, granted only for the render and taken back right
// after (src/render/): a session rule lifting X-Frame-Options and CSP frame-ancestors for the
// extension's own frame requests to that one origin (ordinary browsing is untouched), and the
// frame reader, registered for that origin only. Both go at the end of every render, and any a
// killed worker left are cleared before the next render and by the sweep.
import browser from 'webextension-polyfill';
import { originOf, originPattern } from '../core/watch-def';

/** Session rule ids are the extension's own; this one is the rendering frame's. */
export const FRAME_RULE_ID = 16_001;
export const FRAME_READER_ID = 'render-frame-reader';
export const FRAME_GUARD_ID = 'render-frame-guard';
const SCRIPT_IDS = [FRAME_READER_ID, FRAME_GUARD_ID];

/** The extension's own host (Chrome: its id; Firefox: its internal UUID): the initiator of its frame loads. */
const ownHost = () => new URL(browser.runtime.getURL('')).host;

export async function grantFrameAccess(url: string): Promise<void> {
  await clearFrameAccess();
  await browser.declarativeNetRequest.updateSessionRules({
    addRules: [
      {
        id: FRAME_RULE_ID,
        priority: 1,
        action: {
          type: 'modifyHeaders',
          responseHeaders: [
            { header: 'x-frame-options', operation: 'remove' },
            { header: 'content-security-policy', operation: 'remove' },
          ],
        },
        condition: { urlFilter: `|${originOf(url)}/`, resourceTypes: ['sub_frame'], initiatorDomains: [ownHost()] },
      },
    ],
  });
  // Firefox's match patterns have no port; both scripts act only in the host's frame (its name).
  const inFrames = {
    matches: [originPattern(url, import.meta.env.MODE !== 'firefox')],
    allFrames: true,
    runAt: 'document_start' as const,
    persistAcrossSessions: false,
  };
  // Files the build writes (scripts/content-scripts.ts) from src/render/.
  await browser.scripting.registerContentScripts([
    { id: FRAME_READER_ID, js: ['frame-reader.js'], ...inFrames },
    { id: FRAME_GUARD_ID, js: ['frame-guard.js'], world: 'MAIN', ...inFrames },
  ]);
}

/** Removes the rule and the reader registration, whichever exist. */
export async function clearFrameAccess(): Promise<void> {
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [FRAME_RULE_ID] });
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: SCRIPT_IDS });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: registered.map((s) => s.id) });
}
