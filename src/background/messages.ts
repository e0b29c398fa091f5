import browser, { type Runtime } from 'webextension-polyfill';
import { nextDelayMs } from '../core/schedule';
import { loadStored, type Settings } from '../core/stored-schema';
import { log } from '../shared/log';
import { isPopupRequest, type PopupRequest, type WorkerResponse } from '../shared/protocol';
import { syncAlarm } from './alarm';
import { runCheck } from './check-runner';
import { update } from './store';
import { renderToolbar } from './toolbar';

/** Only the extension's own pages may drive it; anything else is ignored without an answer. */
function fromOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

export function registerMessages(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!fromOwnPage(sender) || !isPopupRequest(message)) {
      log.warn('ignored a message', { from: sender.url ?? sender.id ?? 'unknown' });
      return undefined;
    }
    return handle(message).catch((error: unknown): WorkerResponse => ({ ok: false, error: String(error) }));
  });
}

async function handle(request: PopupRequest): Promise<WorkerResponse> {
  if (request.type === 'check-now') {
    await runCheck('check-now');
    return { ok: true };
  }
  await saveSettings(request.settings);
  return { ok: true };
}

/** Soon after resuming, but not in the same instant as the click. */
const RESUME_DELAY_MS = 2000;

async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const now = Date.now();
  // Inside the write queue: a check committing meanwhile is applied first and kept.
  const after = await update((stored) => {
    // Validate the popup's values the same way stored ones are.
    const settings = loadStored({ ...stored, settings: { ...stored.settings, ...patch } }).data.settings;
    const { latest, failureStreak } = stored.watch;
    let nextCheckAt = stored.watch.nextCheckAt;
    if (settings.paused) nextCheckAt = null;
    else if (stored.settings.paused) nextCheckAt = now + RESUME_DELAY_MS;
    else if (settings.intervalMs !== stored.settings.intervalMs) {
      nextCheckAt = Math.max(now + 1000, (latest?.at ?? now) + nextDelayMs(latest, failureStreak, settings.intervalMs, Math.random()));
    }
    return { settings, watch: { ...stored.watch, nextCheckAt } };
  });
  await syncAlarm(after.watch.nextCheckAt);
  await renderToolbar(after, now);
}
