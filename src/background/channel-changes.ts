// The options page saves and removes channels itself, straight into storage.local, so a token
// never travels in a message. The worker follows: deliveries waiting for a channel that is gone
// or switched off are dropped (reported), and a changed channel loses its `broken` mark (the
// user just fixed it; the next send tells again).
import { isRecord } from '../core/channels/text';
import { sameValue } from '../core/same-value';
import { log } from '../shared/log';
import { redactAll, updateChannelStatus } from './channel-health';
import { dropDeliveries, sendDue } from './outbox-sender';
import { onChannelsChanged } from './worker-storage';

type Entry = Record<string, unknown> & { id: string };

/** The entries of a stored list by id; anything damaged is left to the store's repairing read. */
function byId(list: unknown): Map<string, Entry> {
  const entries = Array.isArray(list) ? list.filter((c): c is Entry => isRecord(c) && typeof c.id === 'string') : [];
  return new Map(entries.map((c) => [c.id, c]));
}

export async function followChannelChange(before: unknown, after: unknown): Promise<void> {
  const old = byId(before);
  const now = byId(after);
  for (const [id, entry] of old) {
    const current = now.get(id);
    if (!current) await dropDeliveries(id, 'the channel was removed');
    else if (current.enabled !== true && entry.enabled === true) await dropDeliveries(id, 'the channel was switched off');
  }
  for (const [id, entry] of now) {
    const previous = old.get(id);
    if (previous && sameValue(previous, entry)) continue;
    await updateChannelStatus(id, ({ broken: _, ...rest }) => rest);
    log.info(previous ? 'channel changed' : 'channel added', { channelId: id, type: String(entry.type), enabled: entry.enabled === true });
  }
  // A channel switched back on (or fixed) may have deliveries due.
  void sendDue();
}

export function registerChannelChanges(): void {
  onChannelsChanged((before, after) => {
    void followChannelChange(before, after).catch((error: unknown) =>
      log.warn('channel change not followed', { error: redactAll(String(error)) }),
    );
  });
}
