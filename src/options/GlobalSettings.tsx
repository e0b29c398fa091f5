import { useState } from 'preact/hooks';
import type { Settings } from '../core/stored-fields';
import { t } from '../shared/i18n';
import { Switch } from './form-parts';
import { send } from './messaging';
import { type Notice, NoticeArea, refusal } from './notice';

/** The switches that apply to every watch: desktop notifications and watching as a whole. */
export function GlobalSettings({ settings }: { settings: Settings }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const save = async (patch: Partial<Settings>) => {
    setNotice(null);
    const reply = await send({ type: 'save-settings', settings: patch });
    // A refusal re-renders with the notice, which puts the switch back to what is stored.
    if (!reply.ok) setNotice(refusal(reply));
  };
  return (
    <section class="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('optionsSettingsHeading')}</h2>
      <Switch
        label={t('optionsDesktopNotifications')}
        checked={settings.notificationsEnabled}
        onChange={(notificationsEnabled) => void save({ notificationsEnabled })}
      />
      <Switch label={t('optionsWatching')} checked={!settings.paused} onChange={(on) => void save({ paused: !on })} />
      <p class="muted hint">{t('optionsWatchingHint')}</p>
      <NoticeArea notice={notice} />
    </section>
  );
}
