import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { readChannels } from '../core/channels/stored';
import { CHATGPT_WATCH_ID } from '../core/kinds/chatgpt-plus/built-in';
import { KEYS } from '../core/storage-keys';
import type { WatchRecord } from '../core/stored-schema';
import { rowTone, rowWordKey } from '../shared/glance';
import { formatRelative, t } from '../shared/i18n';
import { send } from '../shared/send';
import { useStored } from '../shared/use-stored';
import { followKeys } from '../shared/view-storage';

/** The options page at one of its places (src/options/App.tsx reads the hash). */
const optionsAt = (place: 'add' | 'add-json' | 'import' | 'channels') => browser.runtime.getURL(`src/options/index.html#${place}`);

/**
 * Opened once, on install: what Reopen Watch does, then "What do you want to watch?" with a way to
 * each kind. The tab's page is not known here, so the page kinds are explained, not guessed.
 */
export function Welcome() {
  const stored = useStored();
  const plus = stored?.watches[CHATGPT_WATCH_ID];
  return (
    <main class="welcome">
      <header class="intro">
        <img src="/icons/icon-128.png" alt="" />
        <div>
          <h1>{t('welcomeTitle')}</h1>
          <p class="lead">{t('welcomeLead')}</p>
        </div>
      </header>
      <section aria-labelledby="what-heading">
        <h2 id="what-heading">{t('welcomeWhatHeading')}</h2>
        <div class="choices">
          {plus && <PlusChoice record={plus} />}
          <PageChoice />
          <article class="choice">
            <h3>{t('welcomeJsonHeading')}</h3>
            <p>{t('welcomeJsonText')}</p>
            <a class="button" href={optionsAt('add-json')}>
              {t('welcomeJsonAction')}
            </a>
          </article>
          <article class="choice">
            <h3>{t('welcomeImportHeading')}</h3>
            <p>{t('welcomeImportText')}</p>
            <a class="button" href={optionsAt('import')}>
              {t('welcomeImportAction')}
            </a>
          </article>
        </div>
      </section>
      <PhoneAlerts />
      <p class="muted footnote">{t('welcomeLater')}</p>
    </main>
  );
}

function PageChoice() {
  return (
    <article class="choice">
      <h3>{t('welcomePageHeading')}</h3>
      <ol>
        <li>{t('welcomePageStep1')}</li>
        <li>{t('welcomePageStep2')}</li>
        <li>{t('welcomePageStep3', t('popupWatchThisPage'))}</li>
      </ol>
      <p class="muted">{t('welcomePagePick', t('popupPickOnPage'))}</p>
    </article>
  );
}

/** The built-in watch, offered: on as installed, one switch to turn it off for those who came for something else. */
function PlusChoice({ record }: { record: WatchRecord }) {
  const { def, state } = record;
  const [failed, setFailed] = useState('');
  const toggle = async (enabled: boolean) => {
    const reply = await send({ type: 'update-watch', watchId: def.id, changes: { enabled } });
    setFailed(reply.ok ? '' : t('welcomePlusFailed'));
    if (reply.ok && enabled) void send({ type: 'check-now', watchId: def.id });
  };
  const tone = rowTone(def, state, true);
  return (
    <article class={`choice tone-${tone}`}>
      <h3>ChatGPT Plus</h3>
      <p>{t('welcomePlusText')}</p>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={def.enabled}
          aria-checked={def.enabled}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />
        {t('welcomePlusSwitch')}
      </label>
      {def.enabled && state.latest?.kind === 'signed-out' && (
        <a class="button" href="https://chatgpt.com/auth/login" target="_blank" rel="noreferrer">
          {t('popupSignInAt', 'chatgpt.com')}
        </a>
      )}
      {def.enabled && state.latest && state.latest.kind !== 'signed-out' && (
        <p class="status-line">{t('welcomePlusNow', t(rowWordKey(def, state, true)), formatRelative(state.latest.at, Date.now()))}</p>
      )}
      {def.enabled && !state.latest && <p class="muted">{t('popupChecking')}</p>}
      {!def.enabled && <p class="muted">{t('welcomePlusOff')}</p>}
      {failed && <p role="alert">{failed}</p>}
    </article>
  );
}

/** One switch: on leads to the options page's channels (ntfy, Telegram, Discord, Slack, a webhook); on while one exists. */
function PhoneAlerts() {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => followKeys([KEYS.channels], (raw) => setCount(readChannels(raw[KEYS.channels]).channels.length)), []);
  const on = (count ?? 0) > 0;
  return (
    <section class="phone" aria-labelledby="phone-heading">
      <h2 id="phone-heading" class="visually-hidden">
        {t('welcomePhoneSwitch')}
      </h2>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          aria-checked={on}
          onChange={(e) => {
            // Setting a channel up (or removing one) is the options page's: the switch only leads there.
            e.currentTarget.checked = on;
            window.location.assign(optionsAt('channels'));
          }}
        />
        {t('welcomePhoneSwitch')}
      </label>
      <p class="muted">{on ? t('welcomePhoneOn', count ?? 0) : t('welcomePhoneText')}</p>
    </section>
  );
}
