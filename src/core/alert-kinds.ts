/**
 * The three alerts a watch raises, in one vocabulary: the state effect that raises one is
 * `alert-<kind>`, its desktop notification's id `<kind>:<watch id>`, its outbox event and channel
 * message type `<kind>` (channels add `test`, which no watch raises).
 */
export const ALERT_KINDS = ['reopened', 'queued', 'cant-check'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Notification ids name the watch and the alert: a second one replaces the first, and a click knows where to go. */
export const alertNotificationId = (kind: AlertKind, watchId: string): string => `${kind}:${watchId}`;

/** The alert and watch a notification id names, or null for any other notification (the test one). */
export function alertOfNotification(id: string): { kind: AlertKind; watchId: string } | null {
  for (const kind of ALERT_KINDS) {
    const prefix = `${kind}:`;
    if (id.startsWith(prefix) && id.length > prefix.length) return { kind, watchId: id.slice(prefix.length) };
  }
  return null;
}
