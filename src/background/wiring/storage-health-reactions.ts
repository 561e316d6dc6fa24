/**
 * What a person sees of a storage failure: one notification per kind as it starts, "!" on the badge
 * while any lasts, and open pages told to ask again (the popup shows a banner from `health.status`).
 * Once storage works again, a re-arm puts the attention count back and sets the alarm anew.
 */
import type { Notifier } from '../../grants/ports';
import { isFailing, newFailureKinds, storageFailureNotice } from '../../grants/storage-health';
import { logFailure } from './log-failure';
import type { Badge, ChangeSignal } from './ports';
import type { StorageHealthChange, StorageHealthMonitor } from './storage-health-monitor';

export function createStorageHealthReactions(deps: {
  badge: Badge;
  notifier: Notifier;
  changes: ChangeSignal;
  /** The person's notification setting; read from storage, so it may fail, and then they are told. */
  notificationsOn(): Promise<boolean>;
  rearm(): Promise<void>;
}): (change: StorageHealthChange) => Promise<void> {
  return async ({ before, after }) => {
    for (const kind of newFailureKinds(before, after)) {
      console.warn(`seller-auth: storage failing (${kind})`);
      const notify = await deps.notificationsOn().catch(() => true);
      if (notify) await deps.notifier.notify(storageFailureNotice(kind)).catch(logFailure('storage notice'));
    }
    if (isFailing(after)) {
      await deps.badge.showStorageFailure().catch(logFailure('storage badge'));
    } else {
      // Not awaited: the re-arm uses storage, and its own reports wait behind this change.
      void deps.rearm().catch(logFailure('re-arm after storage recovered'));
    }
    // Data-free like every signal: pages ask `health.status` and re-read what they show.
    await deps.changes.grantsChanged();
  };
}

/** The attention count, unless storage is failing: then "!" stays until it works again. */
export function healthAwareBadge(badge: Badge, health: Pick<StorageHealthMonitor, 'failingNow'>): Badge {
  return {
    show: (count) => (health.failingNow() ? badge.showStorageFailure() : badge.show(count)),
    showStorageFailure: () => badge.showStorageFailure(),
  };
}
