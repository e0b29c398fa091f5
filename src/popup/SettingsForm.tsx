import browser from 'webextension-polyfill';
import { INTERVAL_CHOICES_MS } from '../core/schedule';
import type { Settings } from '../core/stored-schema';
import { t } from '../shared/i18n';
import type { PopupRequest } from '../shared/protocol';

function intervalLabel(ms: number): string {
  if (ms < 60_000) return t('intervalSeconds', ms / 1000);
  return ms === 60_000 ? t('intervalMinute') : t('intervalMinutes', ms / 60_000);
}

function save(settings: Partial<Settings>) {
  const request: PopupRequest = { type: 'save-settings', settings };
  void browser.runtime.sendMessage(request);
}

/** The check interval and the notifications switch; the worker validates and stores them. */
export function SettingsForm({ settings }: { settings: Settings }) {
  const choices = INTERVAL_CHOICES_MS.includes(settings.intervalMs)
    ? INTERVAL_CHOICES_MS
    : [...INTERVAL_CHOICES_MS, settings.intervalMs].sort((a, b) => a - b);
  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('popupSettings')}</h2>
      <label class="row">
        <span>{t('popupInterval')}</span>
        <select value={String(settings.intervalMs)} onChange={(e) => save({ intervalMs: Number(e.currentTarget.value) })}>
          {choices.map((ms) => (
            <option key={ms} value={String(ms)}>
              {intervalLabel(ms)}
            </option>
          ))}
        </select>
      </label>
      <label class="row">
        <span>{t('popupNotifications')}</span>
        <input
          type="checkbox"
          role="switch"
          aria-checked={settings.notificationsEnabled}
          checked={settings.notificationsEnabled}
          onChange={(e) => save({ notificationsEnabled: e.currentTarget.checked })}
        />
      </label>
    </section>
  );
}
