import { dayKey, type History, segmentsBetween, type TimelineState } from '../core/history';
import { formatRelative, formatTime, type MessageKey, t } from '../shared/i18n';

const MAX_WINDOW_MS = 24 * 60 * 60_000;
const MIN_WINDOW_MS = 15 * 60_000;
const WIDTH = 300;
const BAR_HEIGHT = 18;
const STATE_WORDS: Record<TimelineState, MessageKey> = {
  open: 'stateOpen',
  paused: 'statePaused',
  subscribed: 'stateSubscribed',
  unknown: 'stateUnknown',
};

/**
 * A drawn bar of open / paused / unknown over time, the latest changes, and today's counts. It spans
 * the history so far, from 15 minutes up to the last 24 hours, so a new install's first minutes are visible.
 */
export function Timeline({ history, now }: { history: History; now: number }) {
  const first = history.transitions[0];
  if (!first) return <p class="muted">{t('popupHistoryEmpty')}</p>;
  const span = Math.min(MAX_WINDOW_MS, Math.max(MIN_WINDOW_MS, now - first.at));
  const start = now - span;
  const segments = segmentsBetween(history.transitions, start, now);
  const x = (at: number) => ((at - start) / span) * WIDTH;
  const today = history.days.find((d) => d.day === dayKey(now));
  const recent = history.transitions.slice(-4).reverse();
  const summary = recent.map((tr) => `${formatTime(tr.at)} ${t(STATE_WORDS[tr.state])}`).join(', ');
  return (
    <div class="timeline">
      <svg viewBox={`0 0 ${WIDTH} ${BAR_HEIGHT + 14}`} role="img" aria-label={`${t('popupHistory')}: ${summary}`}>
        <rect class="track" x="0" y="0" width={WIDTH} height={BAR_HEIGHT} rx="3" />
        {segments.map((s) => (
          <rect
            key={s.from}
            class={`seg seg-${s.state}`}
            x={x(s.from)}
            y="0"
            width={Math.max(1, x(s.to) - x(s.from))}
            height={BAR_HEIGHT}
          />
        ))}
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <text key={f} class="tick" x={f * WIDTH} y={BAR_HEIGHT + 12} text-anchor={f === 0 ? 'start' : f === 1 ? 'end' : 'middle'}>
            {formatTime(start + f * span)}
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
