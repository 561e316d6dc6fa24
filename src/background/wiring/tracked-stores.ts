/**
 * The stores with every grant write reported to the shop summary, so the summary reads back only the
 * grants that changed and the change signal names them. A write that cannot name its grants (an app
 * renamed, or removed with its grants; a batch with apps) reports "anything may have changed"; saved
 * settings change how every shop reads, so the next signal names no ids. App and secret writes are
 * reported as such too, for the worker's copy of the app list.
 */
import type { ShopSummarySource } from '../../grants/shop-summary-source';
import type { Stores } from '../../grants/store';

/** Reports after the call, whether it succeeded or not: a failed write may still have landed. */
async function reporting<T>(task: () => Promise<T>, report: (result: T | undefined) => void): Promise<T> {
  let result: T | undefined;
  try {
    result = await task();
    return result;
  } finally {
    report(result);
  }
}

/** Who hears of the writes: the shop summary, and what else keeps a copy of the settings or apps. */
export interface StoreChanges extends Pick<ShopSummarySource, 'changed' | 'viewsChanged'> {
  /** An app profile or secret was written, or a batch that may hold them. */
  appsChanged(): void;
}

export function trackShopChanges(stores: Stores, changes: StoreChanges): Stores {
  const { grants, apps, secrets, batch, settings } = stores;
  const appWritten = () => {
    changes.changed();
    changes.appsChanged();
  };
  return {
    ...stores,
    grants: {
      get: (id) => grants.get(id),
      list: () => grants.list(),
      listByApp: (appId) => grants.listByApp(appId),
      listDue: (now, limit) => grants.listDue(now, limit),
      earliestDueAt: () => grants.earliestDueAt(),
      listing: () => grants.listing(),
      // Folds writes already reported; changes no grant.
      saveListing: () => grants.saveListing(),
      put: (grant) =>
        reporting(
          () => grants.put(grant),
          () => changes.changed([grant.id]),
        ),
      update: (id, change) =>
        reporting(
          () => grants.update(id, change),
          () => changes.changed([id]),
        ),
      remove: (id) =>
        reporting(
          () => grants.remove(id),
          () => changes.changed([id]),
        ),
    },
    apps: {
      get: (id) => apps.get(id),
      list: () => apps.list(),
      put: (app) => reporting(() => apps.put(app), appWritten),
      remove: (id) => reporting(() => apps.remove(id), appWritten),
    },
    secrets: {
      get: (appId) => secrets.get(appId),
      has: (appId) => secrets.has(appId),
      put: (appId, secret) =>
        reporting(
          () => secrets.put(appId, secret),
          () => changes.appsChanged(),
        ),
    },
    // Health ("expiring") follows the reminder settings: every shop's row may read differently.
    settings: {
      get: () => settings.get(),
      save: (change) =>
        reporting(
          () => settings.save(change),
          () => changes.viewsChanged(),
        ),
    },
    batch: {
      write: (records) =>
        reporting(
          () => batch.write(records),
          (ids) => {
            changes.changed(ids === undefined || (records.apps?.length ?? 0) > 0 ? undefined : ids);
            if (records.settings) changes.viewsChanged();
            changes.appsChanged();
          },
        ),
    },
  };
}
