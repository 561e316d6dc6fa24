/**
 * ActivityLog over IndexedDB: an append-only log, read newest first, bounded twice. Each shop keeps its
 * newest `maxPerShop` entries (trimmed on each of its adds, through the `grantId` index), so a busy
 * agency does not push one shop's history out; the whole log keeps at most `maxEntries`, the oldest
 * dropped first (checked on the first add of a worker and every 0.1 % of the bound after: counting a
 * large store on every add would cost more than the add).
 */
import type { ActivityEntry } from '../../shared/model';
import type { ActivityLog } from '../ports';
import { prepareActivityEntry } from './activity-entry';
import { type DbSource, resolveDb } from './connection';
import { readLimit } from './read-limit';
import { guardStorage, transact } from './storage-errors';

/** About 100 entries for each of 5,000 shops. */
export const DEFAULT_MAX_ACTIVITY_ENTRIES = 500_000;
export const DEFAULT_MAX_ACTIVITY_PER_SHOP = 100;

function newestFirst(a: ActivityEntry, b: ActivityEntry): number {
  return b.at - a.at || (b.id ?? 0) - (a.id ?? 0);
}

export function createActivityLog(
  source: DbSource,
  {
    maxEntries = DEFAULT_MAX_ACTIVITY_ENTRIES,
    maxPerShop = DEFAULT_MAX_ACTIVITY_PER_SHOP,
  }: { maxEntries?: number; maxPerShop?: number } = {},
): ActivityLog {
  const open = () => resolveDb(source);
  const bound = Math.max(1, Math.floor(maxEntries));
  const perShop = Math.max(1, Math.floor(maxPerShop));
  const checkEvery = Math.max(1, Math.floor(bound / 1000));
  let addsUntilCheck = 0;

  return {
    add: (entry) =>
      guardStorage('write the activity log', async () => {
        const record = prepareActivityEntry(entry);
        await transact((await open()).transaction('activity', 'readwrite'), async (tx) => {
          await tx.store.add(record as ActivityEntry);
          if (record.grantId !== undefined) {
            // The index lists one shop's entries by id, oldest first: drop those beyond its newest.
            const index = tx.store.index('grantId');
            let shopExcess = (await index.count(record.grantId)) - perShop;
            let cursor = shopExcess > 0 ? await index.openKeyCursor(record.grantId) : null;
            while (cursor && shopExcess > 0) {
              await tx.store.delete(cursor.primaryKey);
              shopExcess -= 1;
              cursor = await cursor.continue();
            }
          }
          if (addsUntilCheck > 0) {
            addsUntilCheck -= 1;
            return;
          }
          addsUntilCheck = checkEvery - 1;
          // Ids grow with each add, so the oldest entries are the smallest keys: drop them in one range delete.
          const excess = (await tx.store.count()) - bound;
          if (excess <= 0) return;
          let lastToDrop = await tx.store.openKeyCursor();
          if (lastToDrop && excess > 1) lastToDrop = await lastToDrop.advance(excess - 1);
          if (lastToDrop) await tx.store.delete(IDBKeyRange.upperBound(lastToDrop.primaryKey));
        });
      }),

    list: (filter = {}) =>
      guardStorage('read the activity log', async () => {
        const limit = readLimit(filter.limit);
        if (limit.kind === 'none') return [];
        const max = limit.kind === 'at_most' ? limit.count : Number.POSITIVE_INFINITY;
        const db = await open();
        if (filter.grantId !== undefined) {
          // At most `maxPerShop` records exist per shop, so sorting them in memory stays cheap.
          const entries = await db.getAllFromIndex('activity', 'grantId', filter.grantId);
          return entries.sort(newestFirst).slice(0, max);
        }
        return transact(db.transaction('activity'), async (tx) => {
          const entries: ActivityEntry[] = [];
          let cursor = await tx.store.index('at').openCursor(null, 'prev');
          while (cursor && entries.length < max) {
            entries.push(cursor.value);
            cursor = await cursor.continue();
          }
          return entries;
        });
      }),
  };
}
