// The intervals a person picks from, the same list in the popup and the options page's form.
import { INTERVAL_CHOICES_MS } from '../core/schedule';
import { MIN_RENDER_INTERVAL_MINUTES } from '../core/watch-def';
import { tPlural } from './i18n';

/** "30 seconds", "every 5 minutes" in the UI's language. */
export function intervalLabel(ms: number): string {
  return ms < 60_000 ? tPlural('intervalSeconds', ms / 1000) : tPlural('intervalMinutes', ms / 60_000);
}

/**
 * The choices for a watch: a rendered read loads the whole page, so never more often than every
 * 2 minutes; an interval set otherwise (an import, an older version) stays listed as it is.
 */
export function intervalChoices(render: boolean, currentMs: number): number[] {
  const allowed = render ? INTERVAL_CHOICES_MS.filter((ms) => ms >= MIN_RENDER_INTERVAL_MINUTES * 60_000) : INTERVAL_CHOICES_MS;
  return allowed.includes(currentMs) || !(currentMs > 0) ? allowed : [...allowed, currentMs].sort((a, b) => a - b);
}
