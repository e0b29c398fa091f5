// Every key Reopen Watch keeps in browser storage, and the one side that writes it. The worker
// writes only through src/background/worker-storage.ts and the pages (popup, options) only through
// src/shared/view-storage.ts; nothing else touches browser.storage (tests/unit/storage-owners.test.ts).
// storage.local holds every key below but the session ones; storage.sync holds nothing, ever
// (channel configs and request headers are secrets). Pure: the popup imports it without any code.

/** storage.local keys only the worker writes; the pages read them and ask the worker by message. */
export const WORKER_KEYS = {
  /** The schema's version: the worker, when it migrates or repairs. */
  schemaVersion: 'schemaVersion',
  /** The global switches (notifications, pause, reminders, sound): the worker, on a page's message. */
  settings: 'settings',
  /** The watches in display order: the worker, on add, import, remove and reorder messages. */
  watchIds: 'watchIds',
  /** The toolbar's counts, written with each watch's change: the worker. */
  summary: 'summary',
  /** A watch's definition: the worker, on a page's add or edit message. */
  def: (id: string) => `watch:${id}`,
  /** A watch's state (latest and confirmed verdicts, alerts, next check): the worker, after a check or an edit. */
  state: (id: string) => `state:${id}`,
  /** A watch's bounded history: the worker, after a check. */
  history: (id: string) => `history:${id}`,
  /** Each channel's health (broken, last delivered, last lost): the worker, as it sends. */
  channelStatus: 'channelStatus',
  /** Alerts waiting for their channels, delivered at least once across restarts: the worker. */
  outbox: 'outbox',
  /** When the user last acted on alerts, so a lost reminder is not armed again: the worker. */
  remindersActed: 'remindersActed',
} as const;

/** storage.local keys only the pages write: what the user gives them (a secret never travels in a message) and what they asked for. */
export const VIEW_KEYS = {
  /** Channel configs (tokens, topics, webhook URLs): the options page; the worker only reads and sends. */
  channels: 'channels',
  /** A JSON watch's request header: the options page; the worker only removes it, with its watch or when the watch's origin moves. */
  secret: (id: string) => `secret:${id}`,
  /** The sites Reopen Watch itself asked for (only those are ever given back): the page that asked, popup or options. */
  sitesAsked: 'sitesAsked',
} as const;

/** Every storage.local key, by name. */
export const KEYS = { ...WORKER_KEYS, ...VIEW_KEYS } as const;

/** storage.session keys (kept until the browser closes): the worker only. */
export const SESSION_KEYS = {
  /** When a request of ours last left for an origin (10 s apart across watches): the worker's origin gate. */
  originContact: (origin: string) => `origin:${origin}`,
} as const;

/** 1.x's keys (its one watch's state and history): the worker's migration moves and then removes them. */
export const LEGACY_KEYS: readonly string[] = ['watch', 'history'];

/** A watch's own keys: a check reads and writes only these (and the settings and summary). */
export const watchKeys = (id: string) => [KEYS.def(id), KEYS.state(id), KEYS.history(id)];

const DEF_PREFIX = KEYS.def('');
/** The watch id of a definition's key (`watch:<id>`), or null for any other key. */
export const defKeyId = (key: string): string | null => (key.startsWith(DEF_PREFIX) ? key.slice(DEF_PREFIX.length) : null);
