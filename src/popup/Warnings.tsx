import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { channelTypeKey } from '../core/channel-names';
import { type MessageKey, t } from '../shared/i18n';
import { notificationsBlocked } from '../shared/notification-permission';
import { followKeys } from '../shared/view-storage';
import { type BrokenChannel, brokenChannels, CHANNEL_KEYS } from './channel-trouble';

/** A channel type's display name, as the options page shows it (the type was read from storage, so it is any text). */
const typeName = (type: string) => t(channelTypeKey(type) as MessageKey);

/**
 * What keeps alerts from reaching the user: the browser blocking notifications (Chrome can tell;
 * Firefox cannot, and shows nothing), and phone/chat channels the worker found broken. Read once
 * when the popup opens (and channels again when they change), never per watch.
 */
export function Warnings({ notificationsEnabled }: { notificationsEnabled: boolean }) {
  const [blocked, setBlocked] = useState(false);
  const [broken, setBroken] = useState<BrokenChannel[]>([]);
  useEffect(() => {
    void notificationsBlocked().then(setBlocked);
    return followKeys(CHANNEL_KEYS, (stored) => setBroken(brokenChannels(stored)));
  }, []);

  // Switched off in Reopen Watch itself: nothing would be shown anyway.
  const showBlocked = blocked && notificationsEnabled;
  if (!showBlocked && broken.length === 0) return null;
  return (
    <section class="warnings" aria-label={t('popupWarnings')}>
      {showBlocked && <p class="warning">{t('popupNotificationsBlocked')}</p>}
      {broken.map((channel) => (
        <div class="warning" key={channel.id}>
          <p>{t('popupChannelBroken', channel.name ?? typeName(channel.type), channel.why)}</p>
          <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popupFixInSettings')}
          </button>
        </div>
      ))}
    </section>
  );
}
