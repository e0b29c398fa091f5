// Typed reads of the extension's stored state, and the popup driver the e2e suites share.
import type { Page } from 'playwright-core';
import type { History } from '../../src/core/history';
import { CHATGPT_WATCH_ID } from '../../src/core/kinds/chatgpt-plus/built-in';
import { KEYS } from '../../src/core/storage-keys';
import type { Settings, Stored } from '../../src/core/stored-schema';
import type { WatchDef } from '../../src/core/watch-def';
import type { WatchState } from '../../src/core/watch-state';
import type { Extension } from './harness';
import { waitFor } from './harness';

/**
 * What storage.local holds, as stored (no repair applied), with the built-in ChatGPT Plus watch's
 * keys also under the short names most assertions use: `watch` (its state), `history`, `plus` (its
 * definition). Any of them may be missing while the worker has not written them yet.
 */
export interface StoredView {
  raw: Record<string, unknown>;
  schemaVersion: number;
  settings: Settings;
  watchIds: string[];
  watch: WatchState;
  history: History;
  plus: WatchDef;
}

export async function storedState(ext: Pick<Extension, 'storage'>): Promise<StoredView> {
  return viewOf((await ext.storage()).local as Record<string, unknown>);
}

/** The view of a storage.local snapshot (e.g. Firefox's, read from an extension page). */
export function viewOf(raw: Record<string, unknown>): StoredView {
  return {
    raw,
    schemaVersion: raw.schemaVersion as number,
    settings: raw.settings as Settings,
    watchIds: raw.watchIds as string[],
    watch: raw[KEYS.state(CHATGPT_WATCH_ID)] as WatchState,
    history: raw[KEYS.history(CHATGPT_WATCH_ID)] as History,
    plus: raw[KEYS.def(CHATGPT_WATCH_ID)] as WatchDef,
  };
}

/** One watch's state and history by id. */
export async function watchState(
  ext: Pick<Extension, 'storage'>,
  id: string,
): Promise<{ state?: WatchState; history?: History; def?: WatchDef }> {
  const raw = (await ext.storage()).local as Record<string, unknown>;
  return { state: raw[KEYS.state(id)] as WatchState, history: raw[KEYS.history(id)] as History, def: raw[KEYS.def(id)] as WatchDef };
}

export type { Stored };

/** The headline (h2) of a watch's details in the popup: its state in words. The page's h1 is "Reopen Watch". */
export function headline(popup: Page, watchId = CHATGPT_WATCH_ID): Promise<string | null> {
  return popup.locator(`#details-${watchId} .headline`).textContent();
}

/** Clicks "Check now" in the popup and waits until the worker has stored the new reading. */
export async function checkNow(ext: Extension, popup: Page, timeoutMs = 30_000, watchId = CHATGPT_WATCH_ID): Promise<StoredView> {
  // Storage may be half-written (a test seeded it) until the worker repairs it: no watch yet reads as 0.
  const latestAt = async () => {
    const at = (await watchState(ext, watchId)).state?.latest?.at;
    return typeof at === 'number' ? at : 0;
  };
  const before = await latestAt();
  // As if the site had not been contacted for a while: these suites test other things than the
  // 10 s per-origin spacing (pages.e2e.ts does), and each manual check would wait for it.
  await (await ext.worker()).evaluate(() => chrome.storage.session.clear());
  // The watch's own button, in its details (open from the start with a single watch; opened here otherwise).
  const toggle = popup.locator(`button[aria-controls="details-${watchId}"]`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const button = popup.locator(`#details-${watchId}`).getByRole('button', { name: 'Check now' });
  await button.click();
  await waitFor(
    async () => ({ latestAt: await latestAt(), enabled: await button.isEnabled() }),
    (seen) => seen.latestAt > before && seen.enabled,
    timeoutMs,
    `a reading newer than ${before} stored and "Check now" enabled again`,
  );
  return storedState(ext);
}

/**
 * Forgets when the worker last contacted each origin (src/background/origin-gate.ts keeps that in
 * storage.session as `origin:<origin>`), as if the 10 s per-origin gap had passed: the next check
 * need not wait its turn. For suites that run many checks and are not about that spacing.
 */
export async function forgetOriginContacts(ext: Pick<Extension, 'worker'>): Promise<void> {
  await (await ext.worker()).evaluate(async () => {
    const keys = Object.keys(await chrome.storage.session.get(null)).filter((key) => key.startsWith('origin:'));
    await chrome.storage.session.remove(keys);
  });
}
