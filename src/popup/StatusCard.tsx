import type { Stored } from '../core/stored-schema';
import { isGoodCheck } from '../core/verdict';
import { formatRelative, formatTime, formatTimeAgo, t } from '../shared/i18n';
import { headline, reasonText, toolbarTone } from '../shared/status-view';

/** The verdict in words and colour, since when, why, and when the last and next checks are. */
export function StatusCard({ stored, now }: { stored: Stored; now: number }) {
  const { watch, settings } = stored;
  const tone = toolbarTone(watch, settings);
  const { latest, confirmed } = watch;
  return (
    <section class={`status tone-${tone}`}>
      {/* Only the headline is live: the times below tick and must not be read out every 15 s. */}
      <h1 class="headline" aria-live="polite">
        {settings.paused ? t('headlineWatchingOff') : headline(watch)}
      </h1>
      {confirmed && (
        <p class="since">
          {t(
            confirmed.availability === 'open' ? 'popupOpenSince' : 'popupPausedSince',
            formatTime(confirmed.since),
            formatRelative(confirmed.since, now),
          )}
        </p>
      )}
      {!latest && !settings.paused && <p class="first-run">{t('popupFirstRun')}</p>}
      {latest?.kind === 'subscribed' && !settings.paused && <p class="muted">{t('popupSubscribedHourly')}</p>}
      {latest && (
        <div class="why">
          <span class="label">{t('popupWhy')}</span> {reasonText(latest.reason)}
          <code class="evidence">{latest.evidence}</code>
        </div>
      )}
      <dl class="times">
        <dt>{t('popupLastCheck')}</dt>
        <dd>{latest ? formatTimeAgo(latest.at, now) : t('popupNever')}</dd>
        {latest && !isGoodCheck(latest.kind) && (
          <>
            <dt>{t('popupLastGood')}</dt>
            <dd>{watch.lastGoodCheckAt ? formatTimeAgo(watch.lastGoodCheckAt, now) : t('popupNever')}</dd>
          </>
        )}
        <dt>{t('popupNextCheck')}</dt>
        <dd>{settings.paused ? t('popupNoNextCheck') : watch.nextCheckAt ? formatTimeAgo(watch.nextCheckAt, now) : '—'}</dd>
      </dl>
    </section>
  );
}
