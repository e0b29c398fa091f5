import { dayKey, type History, segmentsBetween, type TimelineState } from '../core/history';
import { barRects, recentChanges, roundTicks, statesShown } from '../core/timeline';
import { formatList, formatTime, formatTimeAgo, type MessageKey, t, tPlural } from '../shared/i18n';

const MAX_WINDOW_MS = 24 * 60 * 60_000;
const MIN_WINDOW_MS = 15 * 60_000;
const WIDTH = 300;
const BAR_HEIGHT = 18;
const LISTED_CHANGES = 4;
const STATE_WORDS: Record<TimelineState, MessageKey> = {
  open: 'stateOpen',
  queued: 'stateQueued',
  paused: 'statePaused',
  subscribed: 'stateSubscribed',
  unknown: 'stateUnknown',
};

/** Labels near an edge hang inwards so they are never cut off. */
const tickAnchor = (at: number) => (at < 24 ? 'start' : at > WIDTH - 24 ? 'end' : 'middle');

const localOffsetMs = (at: number) => -new Date(at).getTimezoneOffset() * 60_000;

/**
 * A drawn bar of open / paused / unknown over time, the recent changes, and today's counts. It spans
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
  const { changes, folded } = recentChanges(history.transitions, LISTED_CHANGES);
  const summary = formatList(changes.map((c) => `${formatTime(c.at)} ${t(STATE_WORDS[c.state])}`));
  return (
    <div class="timeline">
      <svg viewBox={`0 0 ${WIDTH} ${BAR_HEIGHT + 14}`} role="img" aria-label={t('popupRecentChangesLabel', summary)}>
        <rect class="track" x="0" y="0" width={WIDTH} height={BAR_HEIGHT} rx="3" />
        {barRects(segments, start, now, WIDTH).map((r) => (
          <rect key={r.key} class={`seg seg-${r.state}`} x={r.x} y="0" width={r.width} height={BAR_HEIGHT} />
        ))}
        {roundTicks(start, now, localOffsetMs).map((tick) => (
          <g key={tick}>
            <line class="tick-mark" x1={x(tick)} x2={x(tick)} y1={BAR_HEIGHT} y2={BAR_HEIGHT + 3} />
            <text class="tick" x={x(tick)} y={BAR_HEIGHT + 13} text-anchor={tickAnchor(x(tick))}>
              {formatTime(tick)}
            </text>
          </g>
        ))}
      </svg>
      <ul class="legend">
        {statesShown(segments).map((state) => (
          <li key={state}>
            <span class={`swatch seg-${state}`} aria-hidden="true" />
            {t(STATE_WORDS[state])}
          </li>
        ))}
      </ul>
      <ol class="changes">
        {changes.map((c) => (
          <li key={c.at}>
            <span class={`dot seg-${c.state}`} aria-hidden="true" />
            {t(STATE_WORDS[c.state])} · {formatTimeAgo(c.at, now)}
          </li>
        ))}
      </ol>
      {folded > 0 && <p class="muted">{tPlural('popupFolded', folded)}</p>}
      {today && <p class="muted">{tPlural('popupChecksToday', today.checks, today.failed)}</p>}
    </div>
  );
}
