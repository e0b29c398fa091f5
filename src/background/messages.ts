import browser, { type Runtime } from 'webextension-polyfill';
import { EMPTY_HISTORY } from '../core/history';
import { nextDelayMs } from '../core/schedule';
import type { Settings } from '../core/stored-fields';
import { KEYS, type Stored, watchKeys } from '../core/stored-schema';
import { CHATGPT_WATCH_ID, intervalMsOf, MAX_WATCHES, type WatchDef } from '../core/watch-def';
import { checkWatchFile, checkWatchShape } from '../core/watch-shape';
import { INITIAL_WATCH } from '../core/watch-state';
import { log } from '../shared/log';
import { isPageRequest, type PageRequest, type WorkerResponse } from '../shared/protocol';
import { runCheck } from './check-runner';
import { reconcileAlarms, scheduleNext, syncAlarm } from './scheduler';
import { loadAll, updateAll, updateWatch } from './store';
import { renderToolbar } from './toolbar';

/** Only the extension's own pages may drive it; anything else is ignored without an answer. */
function fromOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

export function registerMessages(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if ((message as { target?: unknown } | null)?.target === 'offscreen') return undefined; // for the page reader
    if (!fromOwnPage(sender) || !isPageRequest(message)) {
      log.warn('ignored a message', { from: sender.url ?? sender.id ?? 'unknown' });
      return undefined;
    }
    return handle(message).catch((error: unknown): WorkerResponse => ({ ok: false, error: String(error) }));
  });
}

class Rejected extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

async function handle(request: PageRequest): Promise<WorkerResponse> {
  try {
    return await route(request);
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, error: error.message, problems: error.problems };
    throw error;
  }
}

async function route(request: PageRequest): Promise<WorkerResponse> {
  switch (request.type) {
    case 'check-now': {
      const verdict = await runCheck(String(request.watchId), 'check-now');
      return verdict ? { ok: true, verdict } : { ok: false, error: 'no such watch' };
    }
    case 'save-settings':
      await saveSettings(request.settings);
      return { ok: true };
    case 'add-watch':
      return { ok: true, watchId: await addWatches([request.watch]).then((ids) => ids[0]) };
    case 'import-watches':
      return { ok: true, added: await importFile(request.file) };
    case 'update-watch':
      await editWatch(String(request.watchId), request.changes);
      return { ok: true };
    case 'remove-watch':
      await removeWatch(String(request.watchId));
      return { ok: true };
    case 'reorder-watches':
      await reorder(request.watchIds);
      return { ok: true };
    case 'test-watch':
    case 'set-secret':
      // The pages answer these themselves (src/shared/page-requests.ts).
      return { ok: false, error: `${request.type} is answered by the page` };
  }
}

async function afterListChange(stored: Stored): Promise<void> {
  const now = Date.now();
  await reconcileAlarms(stored, now);
  const single = stored.watchIds.map((id) => stored.watches[id]).filter((r) => r?.def.enabled);
  await renderToolbar(stored.summary, stored.settings, single.length === 1 ? (single[0] ?? null) : null, now);
}

async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const stored = await updateAll((s) => {
    const settings: Settings = {
      notificationsEnabled: typeof patch.notificationsEnabled === 'boolean' ? patch.notificationsEnabled : s.settings.notificationsEnabled,
      paused: typeof patch.paused === 'boolean' ? patch.paused : s.settings.paused,
    };
    return { writes: { [KEYS.settings]: settings } };
  });
  await afterListChange(stored);
}

const newId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 12);

function validated(input: unknown): Omit<WatchDef, 'id'> {
  const checked = checkWatchShape(input);
  if (!checked.ok) throw new Rejected(checked.problems);
  return checked.watch;
}

