/**
 * The stores as the worker uses them: every call reports to the storage health monitor, so a storage
 * failure anywhere (a wake, a page's request) is shown to a person, and the next success of the same
 * kind of use ends it. The table names every method of every store: a new method fails the type check
 * here until it says whether it reads or writes.
 */

import type { StorageUse } from '../../grants/storage-health';
import type { Stores } from '../../grants/store';
import { StorageFailure } from '../../grants/store/storage-errors';
import type { StorageHealthMonitor } from './storage-health-monitor';

type UseTable = { [S in keyof Stores]: Record<keyof Stores[S], StorageUse> };

export const STORE_USES = {
  grants: {
    get: 'read',
    list: 'read',
    listByApp: 'read',
    put: 'write',
    update: 'write',
    remove: 'write',
    listDue: 'read',
    earliestDueAt: 'read',
    listing: 'read',
    saveListing: 'write',
  },
  apps: { get: 'read', list: 'read', put: 'write', remove: 'write' },
  secrets: { get: 'read', put: 'write', has: 'read' },
  attempts: { latest: 'read', put: 'write', clear: 'write' },
  settings: { get: 'read', save: 'write' },
  activity: { add: 'write', list: 'read' },
  batch: { write: 'write' },
} as const satisfies UseTable;

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

function watchStore<S extends object>(
  store: S,
  uses: Record<string, StorageUse>,
  health: StorageHealthMonitor,
): S {
  const watched: Record<string, AnyMethod> = {};
  for (const [method, use] of Object.entries(uses)) {
    // Looked up on each call, so a store's method replaced later (tests do) is the one used.
    watched[method] = async (...args) => {
      let result: unknown;
      try {
        result = await (store as unknown as Record<string, AnyMethod>)[method]!(...args);
      } catch (error) {
        if (error instanceof StorageFailure) await health.failed(error.kind);
        throw error;
      }
      await health.succeeded(use);
      return result;
    };
  }
  return watched as unknown as S;
}

export function watchStores(stores: Stores, health: StorageHealthMonitor): Stores {
  return {
    grants: watchStore(stores.grants, STORE_USES.grants, health),
    apps: watchStore(stores.apps, STORE_USES.apps, health),
    secrets: watchStore(stores.secrets, STORE_USES.secrets, health),
    attempts: watchStore(stores.attempts, STORE_USES.attempts, health),
    settings: watchStore(stores.settings, STORE_USES.settings, health),
    activity: watchStore(stores.activity, STORE_USES.activity, health),
    batch: watchStore(stores.batch, STORE_USES.batch, health),
  };
}
