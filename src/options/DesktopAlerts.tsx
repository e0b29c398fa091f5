import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CHIME_PATH } from '../background/chime';
import type { Settings } from '../core/stored-fields';
import { t } from '../shared/i18n';
import { notificationsBlocked } from '../shared/notification-permission';
import { Switch } from './form-parts';
import { send } from './messaging';
import { type Notice, NoticeArea, refusal } from './notice';

/**
 * How desktop alerts reach the user: a test notification that says whether it was shown or blocked
 * (and how to allow it), the chime with a preview, and "remind me until I act".
 */
export function DesktopAlerts({ settings }: { settings: Settings }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    void notificationsBlocked().then(setBlocked);
  }, []);

  const save = async (patch: Partial<Settings>) => {
    setNotice(null);
    const reply = await send({ type: 'save-settings', settings: patch });
    // A refusal re-renders with the notice, which puts the switch back to what is stored.
    if (!reply.ok) setNotice(refusal(reply));
  };
  const sendTest = async () => {
    setNotice(null);
    const reply = await send({ type: 'test-notification' });
    if (!reply.ok) return setNotice(refusal(reply));
    const refused = reply.notification === 'blocked';
    setBlocked(refused);
    setNotice({ tone: refused ? 'error' : 'ok', text: t(refused ? 'optionsTestNotificationBlocked' : 'optionsTestNotificationShown') });
  };
  const preview = () => {
    setNotice(null);
    new Audio(browser.runtime.getURL(CHIME_PATH)).play().catch(() => setNotice({ tone: 'error', text: t('optionsSoundFailed') }));
  };

  return (
    <section class="card" aria-labelledby="desktop-alerts-heading">
      <h2 id="desktop-alerts-heading">{t('optionsDesktopAlertsHeading')}</h2>
      {!settings.notificationsEnabled && <p class="watching-off">{t('optionsDesktopAlertsOff')}</p>}
      {/* Known before any test (Chrome says so): the test's own answer replaces it. */}
      {blocked && !notice && <div class="notice error">{t('optionsTestNotificationBlocked')}</div>}
      <div class="button-row">
        <button type="button" class="secondary" onClick={() => void sendTest()}>
          {t('optionsSendTestNotification')}
        </button>
      </div>
      <NoticeArea notice={notice} />
      <div class="button-row">
        <Switch label={t('optionsSound')} checked={settings.sound} onChange={(sound) => void save({ sound })} />
        <button type="button" class="secondary" onClick={preview}>
          {t('optionsPlaySound')}
        </button>
      </div>
      <Switch
        label={t('optionsRemindUntilAct')}
        checked={settings.remindUntilAct}
        onChange={(remindUntilAct) => void save({ remindUntilAct })}
      />
      <p class="muted hint">{t('optionsRemindUntilActHint')}</p>
    </section>
  );
}
