import browser from 'webextension-polyfill';
import type { Settings } from '../core/stored-fields';
import type { Stored, WatchRecord } from '../core/stored-schema';
import type { Summary } from '../core/summary';
import { badgeText, TONE_COLORS, toolbarTone, tooltip } from '../shared/toolbar-view';

/** The one place that sets the toolbar badge and tooltip, from the constant-size summary. */
export async function renderToolbar(summary: Summary, settings: Settings, detail: WatchRecord | null, now: number): Promise<void> {
  const tone = toolbarTone(summary, settings);
  const action = browser.action;
  await Promise.all([
    action.setBadgeText({ text: badgeText(tone) }),
    action.setBadgeBackgroundColor({ color: TONE_COLORS[tone] }),
    // Older Chromium and some Firefox builds lack it; the default text colour is readable anyway.
    action.setBadgeTextColor?.({ color: '#ffffff' }),
    action.setTitle({ title: tooltip(summary, settings, detail, now) }),
  ]);
}

/**
 * The toolbar from every watch: the tooltip itself decides whether one watch is alone enough to
 * speak of (src/shared/toolbar-view.ts); this only hands it the first one switched on.
 */
export function renderToolbarFor(stored: Stored, now: number): Promise<void> {
  const first = stored.watchIds
    .map((id) => (Object.hasOwn(stored.watches, id) ? stored.watches[id] : undefined))
    .find((r) => r?.def.enabled);
  return renderToolbar(stored.summary, stored.settings, first ?? null, now);
}
