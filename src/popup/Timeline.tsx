import { dayKey, type History, segmentsBetween, type TimelineState } from '../core/history';
import { formatRelative, formatTime, type MessageKey, t } from '../shared/i18n';

const WINDOW_MS = 24 * 60 * 60_000;
const WIDTH = 300;
const BAR_HEIGHT = 18;
const STATE_WORDS: Record<TimelineState, MessageKey> = {
  open: 'stateOpen',
  paused: 'statePaused',
  subscribed: 'stateSubscribed',
  unknown: 'stateUnknown',
};

/** A drawn bar of the last 24 hours (open, paused, unknown), the latest changes, and today's counts. */
export function Timeline({ history, now }: { history: History; now: number }) {
  const start = now - WINDOW_MS;
  const segments = segmentsBetween(history.transitions, start, now);
  if (history.transitions.length === 0) return <p class="muted">{t('popupHistoryEmpty')}</p>;
  const x = (at: number) => ((at - start) / WINDOW_MS) * WIDTH;
  const today = history.days[dayKey(now)];
  const recent = history.transitions.slice(-4).reverse();
  const summary = recent.map((tr) => `${formatTime(tr.at)} ${t(STATE_WORDS[tr.state])}`).join(', ');
  return (
    <div class="timeline">
      <svg viewBox={`0 0 ${WIDTH} ${BAR_HEIGHT + 14}`} role="img" aria-label={`${t('popupHistory')}: ${summary}`}>
        <rect class="track" x="0" y="0" width={WIDTH} height={BAR_HEIGHT} rx="3" />
        {segments.map((s) => (
          <rect key={s.from} class={`seg seg-${s.state}`} x={x(s.from)} y="0" width={Math.max(1, x(s.to) - x(s.from))} height={BAR_HEIGHT} />
        ))}
        {[0, 6, 12, 18, 24].map((hoursAgo) => (
          <text key={hoursAgo} class="tick" x={x(now - hoursAgo * 3_600_000)} y={BAR_HEIGHT + 12} text-anchor={hoursAgo === 0 ? 'end' : hoursAgo === 24 ? 'start' : 'middle'}>
            {hoursAgo === 0 ? formatTime(now) : formatTime(now - hoursAgo * 3_600_000)}
          </text>
        ))}
      </svg>
      <ul class="legend">
        {(['open', 'paused', 'subscribed', 'unknown'] as const).map((state) => (
          <li key={state}>
            <span class={`swatch seg-${state}`} aria-hidden="true" />
            {t(STATE_WORDS[state])}
          </li>
        ))}
      </ul>
      <ol class="changes">
        {recent.map((tr) => (
          <li key={tr.at}>
            <span class={`dot seg-${tr.state}`} aria-hidden="true" />
            {t(STATE_WORDS[tr.state])} · {formatTime(tr.at)} ({formatRelative(tr.at, now)})
          </li>
        ))}
      </ol>
      {today && <p class="muted">{t('popupChecksToday', today.checks, today.failed)}</p>}
    </div>
  );
}
