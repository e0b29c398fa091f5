import { useState } from 'preact/hooks';
import type { Settings } from '../core/stored-fields';
import type { WatchRecord } from '../core/stored-schema';
import { intervalMsOf } from '../core/watch-def';
import { changedAt, rowTone, rowWordKey } from '../shared/glance';
import { formatRelative, t } from '../shared/i18n';
import { intervalChoices, intervalLabel } from '../shared/interval-choices';
import { wordsOf } from '../shared/kind-words';
import { RenderOffer } from '../shared/RenderOffer';
import { CheckNow, PrimaryButton } from './Actions';
import { StatusCard } from './StatusCard';
import { send } from './send';
import { Timeline } from './Timeline';

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
      {open && (
        <div id={detailsId} class="details">
          <StatusCard record={record} settings={settings} now={now} />
          <CheckNow record={record} settings={settings} access={access} />
          <section aria-label={t('popupRecentChanges')}>
            <h3>{t('popupRecentChanges')}</h3>
            <Timeline history={record.history} now={now} />
          </section>
          <IntervalChoice record={record} />
        </div>
      )}
    </li>
  );
}

/** How often this watch is checked; the worker validates and reschedules. */
function IntervalChoice({ record }: { record: WatchRecord }) {
  const current = intervalMsOf(record.def);
  const fast = wordsOf(record.def.kind).fastInterval;
  const choices = intervalChoices(record.def.render === true, current);
  return (
    <div class="settings">
      <label class="row">
        <span>{t('popupInterval')}</span>
        <select
          value={String(current)}
          onChange={(e) =>
            void send({
              type: 'update-watch',
              watchId: record.def.id,
              changes: { intervalMinutes: Number(e.currentTarget.value) / 60_000 },
            })
          }
        >
          {choices.map((ms) => (
            <option key={ms} value={String(ms)}>
              {intervalLabel(ms)}
            </option>
          ))}
        </select>
      </label>
      {fast && current < fast.belowMs && <p class="muted hint">{t(fast.hint, Math.round((2 * 86_400_000) / current).toLocaleString())}</p>}
    </div>
  );
}
