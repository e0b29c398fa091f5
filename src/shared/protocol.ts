import type { Settings } from '../core/stored-schema';

/** Messages the popup sends to the service worker. */
export type PopupRequest = { type: 'check-now' } | { type: 'save-settings'; settings: Partial<Settings> };

export type WorkerResponse = { ok: true } | { ok: false; error: string };

export function isPopupRequest(message: unknown): message is PopupRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, settings } = message as { type?: unknown; settings?: unknown };
  if (type === 'check-now') return true;
  return type === 'save-settings' && typeof settings === 'object' && settings !== null;
}
