import type { KindWords } from './spec';

/** How every kind the user points at a site speaks: the watch's own name and host. */
export const SITE_WORDS = {
  headlines: {
    open: 'watchHeadlineOpen',
    paused: 'watchHeadlinePaused',
    queued: 'watchHeadlineQueued',
    subscribed: 'watchHeadlineOpen',
    'signed-out': 'watchHeadlineSignedOut',
    blocked: 'watchHeadlineBlocked',
    'rate-limited': 'watchHeadlineRateLimited',
    error: 'watchHeadlineError',
  },
  headlineNoAccess: 'watchHeadlineNoAccess',
  openTitle: 'notifyWatchOpenTitle',
  reopenedTitle: 'notifyWatchReopenedTitle',
  openBody: 'notifyWatchOpenBody',
  reopenedBody: 'notifyWatchOpenBody',
  queuedTitle: 'notifyWatchQueuedTitle',
  queuedBody: 'notifyWatchQueuedBody',
  cantCheckTitle: 'notifyWatchCantCheckTitle',
  cantCheckBody: 'notifyWatchCantCheckBody',
  targetAction: 'popupOpenPage',
  toolbarNone: 'watchTitleNone',
  toolbarTitle: 'watchTitle',
} as const satisfies Omit<KindWords, 'kindName'>;

/** A site kind's spec parts that do not differ between kinds. */
export const SITE_TARGET = {
  confirmWaitsForSite: true,
  hostPattern: (watch: { url: string }, sitePattern: (url: string) => string) => sitePattern(watch.url),
  targetUrl: (watch: { url: string }) => watch.url,
} as const;
