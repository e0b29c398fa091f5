import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CHATGPT_ORIGIN, PRICING_URL } from '../core/kinds/chatgpt-plus/probe';
import type { Settings, Stored } from '../core/stored-schema';
import { hasHostAccess, requestHostAccess } from '../shared/host-access';
import { t } from '../shared/i18n';
import type { PopupRequest, WorkerResponse } from '../shared/protocol';
import { checkResult, type PrimaryAction, primaryAction } from '../shared/status-view';

type Phase = { type: 'idle' } | { type: 'checking' } | { type: 'done'; at: number } | { type: 'failed' };
/** "Checked just now" stops being true; the line goes away after this long. */
const RESULT_SHOWN_MS = 30_000;

async function send(request: PopupRequest): Promise<boolean> {
  try {
    const response = (await browser.runtime.sendMessage(request)) as WorkerResponse | undefined;
    return response?.ok === true;
  } catch {
    return false;
  }
}

export function saveSettings(settings: Partial<Settings>): Promise<boolean> {
  return send({ type: 'save-settings', settings });
}

/**
 * The state's primary action, large; "Check now" always reachable (primary when nothing else is);
 * after a manual check, what it found.
 */
export function Actions({ stored }: { stored: Stored }) {
  const { watch, settings } = stored;
  const [phase, setPhase] = useState<Phase>({ type: 'idle' });
  const [access, setAccess] = useState(true);
  useEffect(() => {
    void hasHostAccess().then(setAccess);
  }, [watch]);
  useEffect(() => {
    if (phase.type !== 'done') return;
    const timer = setTimeout(() => setPhase({ type: 'idle' }), RESULT_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [phase]);
  const primary = primaryAction(watch, settings, access);

  async function checkNow() {
    setPhase({ type: 'checking' });
    setPhase((await send({ type: 'check-now' })) ? { type: 'done', at: Date.now() } : { type: 'failed' });
  }

  async function grantAccess() {
    // First call in the click handler: browsers only show the prompt for a user gesture.
    const granted = await requestHostAccess();
    setAccess(granted);
    if (granted) await checkNow();
  }

  const status =
    phase.type === 'checking'
      ? t('popupChecking')
      : phase.type === 'failed'
        ? t('popupCheckFailed')
        : phase.type === 'done'
          ? t('popupCheckedResult', checkResult(watch))
          : '';

  return (
    <div class="actions">
      <PrimaryButton action={primary} onGrant={grantAccess} />
      <div class="secondary-row">
        <button
          type="button"
          class={primary === 'check' ? 'primary' : 'secondary'}
          onClick={checkNow}
          disabled={phase.type === 'checking'}
          aria-describedby="check-status"
        >
          {t('popupCheckNow')}
        </button>
        {!settings.paused && (
          <button type="button" class="secondary" onClick={() => void saveSettings({ paused: true })}>
            {t('popupPauseWatching')}
          </button>
        )}
      </div>
      <p id="check-status" class="check-status" role="status">
        {status}
      </p>
    </div>
  );
}

function PrimaryButton({ action, onGrant }: { action: PrimaryAction; onGrant: () => void }) {
  if (action === 'upgrade') return <ActionLink class="big open" href={PRICING_URL} label={t('popupUpgradeNow')} />;
  if (action === 'sign-in') return <ActionLink class="big attention" href={`${CHATGPT_ORIGIN}/`} label={t('popupSignIn')} />;
  if (action === 'pass-check') return <ActionLink class="big attention" href={`${CHATGPT_ORIGIN}/`} label={t('popupPassCheck')} />;
  if (action === 'grant') {
    return (
      <button type="button" class="big attention grant" onClick={onGrant}>
        {t('popupGrantAccess')}
      </button>
    );
  }
  if (action === 'resume') {
    return (
      <button type="button" class="big" onClick={() => void saveSettings({ paused: false })}>
        {t('popupResumeWatching')}
      </button>
    );
  }
  return null;
}

function ActionLink({ href, label, class: className }: { href: string; label: string; class: string }) {
  return (
    <a class={className} href={href} target="_blank" rel="noreferrer">
      {label}
    </a>
  );
}
