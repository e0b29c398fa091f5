// Checks a stored event (the outbox persists them), so damaged storage never reaches a channel.
import { ALERT_KINDS } from './alert-kinds';
import { isRecord } from './channels/text';
import type { ChannelEvent, ChannelEventType } from './channels/types';

const EVENT_TYPES: readonly ChannelEventType[] = [...ALERT_KINDS, 'test'];
const STRINGS = ['id', 'state', 'evidence', 'title', 'body', 'link'] as const;

export function isChannelEvent(value: unknown): value is ChannelEvent {
  if (!isRecord(value) || !isRecord(value.watch)) return false;
  const { watch } = value;
  return (
    STRINGS.every((key) => typeof value[key] === 'string') &&
    (value.id as string).length > 0 &&
    EVENT_TYPES.includes(value.type as ChannelEventType) &&
    typeof value.at === 'number' &&
    Number.isFinite(value.at) &&
    typeof watch.id === 'string' &&
    typeof watch.name === 'string' &&
    typeof watch.url === 'string' &&
    (value.linkLabel === undefined || typeof value.linkLabel === 'string')
  );
}
