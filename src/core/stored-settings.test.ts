// The desktop-alert switches (sound, remind until I act) in the stored settings: added after 2.0's
// schema without a migration, so older data must read as "off" without being repaired or rewritten.
import { describe, expect, it } from 'vitest';
import { CHATGPT_WATCH_ID } from './kinds/chatgpt-plus/built-in';
import { KEYS } from './storage-keys';
import { DEFAULT_SETTINGS, loadStored, loadWatch, SCHEMA_VERSION } from './stored-schema';

/** What 2.0 stored: everything current except the two new switches. */
const stored20 = () => {
  const fresh = loadStored({}).writes;
  return { ...fresh, settings: { notificationsEnabled: true, paused: false } };
};

describe('settings: sound and remindUntilAct', () => {
  it('are off on a fresh install, stored with the others', () => {
    const { data, writes } = loadStored({});
    expect(data.settings).toEqual({ notificationsEnabled: true, paused: false, remindUntilAct: false, sound: false });
    expect(writes[KEYS.settings]).toEqual(DEFAULT_SETTINGS);
  });

  it('read as off from 2.0 settings without them: no repair, no migration, nothing written', () => {
    const { data, repairs, writes, removals } = loadStored(stored20());
    expect(data.settings).toEqual({ notificationsEnabled: true, paused: false, remindUntilAct: false, sound: false });
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(repairs).toEqual([]);
    expect(writes).toEqual({});
    expect(removals).toEqual([]);
    // The worker's own one-watch read says the same.
    const one = loadWatch(stored20(), CHATGPT_WATCH_ID);
    expect(one?.settings).toEqual(data.settings);
    expect(one?.repairs).toEqual([]);
  });

  it('are kept when on, and clean settings (keys in Chrome’s sorted order) are not rewritten', () => {
    const on = { ...stored20(), settings: { notificationsEnabled: true, paused: false, remindUntilAct: true, sound: true } };
    const { data, repairs, writes } = loadStored(on);
    expect(data.settings).toMatchObject({ remindUntilAct: true, sound: true });
    expect(repairs).toEqual([]);
    expect(writes).toEqual({});
  });

  it('repairs garbage values with a logged reason, keeping the other switches', () => {
    const bad = { ...stored20(), settings: { notificationsEnabled: false, paused: true, remindUntilAct: 'yes', sound: 1 } };
    const { data, repairs, writes } = loadStored(bad);
    expect(data.settings).toEqual({ notificationsEnabled: false, paused: true, remindUntilAct: false, sound: false });
    expect(repairs).toEqual(['settings.remindUntilAct was text; reset', 'settings.sound was a number; reset']);
    expect(writes[KEYS.settings]).toEqual(data.settings);
    expect(loadWatch(bad, CHATGPT_WATCH_ID)?.repairs).toEqual(repairs);
  });

  it('a null switch is garbage too, not "missing"', () => {
    const { data, repairs } = loadStored({ ...stored20(), settings: { notificationsEnabled: true, paused: false, sound: null } });
    expect(data.settings.sound).toBe(false);
    expect(repairs).toEqual(['settings.sound was null; reset']);
  });

  it('1.x data migrates with both off, and nothing else changes', () => {
    const v11 = { schemaVersion: 2, settings: { intervalMs: 300_000, notificationsEnabled: false, paused: true } };
    const { data, repairs, writes } = loadStored(v11);
    expect(data.settings).toEqual({ notificationsEnabled: false, paused: true, remindUntilAct: false, sound: false });
    expect(repairs).toEqual([]);
    // The 1.x interval moved to the watch; the switches that did not exist then are not written.
    expect(writes[KEYS.settings]).toEqual({ notificationsEnabled: false, paused: true });
  });

  it('a newer build’s settings (unknown switches included) are read, never rewritten; unknown keys stay', () => {
    const newer = {
      ...stored20(),
      schemaVersion: SCHEMA_VERSION + 1,
      settings: { notificationsEnabled: true, paused: false, remindUntilAct: true, sound: 'chime-2', quietHours: [22, 7] },
      'someone-else': { kept: true },
    };
    const { data, writes, removals } = loadStored(newer);
    expect(data.settings).toMatchObject({ remindUntilAct: true, sound: false });
    expect(writes).not.toHaveProperty(KEYS.settings);
    expect(writes).not.toHaveProperty('someone-else');
    expect(removals).toEqual([]);
  });
});
