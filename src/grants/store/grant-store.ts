/**
 * GrantStore over IndexedDB: the `grants` store, with `dueAt` and `appId` indexes. Every write notes the
 * grant's id for the shop list's listing in the same transaction (./grant-listing.ts).
 */
import type { IDBPDatabase } from 'idb';
import { SellerAuthError } from '../../shared/errors';
import { type Grant, NEVER_DUE } from '../model';
import type { GrantStore } from '../ports';
import { type DbSource, resolveDb } from './connection';
import { LISTING_STORES, noteListingChanges, readListing, saveListing } from './grant-listing';
import { readLimit } from './read-limit';
import { checkStorableGrant } from './record-checks';
import type { SellerAuthDb } from './schema';
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
        await transact(writing(await open()), async (tx) => {
          await tx.objectStore('grants').put(grant);
          await noteListingChanges(tx.objectStore('listingChanges'), [grant.id]);
        });
      }),

    // Read and write in one readwrite transaction: IndexedDB runs overlapping ones one after another,
    // so concurrent updates of a grant each see the previous one's result.
    update: (id, change) =>
      guardStorage('save the grant', async () =>
        transact(writing(await open()), async (tx) => {
          const grants = tx.objectStore('grants');
          const current = await grants.get(id);
          let next: Grant | undefined;
          try {
            next = change(current);
            if (next !== undefined) checkUpdatedGrant(id, next);
          } catch (error) {
            throw new CallerFailure(error);
          }
          if (next === undefined) return current;
          await grants.put(next);
          await noteListingChanges(tx.objectStore('listingChanges'), [id]);
          return next;
        }),
      ),

    remove: (id) =>
      guardStorage('remove the grant', async () =>
        transact(writing(await open()), async (tx) => {
          const grants = tx.objectStore('grants');
          const existed = (await grants.getKey(id)) !== undefined;
          if (!existed) return false;
          await grants.delete(id);
          await noteListingChanges(tx.objectStore('listingChanges'), [id]);
          return true;
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

    listing: () =>
      guardStorage('list the shops', async () =>
        transact((await open()).transaction(LISTING_STORES), async (tx) => (await readListing(tx)).grants),
      ),

    saveListing: () =>
      guardStorage('save the shop listing', async () =>
        transact((await open()).transaction(LISTING_STORES, 'readwrite'), saveListing),
      ),
  };
}

/** A grant write and its note for the listing, in one transaction. */
function writing(db: IDBPDatabase<SellerAuthDb>) {
  return db.transaction(['grants', 'listingChanges'], 'readwrite');
}

function checkUpdatedGrant(id: string, next: Grant): void {
  checkStorableGrant(next);
  if (next.id !== id) {
    throw new SellerAuthError('invalid_input', "An update cannot change a grant's id.", { field: 'id' });
  }
}
