import type { Settings } from '../core/stored-fields';
import type { WatchRecord } from '../core/stored-schema';
import { intervalMsOf } from '../core/watch-def';
import { t } from '../shared/i18n';
import { intervalChoices, intervalLabel } from '../shared/interval-choices';
import { wordsOf } from '../shared/kind-words';
import { CheckNow } from './Actions';
import { StatusCard } from './StatusCard';
import { send } from './send';
import { Timeline } from './Timeline';

/**
 * A watch in full, under its row: the status card, Check now, the timeline, the interval. Loaded
 * with the first details opened (src/popup/WatchRow.tsx), not with the popup: most openings are a
 * glance at the rows (the bench's popup-js-gzip).
 */
export function WatchDetails({
  id,
  record,
  settings,
  now,
  access,
}: {
  id: string;
  record: WatchRecord;
  settings: Settings;
  now: number;
  access: boolean;
}) {
  return (
    <div id={id} class="details">
      <StatusCard record={record} settings={settings} now={now} />
      <CheckNow record={record} settings={settings} access={access} />
      <section aria-label={t('popupRecentChanges')}>
        <h3>{t('popupRecentChanges')}</h3>
        <Timeline history={record.history} now={now} />
      </section>
      <IntervalChoice record={record} />
    </div>
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
