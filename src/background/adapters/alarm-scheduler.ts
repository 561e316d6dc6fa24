import { NEVER_DUE } from '../../grants/model';
import type { Scheduler } from '../wiring/ports';

export const DUE_ALARM = 'seller-auth:due';

/** The slice of `browser.alarms` the scheduler needs. */
export interface AlarmsApi {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

/** ONE alarm for the earliest due grant; re-armed after every change. Alarms wake a stopped worker. */
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
  };
}
