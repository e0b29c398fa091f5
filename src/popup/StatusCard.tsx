import type { Settings } from '../core/stored-fields';
import type { WatchRecord } from '../core/stored-schema';
import { isGoodCheck } from '../core/verdict';
import { evidenceText } from '../shared/evidence-text';
import { confirmedWordKey } from '../shared/glance';
import { formatRelative, formatTime, formatTimeAgo, t } from '../shared/i18n';
import { wordsOf } from '../shared/kind-words';
import { headline, reasonText, toneOf } from '../shared/status-view';

/** One watch in full: the verdict in words and colour, since when, why, last and next check. */
export function StatusCard({ record, settings, now }: { record: WatchRecord; settings: Settings; now: number }) {
  const { def, state } = record;
  const off = settings.paused || !def.enabled;
  const tone = off ? 'off' : toneOf(state);
  const { latest, confirmed } = state;
  const words = wordsOf(def.kind);
  return (
    <section class={`status tone-${tone}`} aria-label={def.name}>
      {/* Only the headline is live: the times below tick and must not be read out every 15 s. */}
      <h2 class="headline" aria-live="polite">
        {settings.paused ? t('headlineWatchingOff') : headline(def, state)}
      </h2>
      {confirmed && (
        <p class="since">
          {words.since
            ? t(words.since[confirmed.availability], formatTime(confirmed.since), formatRelative(confirmed.since, now))
            : t(
                'popupStateSince',
                t(confirmedWordKey(def.kind, confirmed)),
                formatTime(confirmed.since),
                formatRelative(confirmed.since, now),
              )}
        </p>
      )}
      {!latest && !off && words.firstRun && <p class="first-run">{t(words.firstRun)}</p>}
      {latest?.kind === 'subscribed' && !off && <p class="muted">{t('popupSubscribedHourly')}</p>}
      {latest && (
        <div class="why">
          <span class="label">{t('popupWhy')}</span> {reasonText(latest.reason, def)}
          <code class="evidence">{evidenceText(latest)}</code>
        </div>
      )}
      <dl class="times">
        <dt>{t('popupLastCheck')}</dt>
        <dd>{latest ? formatTimeAgo(latest.at, now) : t('popupNever')}</dd>
        {latest && !isGoodCheck(latest.kind) && (
          <>
            <dt>{t('popupLastGood')}</dt>
            <dd>{state.lastGoodCheckAt ? formatTimeAgo(state.lastGoodCheckAt, now) : t('popupNever')}</dd>
          </>
        )}
        <dt>{t('popupNextCheck')}</dt>
        <dd>{off ? t('popupNoNextCheck') : state.nextCheckAt ? formatTimeAgo(state.nextCheckAt, now) : '—'}</dd>
      </dl>
    </section>
  );
}
