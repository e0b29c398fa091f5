import { useEffect } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Stored } from '../core/stored-schema';
import { byGlance } from '../shared/glance';
import { t } from '../shared/i18n';
import { lazyComponent } from '../shared/lazy';
import { useSiteAccess } from '../shared/use-site-access';
import { useStored } from '../shared/use-stored';
import { saveSettings, send } from './send';
import { useNow } from './use-now';
import { WatchRow, waitingUntil } from './WatchRow';
import { WatchThisPage } from './WatchThisPage';

/** What keeps alerts from arriving is looked up after the first paint (its answers are asynchronous anyway). */
const Warnings = lazyComponent('Warnings', () => import('./Warnings').then((m) => m.Warnings));

export function App() {
  const stored = useStored();
  // A row counting down to its turn ("checks in 8 seconds") ticks every second; otherwise every 15 s.
  const counting = stored?.watchIds.some((id) => stored.watches[id] && waitingUntil(stored.watches[id], Date.now()));
  useNow(counting ? 1000 : 15_000);
  if (!stored) return <main class="popup" aria-busy="true" />;
  // Read the clock on every render: a render caused by fresh data must not show it "in 3 seconds".
  return <Popup stored={stored} now={Date.now()} />;
}

function Popup({ stored, now }: { stored: Stored; now: number }) {
  const records = stored.watchIds.flatMap((id) => (stored.watches[id] ? [stored.watches[id]] : []));
  // With a single watch (a fresh install) its details are the popup, as in 1.x.
  const single = records.length === 1;
  const hasAccess = useSiteAccess(records);
  // Opening the popup is acting on what reopened: "remind me until I act" stops (the worker owns the
  // alarms). Asked only when reminders are on, so opening the popup does not wake the worker for nothing.
  const remind = stored.settings.remindUntilAct;
  useEffect(() => {
    if (remind) void send({ type: 'stop-reminders' });
  }, [remind]);
  const { settings } = stored;
  return (
    <main class="popup">
      <h1 class="visually-hidden">Reopen Watch</h1>
      <Warnings notificationsEnabled={settings.notificationsEnabled} />
      {settings.paused && (
        <section class="status tone-off">
          <h2 class="headline">{t('headlineWatchingOff')}</h2>
          <button type="button" class="big" onClick={() => void saveSettings({ paused: false })}>
            {t('popupResumeWatching')}
          </button>
        </section>
      )}
      <ul class="watch-list">
        {byGlance(records, hasAccess).map((record) => (
          <WatchRow key={record.def.id} record={record} settings={settings} now={now} access={hasAccess(record)} open={single} />
        ))}
      </ul>
      <WatchThisPage knownUrls={records.map((r) => r.def.url)} />
      <section class="settings" aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('popupSettings')}</h2>
        <label class="row">
          <span>{t('popupNotifications')}</span>
          <input
            type="checkbox"
            role="switch"
            aria-checked={settings.notificationsEnabled}
            checked={settings.notificationsEnabled}
            onChange={(e) => void saveSettings({ notificationsEnabled: e.currentTarget.checked })}
          />
        </label>
        <div class="secondary-row">
          {!settings.paused && (
            <button type="button" class="secondary" onClick={() => void saveSettings({ paused: true })}>
              {t('popupPauseWatching')}
            </button>
          )}
          <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popupManage')}
          </button>
        </div>
      </section>
    </main>
  );
}
