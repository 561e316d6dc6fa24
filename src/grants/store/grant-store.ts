/** GrantStore over IndexedDB: the `grants` store, with `dueAt` and `appId` indexes. */
import { SellerAuthError } from '../../shared/errors';
import { type Grant, NEVER_DUE } from '../model';
import type { GrantStore } from '../ports';
import { type DbSource, resolveDb } from './connection';
import { readLimit } from './read-limit';
import { checkStorableGrant } from './record-checks';
import { CallerFailure, guardStorage, transact } from './storage-errors';

export function createGrantStore(source: DbSource): GrantStore {
  const open = () => resolveDb(source);

  return {
    get: (id) => guardStorage('read the grant', async () => (await open()).get('grants', id)),

    list: () => guardStorage('list grants', async () => (await open()).getAll('grants')),

    listByApp: (appId) =>
      guardStorage('list grants', async () => (await open()).getAllFromIndex('grants', 'appId', appId)),

    put: (grant) =>
      guardStorage('save the grant', async () => {
        checkStorableGrant(grant);
        await (await open()).put('grants', grant);
      }),

    // Read and write in one readwrite transaction: IndexedDB runs overlapping ones one after another,
    // so concurrent updates of a grant each see the previous one's result.
    update: (id, change) =>
      guardStorage('save the grant', async () =>
        transact((await open()).transaction('grants', 'readwrite'), async (tx) => {
          const current = await tx.store.get(id);
          let next: Grant | undefined;
          try {
            next = change(current);
            if (next !== undefined) checkUpdatedGrant(id, next);
          } catch (error) {
            throw new CallerFailure(error);
          }
          if (next === undefined) return current;
          await tx.store.put(next);
          return next;
        }),
      ),

    remove: (id) =>
      guardStorage('remove the grant', async () =>
        transact((await open()).transaction('grants', 'readwrite'), async (tx) => {
          const existed = (await tx.store.getKey(id)) !== undefined;
          if (existed) await tx.store.delete(id);
          return existed;
        }),
      ),

    listDue: (now, limit) =>
      guardStorage('list due grants', async () => {
        if (Number.isNaN(now)) {
          throw new SellerAuthError('invalid_input', 'Due grants are listed for a time, not NaN.', {
            field: 'now',
          });
        }
        const bound = readLimit(limit);
        if (bound.kind === 'none') return [];
        // NEVER_DUE means "nothing scheduled": keep it out even when asked for everything up to the end of time.
        const due = now >= NEVER_DUE ? IDBKeyRange.upperBound(NEVER_DUE, true) : IDBKeyRange.upperBound(now);
        const count = bound.kind === 'at_most' ? bound.count : undefined;
        return (await open()).getAllFromIndex('grants', 'dueAt', due, count);
      }),

    earliestDueAt: () =>
      guardStorage('read the next due time', async () =>
        transact((await open()).transaction('grants'), async (tx) => {
          const first = await tx.store.index('dueAt').openKeyCursor();
          const dueAt = first?.key;
          return dueAt === undefined || dueAt >= NEVER_DUE ? undefined : dueAt;
        }),
      ),
  };
}

function checkUpdatedGrant(id: string, next: Grant): void {
  checkStorableGrant(next);
  if (next.id !== id) {
    throw new SellerAuthError('invalid_input', "An update cannot change a grant's id.", { field: 'id' });
  }
}
