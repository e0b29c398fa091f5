import browser, { type Runtime } from 'webextension-polyfill';
import { applyEdit } from '../core/edit-policy';
import { EMPTY_HISTORY } from '../core/history';
import { builtInWatch } from '../core/kinds/built-ins';
import { isJsonType } from '../core/kinds/json/json-type';
import { isBuiltIn, specOf } from '../core/kinds/registry';
import { own } from '../core/own';
import { KEYS, watchKeys } from '../core/storage-keys';
import type { Settings } from '../core/stored-fields';
import type { Stored } from '../core/stored-schema';
import { checkWatchShape } from '../core/watch-check';
import { MAX_WATCHES, type WatchDef } from '../core/watch-def';
import { checkWatchFile } from '../core/watch-file';
import { INITIAL_WATCH, type WatchState } from '../core/watch-state';
import { log } from '../shared/log';
import { isViewRequest, type ViewRequest, type WorkerResponse } from '../shared/protocol';
import { runCheck } from './check-runner';
import { showTest } from './notifier';
import { testChannel } from './outbox-sender';
import { reconcileAlarms, stopAllReminders } from './scheduler';
import { testWatch } from './test-watch';
import { renderToolbarFor } from './toolbar';
import { dropSecretHeader, updateAll, updateWatch } from './worker-storage';

type Watch = Omit<WatchDef, 'id'>;

/** Only the extension's own pages may drive it; anything else is ignored without an answer. */
function fromOwnView(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

/**
 * What the picker (src/picker/, injected into the user's tab by the popup's **Pick on the page**)
 * may ask: a preview, adding what was picked, and its first check. Nothing else from a web page.
 */
const PICKER_REQUESTS = new Set(['test-watch', 'add-watch', 'check-now']);

function fromPicker(sender: Runtime.MessageSender, message: unknown): boolean {
  return (
    sender.id === browser.runtime.id &&
    sender.tab !== undefined &&
    sender.frameId === 0 &&
    isViewRequest(message) &&
    PICKER_REQUESTS.has(message.type)
  );
}

export function registerMessages(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const to = (message as { target?: unknown; to?: unknown } | null) ?? {};
    // For the page reader, and for the rendering frame's host (src/render/).
    if (to.target === 'offscreen' || to.to === 'render-host') return undefined;
    if (!(fromOwnView(sender) || fromPicker(sender, message)) || !isViewRequest(message)) {
      log.warn('ignored a message', { from: sender.url ?? sender.id ?? 'unknown' });
      return undefined;
    }
    return route(message).catch((error: unknown): WorkerResponse => {
      const problems = (error as { problems?: string[] }).problems;
      return { ok: false, error: problems ? problems.join('; ') : String(error), ...(problems ? { problems } : {}) };
    });
  });
}

/** A refusal whose problems go back to the page as a list. */
const refuse = (problems: string[]) => Object.assign(new Error(problems.join('; ')), { problems });

function shaped<T>(checked: { ok: true; watch: T } | { ok: true; watches: T } | { ok: false; problems: string[] }): T {
  if (!checked.ok) throw refuse(checked.problems);
  return 'watch' in checked ? checked.watch : checked.watches;
}

async function route(request: ViewRequest): Promise<WorkerResponse> {
  const id = String((request as { watchId?: unknown }).watchId);
  switch (request.type) {
    case 'test-notification':
      return { ok: true, notification: await showTest() };
    case 'stop-reminders':
      await stopAllReminders();
      break;
    case 'check-now': {
      const verdict = await runCheck(id, 'check-now');
      return verdict
        ? { ok: true, verdict }
        : {
            ok: false,
            error: 'not checked: no such watch, it changed while it was read, or its site was contacted moments ago (a check is scheduled)',
          };
    }
    case 'add-watch':
      return { ok: true, watchId: (await addWatches([shaped(checkWatchShape(request.watch))], seenType(request.valueType)))[0] };
    case 'import-watches':
      return { ok: true, added: (await addWatches(shaped(checkWatchFile(request.file)))).length };
    case 'update-watch':
      await editWatch(id, request.changes, seenType(request.valueType), request.acceptType === true);
      break;
    case 'save-settings':
      await changeList((s) => ({
        [KEYS.settings]: {
          notificationsEnabled: flag(request.settings.notificationsEnabled, s.settings.notificationsEnabled),
          paused: flag(request.settings.paused, s.settings.paused),
          remindUntilAct: flag(request.settings.remindUntilAct, s.settings.remindUntilAct),
          sound: flag(request.settings.sound, s.settings.sound),
        } satisfies Settings,
      }));
      break;
    case 'remove-watch':
      {
        const builtIn = builtInWatch(id);
        if (builtIn) throw refuse([`the ${builtIn.name} watch can be switched off but not removed`]);
      }
      await changeList(
        (s) => (own(s.watches, id) ? { [KEYS.watchIds]: s.watchIds.filter((w) => w !== id) } : null),
        [...watchKeys(id), KEYS.secret(id)],
      );
      break;
    case 'reorder-watches':
      await changeList((s) => {
        const list = request.watchIds;
        const same =
          Array.isArray(list) &&
          list.length === s.watchIds.length &&
          new Set(list).size === list.length &&
          list.every((w) => own(s.watches, w));
        if (!same) throw refuse(['the new order must list every watch once']);
        return { [KEYS.watchIds]: list };
      });
      break;
    case 'test-watch':
      return testWatch(request);
    case 'test-channel': {
      // Only the id comes in: the worker reads the channel (and its secrets) from storage itself.
      const answer = await testChannel(String(request.channelId));
      return answer.ok ? { ok: true, outcome: answer.outcome } : { ok: false, error: answer.error };
    }
    default:
      // set-secret: the pages answer it themselves (src/shared/view-requests.ts).
      return { ok: false, error: `${request.type} is answered by the page itself` };
  }
  return { ok: true };
}

