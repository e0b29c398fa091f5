// Small helpers the channel specs and the stored-data readers share; the sending ones are in send/text.ts.

/**
 * Sent with every delivery so a receiver (and the test simulators) can count deliveries per event:
 * delivery is at least once, and this is how a receiver drops the rare duplicate.
 */
export const EVENT_ID_HEADER = 'X-Reopen-Watch-Event';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A trimmed string field, or '' for anything else: configs come from storage and may be damaged. */
export const field = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
