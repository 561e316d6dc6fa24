import { attentionCount } from '../../grants/lifecycle';
import type { Clock, GrantStore, SettingsStore } from '../../grants/ports';
import type { Badge, ChangeSignal, Scheduler } from './ports';

/**
 * After every change: set the one alarm to the earliest dueAt in the store (IndexedDB is the truth,
 * nothing is remembered in memory), show how many shops need a person on the badge, and tell open
 * pages to read the grants again (instead of each page polling the whole list).
 */
export function createRearm(deps: {
  grants: GrantStore;
  settings: SettingsStore;
  scheduler: Scheduler;
  badge: Badge;
  changes: ChangeSignal;
  clock: Clock;
}) {
  return async (): Promise<void> => {
    await deps.scheduler.arm(await deps.grants.earliestDueAt());
    const [grants, settings] = await Promise.all([deps.grants.list(), deps.settings.get()]);
    await deps.badge.show(attentionCount(grants, settings, deps.clock.now()));
    await deps.changes.grantsChanged();
  };
}