const flag = (value: unknown, current: boolean) => (typeof value === 'boolean' ? value : current);
/** A JSON value type the editor's Test showed: the user saw it, so the watch expects it. */
// null tells no shape (src/core/kinds/json/read/json-rule.ts), so a watch never expects it.
const seenType = (value: unknown) => (isJsonType(value) && value !== 'null' ? { valueType: value } : {});

/** Writes a change to the list or the settings, then makes alarms and the toolbar follow. */
async function changeList(change: (s: Stored) => Record<string, unknown> | null, removals: string[] = []): Promise<Stored> {
  const stored = await updateAll((s) => {
    const writes = change(s);
    return writes ? { writes, removals } : null;
  });
  const now = Date.now();
  // Alarms of removed or switched-off watches are cleared here too.
  await reconcileAlarms(stored, now);
  await renderToolbarFor(stored, now);
  return stored;
}

/** Adds watches (all or nothing); an entry of a built-in kind updates that built-in watch instead. */
async function addWatches(watches: Watch[], seen: Partial<Pick<WatchState, 'valueType'>> = {}): Promise<string[]> {
  const ids: string[] = [];
  await changeList((s) => {
    const added = watches.filter((w) => !isBuiltIn(w)).length;
    if (s.watchIds.length + added > MAX_WATCHES) throw refuse([`at most ${MAX_WATCHES} watches; there are ${s.watchIds.length}`]);
    const writes: Record<string, unknown> = {};
    const order = [...s.watchIds];
    for (const { url: _url, rule: _rule, name: _name, ...settings } of watches.filter(isBuiltIn)) {
      const builtInId = specOf(settings.kind).builtIn?.id as string;
      writes[KEYS.def(builtInId)] = { ...own(s.watches, builtInId)?.def, ...settings };
      ids.push(builtInId);
    }
    for (const watch of watches.filter((w) => !isBuiltIn(w))) {
      const id = crypto.randomUUID().replace(/-/g, '').slice(0, 12);
      ids.push(id);
      order.push(id);
      // Only a kind whose readings carry value types learns the one its Test showed.
      const state = { ...INITIAL_WATCH, ...(specOf(watch.kind).valueTypes ? seen : {}) };
      Object.assign(writes, { [KEYS.def(id)]: { id, ...watch }, [KEYS.state(id)]: state, [KEYS.history(id)]: EMPTY_HISTORY });
    }
    // The list last: if the worker dies between the writes, a full load still finds the new watches.
    writes[KEYS.watchIds] = order;
    return writes;
  });
  log.info('watches added', { count: ids.length });
  return ids;
}

const EDITABLE = ['name', 'url', 'rule', 'intervalMinutes', 'notify', 'enabled', 'render', 'channels'];

async function editWatch(
  id: string,
  changes: Record<string, unknown>,
  seen: Partial<Pick<WatchState, 'valueType'>>,
  acceptType: boolean,
): Promise<void> {
  const unknown = Object.keys(changes).filter((key) => !EDITABLE.includes(key));
  if (unknown.length > 0) throw refuse(unknown.map((key) => `"${key}" cannot be changed`));
  let problems: string[] = [];
  let dropSecret = false;
  const result = await updateWatch(
    id,
    (record) => {
      const { id: _id, ...current } = record.def;
      const checked = checkWatchShape({ ...current, ...changes, ...(isBuiltIn(current) ? { url: undefined, rule: undefined } : {}) });
      if (!checked.ok) {
        problems = checked.problems;
        return null;
      }
      const outcome = applyEdit(record, { id, ...checked.watch }, { seen, acceptType, now: Date.now(), random: Math.random() });
      dropSecret = outcome.dropSecret;
      return outcome.patch;
    },
    // Removed before the new address is written: no moment where the old header meets the new site.
    async () => {
      if (!dropSecret || !(await dropSecretHeader(id))) return;
      log.info('request header dropped: it belongs to the site it was saved for, over https', { watchId: id });
    },
  );
  if (problems.length > 0 || !result) throw refuse(problems.length > 0 ? problems : ['no such watch']);
  // The reconciliation gives a moved or new time its alarm (and a fresh watch a check soon).
  await changeList(() => null);
}
