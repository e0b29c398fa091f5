import { isGoodCheck } from '../core/verdict';
import type { WatchState } from '../core/watch-state';
import { formatRelative, formatTime, t } from '../shared/i18n';
import { headline, reasonText, toneOf } from '../shared/status-view';

/** The verdict in words and colour, since when, why, and when the last and next checks are. */
export function StatusCard({ watch, now }: { watch: WatchState; now: number }) {
  const tone = toneOf(watch);
  const { latest, confirmed } = watch;
  return (
    <section class={`status tone-${tone}`} aria-live="polite">
      <h1 class="headline">{headline(watch)}</h1>
      {confirmed && (
        <p class="since">
          {t(confirmed.availability === 'open' ? 'popupOpenSince' : 'popupPausedSince', formatTime(confirmed.since))} (
          {formatRelative(confirmed.since, now)})
        </p>
      )}
      {latest && (
        <div class="why">
          <span class="label">{t('popupWhy')}</span> {reasonText(latest.reason)}
          <code class="evidence">{latest.evidence}</code>
        </div>
      )}
      <dl class="times">
        <dt>{t('popupLastCheck')}</dt>
        <dd>{latest ? `${formatTime(latest.at)} (${formatRelative(latest.at, now)})` : t('popupNever')}</dd>
        {latest && !isGoodCheck(latest.kind) && (
          <>
            <dt>{t('popupLastGood')}</dt>
            <dd>{watch.lastGoodCheckAt ? formatRelative(watch.lastGoodCheckAt, now) : t('popupNever')}</dd>
          </>
        )}
        <dt>{t('popupNextCheck')}</dt>
        <dd>{watch.nextCheckAt ? `${formatTime(watch.nextCheckAt)} (${formatRelative(watch.nextCheckAt, now)})` : '—'}</dd>
      </dl>
    </section>
  );
}
