import { useState } from 'preact/hooks';
import { specOf } from '../core/kinds/registry';
import type { WatchRecord } from '../core/stored-schema';
import { MIN_RENDER_INTERVAL_MINUTES } from '../core/watch-def';
import { t } from './i18n';
import { refusalText, send } from './send';

/**
 * Offered, not guessed: a plain check that found a page building itself with scripts says so, and
 * one click reads it after rendering from then on (at most every 2 minutes) and checks it at once.
 */
export function RenderOffer({ record }: { record: Pick<WatchRecord, 'def' | 'state'> }) {
  const { def, state } = record;
  const [status, setStatus] = useState<{ type: 'idle' | 'working' } | { type: 'failed'; why: string }>({ type: 'idle' });
  if (def.render || !specOf(def.kind).renders || state.latest?.reason !== 'needs-rendering') return null;
  async function turnOn() {
    setStatus({ type: 'working' });
    const changes = { render: true, intervalMinutes: Math.max(def.intervalMinutes, MIN_RENDER_INTERVAL_MINUTES) };
    const saved = await send({ type: 'update-watch', watchId: def.id, changes });
    if (!saved.ok) return setStatus({ type: 'failed', why: refusalText(saved) });
    // The stored change re-renders the page without this offer; the check's verdict follows.
    void send({ type: 'check-now', watchId: def.id });
  }
  return (
    <div class="render-offer">
      <p class="small">{t('renderOffer')}</p>
      <button type="button" class="secondary" disabled={status.type === 'working'} onClick={() => void turnOn()}>
        {t('renderOfferAction')}
      </button>
      {status.type === 'failed' && (
        <p class="small" role="alert">
          {status.why}
        </p>
      )}
    </div>
  );
}