/** Adds watches (all or nothing); a chatgpt-plus entry updates the built-in watch instead. */
async function addWatches(inputs: unknown[], prevalidated?: Array<Omit<WatchDef, 'id'>>): Promise<string[]> {
  const watches = prevalidated ?? inputs.map(validated);
  const ids: string[] = [];
  const stored = await updateAll((s) => {
    const added = watches.filter((w) => w.kind !== 'chatgpt-plus');
    if (s.watchIds.length + added.length > MAX_WATCHES)
      throw new Rejected([`at most ${MAX_WATCHES} watches; there are ${s.watchIds.length}`]);
    const writes: Record<string, unknown> = {};
    const order = [...s.watchIds];
    for (const watch of watches) {
      if (watch.kind === 'chatgpt-plus') {
        const current = s.watches[CHATGPT_WATCH_ID]?.def;
        if (current)
          writes[KEYS.def(CHATGPT_WATCH_ID)] = {
            ...current,
            intervalMinutes: watch.intervalMinutes,
            notify: watch.notify,
            enabled: watch.enabled,
          };
        ids.push(CHATGPT_WATCH_ID);
        continue;
      }
      const id = newId();
      ids.push(id);
      order.push(id);
      writes[KEYS.def(id)] = { id, ...watch };
      writes[KEYS.state(id)] = { ...INITIAL_WATCH, nextCheckAt: null };
      writes[KEYS.history(id)] = EMPTY_HISTORY;
    }
    // The list last: if the worker dies between the writes, a full load still finds the new watches.
    writes[KEYS.watchIds] = order;
    return { writes };
  });
  await afterListChange(stored);
  log.info('watches added', { count: ids.length });
  return ids;
}

async function importFile(file: unknown): Promise<number> {
  const parsed = checkWatchFile(file);
  if (!parsed.ok) throw new Rejected(parsed.problems);
  return (await addWatches([], parsed.watches)).length;
}

const EDITABLE = new Set(['name', 'url', 'rule', 'intervalMinutes', 'notify', 'enabled']);

async function editWatch(id: string, changes: Record<string, unknown>): Promise<void> {
  const unknown = Object.keys(changes).filter((key) => !EDITABLE.has(key));
  if (unknown.length > 0) throw new Rejected(unknown.map((key) => `"${key}" cannot be changed`));
  let problems: string[] = [];
  const result = await updateWatch(id, (record) => {
    const { id: _id, ...current } = record.def;
    const next = { ...current, ...changes };
    if (record.def.kind === 'chatgpt-plus') Object.assign(next, { url: undefined, rule: undefined });
    const checked = checkWatchShape(record.def.kind === 'chatgpt-plus' ? { ...next, url: undefined, rule: undefined } : next);
    if (!checked.ok) {
      problems = checked.problems;
      return null;
    }
    const def: WatchDef = { id, ...checked.watch };
    // A different page or rule is a different question: what was confirmed about the old one no longer holds.
    const retargeted = def.url !== record.def.url || JSON.stringify(def.rule) !== JSON.stringify(record.def.rule);
    if (retargeted) return { def, state: { ...INITIAL_WATCH } };
    if (def.intervalMinutes === record.def.intervalMinutes) return { def };
    // A new interval counts from the last check, not from whenever the old alarm was due.
    const { latest, failureStreak } = record.state;
    const now = Date.now();
    const nextCheckAt = Math.max(now + 1000, (latest?.at ?? now) + nextDelayMs(latest, failureStreak, intervalMsOf(def), Math.random()));
    return { def, state: { ...record.state, nextCheckAt: def.enabled ? nextCheckAt : null } };
  });
  if (problems.length > 0) throw new Rejected(problems);
  if (!result) throw new Rejected(['no such watch']);
  await syncAlarm(id, result.record.def.enabled ? result.record.state.nextCheckAt : null);
  const stored = await loadAll();
  await afterListChange(stored);
  if (result.record.def.enabled && result.record.state.latest === null) await scheduleNext(id, Date.now() + 1000);
}

async function removeWatch(id: string): Promise<void> {
  if (id === CHATGPT_WATCH_ID) throw new Rejected(['the ChatGPT Plus watch can be switched off but not removed']);
  const stored = await updateAll((s) => {
    if (!s.watches[id]) return null;
    return { writes: { [KEYS.watchIds]: s.watchIds.filter((w) => w !== id) }, removals: [...watchKeys(id), KEYS.secret(id)] };
  });
  await browser.alarms.clear(`check:${id}`);
  await browser.alarms.clear(`watchdog:${id}`);
  await afterListChange(stored);
}

async function reorder(ids: unknown): Promise<void> {
  await updateAll((s) => {
    const list = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
    const same = list.length === s.watchIds.length && new Set(list).size === list.length && list.every((id) => s.watches[id]);
    if (!same) throw new Rejected(['the new order must list every watch once']);
    return { writes: { [KEYS.watchIds]: list } };
  });
}
