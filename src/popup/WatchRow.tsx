import { useState } from 'preact/hooks';
import type { Settings } from '../core/stored-fields';
import type { WatchRecord } from '../core/stored-schema';
import { changedAt, rowTone, rowWordKey } from '../shared/glance';
import { formatRelative, t } from '../shared/i18n';
import { lazyComponent } from '../shared/lazy';
import { RenderOffer } from '../shared/RenderOffer';
import { PrimaryButton } from './Actions';
import { send } from './send';

/** A never-checked watch waiting for its site's per-origin gap (imported ones queue behind each other). */
export const waitingUntil = (record: WatchRecord, now: number): number | null =>
  !record.state.latest && record.def.enabled && (record.state.nextCheckAt ?? 0) > now + 1000 ? record.state.nextCheckAt : null;

/** One watch: name, state in words and colour, since when (one time), its primary action; details on demand. */
export function WatchRow({
  record,
  settings,
  now,
  access,
  open: startOpen,
}: {
  record: WatchRecord;
  settings: Settings;
  now: number;
  /** The extension may read the watch's site (src/popup/use-site-access.ts). */
  access: boolean;
  open: boolean;
}) {
  const [open, setOpen] = useState(startOpen);
  const { def, state } = record;
  const tone = rowTone(def, state, access, settings.paused);
  const detailsId = `details-${def.id}`;
  const waiting = settings.paused ? null : waitingUntil(record, now);
  // One time per row: when its state changed, and the last check only when that reads differently.
  const since = state.latest && tone !== 'off' ? formatRelative(changedAt(record), now) : null;
  const checked = state.latest && !open ? formatRelative(state.latest.at, now) : null;
  return (
    <li class={`watch tone-${tone}`}>
      <div class="watch-line">
        <span class="dot tone-dot" aria-hidden="true" />
        <span class="watch-name">{def.name}</span>
        <button type="button" class="link-button" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
          {t('popupDetails')}
        </button>
      </div>
      <p class="watch-meta small">
        <span class="watch-state">{t(waiting ? 'popupWaitingTurn' : rowWordKey(def, state, access))}</span>
        {waiting ? ` · ${t('popupChecksIn', formatRelative(waiting, now))}` : ''}
        {since ? ` · ${since}` : ''}
        {checked && checked !== since ? ` · ${t('popupCheckedAgo', checked)}` : ''}
        {def.render ? ` · ${t('popupRendered')}` : ''}
      </p>
      <RenderOffer record={record} />
      <PrimaryButton
        record={record}
        settings={settings}
        access={access}
        onCheck={() => void send({ type: 'check-now', watchId: def.id })}
      />
      {open && <LazyDetails id={detailsId} record={record} settings={settings} now={now} access={access} />}
    </li>
  );
}

/** A watch in full loads with the first details opened (./WatchDetails.tsx). */
const LazyDetails = lazyComponent('WatchDetails', () => import('./WatchDetails').then((m) => m.WatchDetails));
