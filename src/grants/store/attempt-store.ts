/** AttemptStore over IndexedDB: recent "Connect shop" attempts, newest by `startedAt`, a short history kept. */
import type { AttemptStore } from '../ports';
import { type DbSource, resolveDb } from './connection';
import { requireId, requireTime } from './record-checks';
import { guardStorage, transact } from './storage-errors';

/** Enough history to debug a run of failed logins; attempts hold a `state`, so keep no more than that. */
export const MAX_KEPT_ATTEMPTS = 20;

export function createAttemptStore(source: DbSource, { maxKept = MAX_KEPT_ATTEMPTS } = {}): AttemptStore {
  const open = () => resolveDb(source);

  return {
    latest: () =>
      guardStorage('read the connect attempt', async () =>
        transact((await open()).transaction('attempts'), async (tx) => {
          const newest = await tx.store.index('startedAt').openCursor(null, 'prev');
          return newest?.value;
        }),
      ),

    put: (attempt) =>
      guardStorage('save the connect attempt', async () => {
        requireId(attempt.id, 'id');
        requireTime(attempt.startedAt, 'startedAt');
        await transact((await open()).transaction('attempts', 'readwrite'), async (tx) => {
          await tx.store.put(attempt);
          const excess = (await tx.store.count()) - maxKept;
          let oldest = excess > 0 ? await tx.store.index('startedAt').openKeyCursor() : null;
          for (let removed = 0; oldest && removed < excess; removed += 1) {
            await tx.store.delete(oldest.primaryKey);
            oldest = await oldest.continue();
          }
        });
      }),

    clear: () => guardStorage('clear connect attempts', async () => (await open()).clear('attempts')),
  };
}
