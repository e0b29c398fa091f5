import type { KindSpec } from '../spec';
import { PLUS_REASON_CODES } from './reasons';
import { CHATGPT_ORIGIN, PRICING_URL } from './urls';

/** ChatGPT Plus: the built-in watch, read with the user's own session (./probe.ts). */
export const chatgptPlusSpec = {
  kind: 'chatgpt-plus',
  builtIn: { id: 'chatgpt-plus', name: 'ChatGPT Plus', url: `${CHATGPT_ORIGIN}/` },
  defaultIntervalMinutes: 2,
  // Its two requests are one check; a few seconds apart is enough to see a flag that flickers.
  confirmDelayMs: 4000,
  confirmWaitsForSite: false,
  reasonCodes: PLUS_REASON_CODES,
  ruleTypes: [],
  // In the manifest's host_permissions: never asked for, never released.
  hostPattern: () => `${CHATGPT_ORIGIN}/*`,
  targetUrl: () => PRICING_URL,
  words: {
    kindName: 'optionsKindChatgpt',
    headlines: {
      open: 'headlineOpen',
      paused: 'headlinePaused',
      // ChatGPT has no waiting room; the words are there because every kind speaks every verdict.
      queued: 'watchHeadlineQueued',
      subscribed: 'headlineSubscribed',
      'signed-out': 'headlineSignedOut',
      blocked: 'headlineBlocked',
      'rate-limited': 'headlineRateLimited',
      error: 'headlineError',
    },
    headlineNoAccess: 'headlineNoAccess',
    openTitle: 'notifyOpenTitle',
    reopenedTitle: 'notifyReopenedTitle',
    openBody: 'notifyOpenBody',
    reopenedBody: 'notifyReopenedBody',
    queuedTitle: 'notifyWatchQueuedTitle',
    queuedBody: 'notifyWatchQueuedBody',
    cantCheckTitle: 'notifyCantCheckTitle',
    cantCheckBody: 'notifyCantCheckBody',
    targetAction: 'popupUpgradeNow',
    since: { open: 'popupOpenSince', paused: 'popupPausedSince' },
    toolbarNone: 'titleNone',
    toolbarTitle: 'titleWithTime',
    firstRun: 'popupFirstRun',
    fastInterval: { belowMs: 2 * 60_000, hint: 'popupIntervalHint' },
  },
} as const satisfies KindSpec;
