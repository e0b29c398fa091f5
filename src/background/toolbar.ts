import browser from 'webextension-polyfill';
import type { WatchState } from '../core/watch-state';
import { badgeText, TONE_COLORS, toneOf, tooltip } from '../shared/status-view';

/** The one place that sets the toolbar badge and tooltip. */
export async function renderToolbar(state: WatchState, now: number): Promise<void> {
  const tone = toneOf(state);
  const action = browser.action;
  await Promise.all([
    action.setBadgeText({ text: badgeText(tone) }),
    action.setBadgeBackgroundColor({ color: TONE_COLORS[tone] }),
    // Older Chromium and some Firefox builds lack it; the default text colour is readable anyway.
    action.setBadgeTextColor?.({ color: '#ffffff' }),
    action.setTitle({ title: tooltip(state, now) }),
  ]);
}
