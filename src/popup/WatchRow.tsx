import { useState } from 'preact/hooks';
import { INTERVAL_CHOICES_MS } from '../core/schedule';
import type { Settings } from '../core/stored-fields';
import type { WatchRecord } from '../core/stored-schema';
import { toneOf } from '../core/tone';
import { intervalMsOf, MIN_RENDER_INTERVAL_MINUTES } from '../core/watch-def';
import { formatRelative, t, tPlural } from '../shared/i18n';
import { wordsOf } from '../shared/kind-words';
import { RenderOffer } from '../shared/RenderOffer';
import { stateWord } from '../shared/status-view';
import { CheckNow, PrimaryButton } from './Actions';
import { StatusCard } from './StatusCard';
import { send } from './send';
import { Timeline } from './Timeline';

/** One watch: name, state in words and colour, since when, last check; its primary action; details on demand. */
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
  const tone = settings.paused || !def.enabled ? 'off' : toneOf(state);
  const detailsId = `details-${def.id}`;
  const since = state.confirmed ? formatRelative(state.confirmed.since, now) : null;
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
        <span class="watch-state">{stateWord(def, state)}</span>
        {since && tone !== 'off' ? ` · ${since}` : ''}
        {state.latest && !open ? ` · ${t('popupCheckedAgo', formatRelative(state.latest.at, now))}` : ''}
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

function intervalLabel(ms: number): string {
  return ms < 60_000 ? tPlural('intervalSeconds', ms / 1000) : tPlural('intervalMinutes', ms / 60_000);
}

/** How often this watch is checked; the worker validates and reschedules. */
function IntervalChoice({ record }: { record: WatchRecord }) {
  const current = intervalMsOf(record.def);
  const fast = wordsOf(record.def.kind).fastInterval;
  // A rendered read loads the whole page: never offered more often than every 2 minutes.
  const allowed = record.def.render ? INTERVAL_CHOICES_MS.filter((ms) => ms >= MIN_RENDER_INTERVAL_MINUTES * 60_000) : INTERVAL_CHOICES_MS;
  const choices = allowed.includes(current) ? allowed : [...allowed, current].sort((a, b) => a - b);
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
