import { INTERVAL_CHOICES_MS } from '../core/schedule';
import type { Settings } from '../core/stored-schema';
import { t, tPlural } from '../shared/i18n';
import { saveSettings as save } from './Actions';

function intervalLabel(ms: number): string {
  return ms < 60_000 ? tPlural('intervalSeconds', ms / 1000) : tPlural('intervalMinutes', ms / 60_000);
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
        <select value={String(settings.intervalMs)} onChange={(e) => void save({ intervalMs: Number(e.currentTarget.value) })}>
          {choices.map((ms) => (
            <option key={ms} value={String(ms)}>
              {intervalLabel(ms)}
            </option>
          ))}
        </select>
      </label>
      {settings.intervalMs < 2 * 60_000 && (
        <p class="muted hint">{t('popupIntervalHint', Math.round((2 * 86_400_000) / settings.intervalMs).toLocaleString())}</p>
      )}
      <label class="row">
        <span>{t('popupNotifications')}</span>
        <input
          type="checkbox"
          role="switch"
          aria-checked={settings.notificationsEnabled}
          checked={settings.notificationsEnabled}
          onChange={(e) => void save({ notificationsEnabled: e.currentTarget.checked })}
        />
      </label>
    </section>
  );
}
