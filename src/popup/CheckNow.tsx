import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CHATGPT_ORIGIN, PRICING_URL } from '../core/plus-probe';
import { needsUser } from '../core/verdict';
import type { WatchState } from '../core/watch-state';
import { hasHostAccess, requestHostAccess } from '../shared/host-access';
import { t } from '../shared/i18n';
import type { PopupRequest, WorkerResponse } from '../shared/protocol';

type Phase = 'idle' | 'checking' | 'failed';

/** "Check now" plus the link the user needs next: the upgrade page, or chatgpt.com to sign in. */
export function CheckNow({ watch }: { watch: WatchState }) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [access, setAccess] = useState(true);
  useEffect(() => {
    void hasHostAccess().then(setAccess);
  }, [watch]);
  const signInFirst = watch.latest !== null && needsUser(watch.latest.kind);

  async function grantAccess() {
    const granted = await requestHostAccess();
    setAccess(granted);
    if (granted) await checkNow();
  }

  async function checkNow() {
    setPhase('checking');
    const request: PopupRequest = { type: 'check-now' };
    try {
      const response = (await browser.runtime.sendMessage(request)) as WorkerResponse | undefined;
      setPhase(response?.ok ? 'idle' : 'failed');
    } catch {
      setPhase('failed');
    }
  }

  return (
    <div class="actions">
      {!access && (
        <button type="button" class="primary grant" onClick={grantAccess}>
          {t('popupGrantAccess')}
        </button>
      )}
      <button type="button" class="primary" onClick={checkNow} disabled={phase === 'checking'} aria-describedby="check-status">
        {t('popupCheckNow')}
      </button>
      <span id="check-status" class="check-status" role="status">
        {phase === 'checking' ? t('popupChecking') : phase === 'failed' ? t('popupCheckFailed') : ''}
      </span>
      <a class="link" href={signInFirst ? `${CHATGPT_ORIGIN}/` : PRICING_URL} target="_blank" rel="noreferrer">
        {signInFirst ? t('popupOpenChatGPT') : t('popupOpenPricing')}
      </a>
    </div>
  );
}
