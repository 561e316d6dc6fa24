import { NEVER_DUE } from '../../grants/model';
import type { Scheduler } from '../wiring/ports';

export const DUE_ALARM = 'seller-auth:due';
/** Runs the catch-up every SAFETY_PERIOD_MINUTES whatever the due alarm does. */
export const SAFETY_ALARM = 'seller-auth:safety';
export const SAFETY_PERIOD_MINUTES = 30;

/** The slice of `browser.alarms` the scheduler needs. */
export interface AlarmsApi {
  create(
    name: string,
    info: { when?: number; delayInMinutes?: number; periodInMinutes?: number },
  ): Promise<void> | void;
  clear(name: string): Promise<boolean>;
  get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
}

/**
 * Two alarms in all, and alarms wake a stopped worker: the due alarm for the earliest due grant,
 * re-armed after every change, and the periodic safety alarm, so a lost one-shot alarm (Chrome may drop
 * alarms, and a re-arm can fail) never stops refreshing.
 */
export function createAlarmScheduler(alarms: AlarmsApi): Scheduler {
  return {
    async arm(when) {
      if (when === undefined || when >= NEVER_DUE) {
        await alarms.clear(DUE_ALARM);
        return;
      }
      // A `when` in the past fires as soon as Chrome allows (packed builds: 30 s minimum).
      await alarms.create(DUE_ALARM, { when });
    },
    async ensureSafetyAlarm() {
      // Creating it again would restart its period: with wakes more often than that, it would never fire.
      const existing = await alarms.get(SAFETY_ALARM);
      if (existing?.periodInMinutes === SAFETY_PERIOD_MINUTES) return;
      await alarms.create(SAFETY_ALARM, {
        delayInMinutes: SAFETY_PERIOD_MINUTES,
        periodInMinutes: SAFETY_PERIOD_MINUTES,
      });
    },
  };
}
