/**
 * The listing: every grant with its tokens blanked, kept in one record for the shop list, beside the
 * ids of the grants written since it was saved (`listingChanges`, put in the same transaction as each
 * grant write, so no write is ever missed, whenever the worker stops). A worker woken by the popup reads
 * that one record and the few grants changed since instead of every grant. Measured in Chromium at
 * 5,000 shops: the record in 2 ms (20 in a worker that has just started), every grant in 60 to 90:
 * IndexedDB charges per record far more than per byte.
 */
import type { IDBPTransaction } from 'idb';
import { type Grant, withoutTokens } from '../model';
import type { SellerAuthDb } from './schema';

/** The listing's one record lives under this key of the `listing` store. */
export const LISTING_KEY = 'grants';
/**
 * Fewer grants written since the listing was saved: it is left as it is. Reading that many grants by id
 * takes a woken worker about 10 ms (Chromium), while saving the listing writes every shop again: at one
 * refresh a minute, saving on every wake would write the whole listing every minute.
 */
export const SAVE_FROM = 200;
/** More grants written since the listing was saved: reading every grant is the quicker way. */
const FULL_READ_ABOVE = 1000;

/** The stores a transaction that reads or saves the listing spans. */
export const LISTING_STORES: ListingStoreName[] = ['grants', 'listing', 'listingChanges'];
type ListingStoreName = 'grants' | 'listing' | 'listingChanges';
type ListingTransaction<Mode extends IDBTransactionMode> = IDBPTransaction<
  SellerAuthDb,
  ListingStoreName[],
  Mode
>;

/** The `listingChanges` store of a readwrite transaction: all a grant write needs of the listing. */
export interface ListingChanges {
  put(value: true, key: string): Promise<unknown>;
}

/** Records that these grants were written (or removed): the listing reads them again. */
export async function noteListingChanges(changes: ListingChanges, ids: Iterable<string>): Promise<void> {
  // One request at a time: if one fails, no other is left pending to reject unobserved.
  for (const id of new Set(ids)) await changes.put(true, id);
}

/** Every grant, tokens blanked, as of `tx`: the saved listing with the changes since laid over it. */
export async function readListing(
  tx: ListingTransaction<IDBTransactionMode>,
): Promise<{ grants: Grant[]; changes: number; saved: boolean }> {
  const [saved, changed] = await Promise.all([
    tx.objectStore('listing').get(LISTING_KEY),
    tx.objectStore('listingChanges').getAllKeys(),
  ]);
  const grants = tx.objectStore('grants');
  if (!saved || changed.length > FULL_READ_ABOVE) {
    return {
      grants: (await grants.getAll()).map(withoutTokens),
      changes: changed.length,
      saved: saved !== undefined,
    };
  }
  const current = await Promise.all(changed.map((id) => grants.get(id)));
  const byId = new Map(saved.map((grant) => [grant.id, grant]));
  changed.forEach((id, index) => {
    const grant = current[index];
    if (grant) byId.set(id, withoutTokens(grant));
    else byId.delete(id);
  });
  return { grants: [...byId.values()], changes: changed.length, saved: true };
}

/** Saves the listing as of `tx` and empties the changes, once none is saved or SAVE_FROM have gathered. */
export async function saveListing(tx: ListingTransaction<'readwrite'>): Promise<void> {
  // Counted, not read: most wakes change little, and reading the listing is its one costly part.
  const [savedKey, changes] = await Promise.all([
    tx.objectStore('listing').getKey(LISTING_KEY),
    tx.objectStore('listingChanges').count(),
  ]);
  if (savedKey !== undefined && changes < SAVE_FROM) return;
  const listing = await readListing(tx);
  await tx.objectStore('listing').put(listing.grants, LISTING_KEY);
  await tx.objectStore('listingChanges').clear();
}
