import type { Clock, GrantStore, SettingsStore } from '../../grants/ports';
import type { ShopSummarySource } from '../../grants/shop-summary-source';
import type { Badge, ChangeSignal, Scheduler } from './ports';

/**
 * After every change: set the one alarm to the earliest dueAt in the store (IndexedDB is the truth;
 * the `dueAt` index answers), show how many shops need a person on the badge, and tell open pages which
 * shops changed (instead of each page polling the whole list). The count comes from the shop summary,
 * which reads back only the grants written since it last looked: no full scan per re-arm.
 */
export function createRearm(deps: {
  grants: GrantStore;
  shops: ShopSummarySource;
  settings: SettingsStore;
  scheduler: Scheduler;
  badge: Badge;
  changes: ChangeSignal;
  clock: Clock;
}) {
  return async (): Promise<void> => {
    await deps.scheduler.arm(await deps.grants.earliestDueAt());
    const [shops, settings] = await Promise.all([deps.shops.current(), deps.settings.get()]);
    await deps.badge.show(shops.attentionCount(settings, deps.clock.now()));
    await deps.changes.grantsChanged(deps.shops.takeSignalIds());
  };
}
