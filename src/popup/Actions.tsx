import { useEffect, useState } from 'preact/hooks';
import { targetUrl } from '../core/kinds/registry';
import type { Settings } from '../core/stored-fields';
import type { WatchRecord } from '../core/stored-schema';
import { accessPattern } from '../shared/host-access';
import { t } from '../shared/i18n';
import { wordsOf } from '../shared/kind-words';
import { requestHostAccess } from '../shared/request-access';
import { checkResult, type PrimaryAction, primaryAction } from '../shared/status-view';
import { send } from './send';

type Phase = { type: 'idle' } | { type: 'checking' } | { type: 'done'; at: number } | { type: 'failed' };
/** "Checked just now" stops being true; the line goes away after this long. */
const RESULT_SHOWN_MS = 30_000;

/** A watch's primary action, large, in the state's colour; nothing when "Check now" is the primary. */
export function PrimaryButton({
  record,
  settings,
  access,
  onCheck,
}: {
  record: WatchRecord;
  settings: Settings;
  access: boolean;
  onCheck: () => void;
}) {
  const action: PrimaryAction = primaryAction(record.state, settings, access);
  const host = new URL(record.def.url).host;
  if (action === 'open-target') {
    // A waiting room is joined, not browsed: the button says so.
    const label = record.state.latest?.kind === 'queued' ? t('popupJoinQueue') : t(wordsOf(record.def.kind).targetAction);
    return <ActionLink class="big open" href={targetUrl(record.def)} label={label} />;
  }
  if (action === 'sign-in') return <ActionLink class="big attention" href={record.def.url} label={t('popupSignInAt', host)} />;
  if (action === 'pass-check') return <ActionLink class="big attention" href={record.def.url} label={t('popupPassCheckAt', host)} />;
  if (action === 'grant') {
    const grant = async () => {
      // First call in the click handler: browsers only show the prompt for a user gesture.
      if (await requestHostAccess([accessPattern(record.def)])) onCheck();
    };
    return (
      <button type="button" class="big attention grant" onClick={grant}>
        {t('popupGrantAccessTo', host)}
      </button>
    );
  }
  // 'resume' is one banner for all watches (App), not a button per row.
  return null;
}

/** "Check now" (always reachable; primary when nothing else is) and, after a manual check, what it found. */
export function CheckNow({ record, settings, access }: { record: WatchRecord; settings: Settings; access: boolean }) {
  const [phase, setPhase] = useState<Phase>({ type: 'idle' });
  useEffect(() => {
    if (phase.type !== 'done') return;
    const timer = setTimeout(() => setPhase({ type: 'idle' }), RESULT_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [phase]);
  const primary = primaryAction(record.state, settings, access) === 'check';
  const statusId = `check-status-${record.def.id}`;

  async function checkNow() {
    setPhase({ type: 'checking' });
    const response = await send({ type: 'check-now', watchId: record.def.id });
    setPhase(response.ok ? { type: 'done', at: Date.now() } : { type: 'failed' });
  }

  const status =
    phase.type === 'checking'
      ? t('popupChecking')
      : phase.type === 'failed'
        ? t('popupCheckFailed')
        : phase.type === 'done'
          ? t('popupCheckedResult', checkResult(record.state))
          : '';
  return (
    <div class="check-now">
      <button
        type="button"
        class={primary ? 'primary' : 'secondary'}
        onClick={checkNow}
        disabled={phase.type === 'checking'}
        aria-describedby={statusId}
      >
        {t('popupCheckNow')}
      </button>
      <p id={statusId} class="check-status" role="status">
        {status}
      </p>
    </div>
  );
}

function ActionLink({ href, label, class: className }: { href: string; label: string; class: string }) {
  return (
    <a class={className} href={href} target="_blank" rel="noreferrer">
      {label}
    </a>
  );
}
