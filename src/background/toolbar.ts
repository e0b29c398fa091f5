import browser from 'webextension-polyfill';
import type { Stored } from '../core/stored-schema';
import { badgeText, TONE_COLORS, toolbarTone, tooltip } from '../shared/status-view';

/** The one place that sets the toolbar badge and tooltip. */
export async function renderToolbar(stored: Pick<Stored, 'watch' | 'settings'>, now: number): Promise<void> {
  const tone = toolbarTone(stored.watch, stored.settings);
  const action = browser.action;
  await Promise.all([
    action.setBadgeText({ text: badgeText(tone) }),
    action.setBadgeBackgroundColor({ color: TONE_COLORS[tone] }),
    // Older Chromium and some Firefox builds lack it; the default text colour is readable anyway.
    action.setBadgeTextColor?.({ color: '#ffffff' }),
    action.setTitle({ title: tooltip(stored.watch, now, stored.settings) }),
  ]);
}
