import { describe, expect, it } from 'vitest';
import { ALERT_KINDS, alertNotificationId, alertOfNotification } from './alert-kinds';
import { alertOf } from './watch-transitions';

describe('one vocabulary for a watch’s alerts', () => {
  it('names each effect, notification and event by the same alert kind', () => {
    expect(alertOf({ type: 'alert-reopened', again: true })).toBe('reopened');
    expect(alertOf({ type: 'alert-cant-check' })).toBe('cant-check');
    expect(alertOf({ type: 'clear-cant-check' })).toBeNull();
  });

  it('reads a notification id back to its alert and watch, ids with colons included', () => {
    for (const kind of ALERT_KINDS) expect(alertOfNotification(alertNotificationId(kind, 'w:1'))).toEqual({ kind, watchId: 'w:1' });
    expect(alertNotificationId('reopened', 'chatgpt-plus')).toBe('reopened:chatgpt-plus');
  });

  it('is not fooled by the test notification or an empty watch id', () => {
    expect(alertOfNotification('test')).toBeNull();
    expect(alertOfNotification('reopened:')).toBeNull();
    expect(alertOfNotification('other:x')).toBeNull();
  });
});
