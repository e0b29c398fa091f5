// "Remind me until I act": each reminder alarm (scheduler.ts, `remind:<watchId>`) re-shows the
// watch's reopening alert, or stops for good. Everything it needs is stored (the watch, its
// `lastReopenAlertAt`, the settings) or is the alarm itself, so a restarted worker carries on. A
// reminder is not a reopening: the check runner alone queues alerts for channels, so none is sent again.
import { reminderDecision } from '../core/reminder-policy';
import { log } from '../shared/log';
import { remindReopened } from './notifier';
import { stopReminder } from './scheduler';
import { loadForCheck } from './worker-storage';

export async function remindAgain(watchId: string): Promise<void> {
  const loaded = await loadForCheck(watchId);
  const decision = reminderDecision(
    loaded && { settings: loaded.settings, def: loaded.record.def, state: loaded.record.state },
    Date.now(),
  );
  if (!loaded || !decision.remind) {
    await stopReminder(watchId);
    log.info('reminders stopped', { watchId, why: decision.remind ? 'watch-removed' : decision.why });
    return;
  }
  if (decision.last) await stopReminder(watchId);
  await remindReopened(loaded.record.def, decision.minutes, loaded.settings.sound);
  log.info('reminder shown', { watchId, minutes: decision.minutes, last: decision.last });
}
