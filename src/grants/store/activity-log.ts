/** ActivityLog over IndexedDB: an append-only, bounded log, read newest first. */
import type { ActivityEntry } from '../../shared/model';
import type { ActivityLog } from '../ports';
import { prepareActivityEntry } from './activity-entry';
import { type DbSource, resolveDb } from './connection';
import { readLimit } from './read-limit';
import { guardStorage, transact } from './storage-errors';

export const DEFAULT_MAX_ACTIVITY_ENTRIES = 2000;

function newestFirst(a: ActivityEntry, b: ActivityEntry): number {
  return b.at - a.at || (b.id ?? 0) - (a.id ?? 0);
}

export function createActivityLog(
  source: DbSource,
  { maxEntries = DEFAULT_MAX_ACTIVITY_ENTRIES }: { maxEntries?: number } = {},
): ActivityLog {
  const open = () => resolveDb(source);
  const bound = Math.max(1, Math.floor(maxEntries));

  return {
    add: (entry) =>
      guardStorage('write the activity log', async () => {
        const record = prepareActivityEntry(entry);
        await transact((await open()).transaction('activity', 'readwrite'), async (tx) => {
          await tx.store.add(record as ActivityEntry);
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
          // At most `maxEntries` records exist, so sorting one grant's entries in memory stays cheap.
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
