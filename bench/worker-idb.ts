/**
 * Reads and writes the extension's IndexedDB from inside its service worker (`worker.evaluate`). The
 * functions handed to `evaluate` run in the worker, so each one is self-contained. Each write ends by
 * telling the worker through the sandbox build's debug hook: the worker is otherwise the stores' only
 * writer, and answers the shop list from memory.
 */
import type { Worker } from 'playwright-core';
import type { Grant } from '../src/grants/model';

const CHUNK = 500;

/** The shop list's summary reads every grant again at its next query; the alarm is left alone. */
function tellWorker(worker: Worker): Promise<void> {
  return worker.evaluate(() =>
    (
      globalThis as unknown as { __sellerAuthDebug: { grantsWrittenBehind(): void } }
    ).__sellerAuthDebug.grantsWrittenBehind(),
  );
}

/** What one transaction on the worker's grant store does. */
type Operation =
  | { kind: 'put'; grants: readonly Grant[] }
  | { kind: 'delete'; ids: readonly string[] }
  | { kind: 'makeDue'; at: number }
  | { kind: 'tally'; since: number };

/** Runs `operation` in one transaction on store `grants` of database `seller-auth`, in the worker. */
function inGrantStore<R>(worker: Worker, operation: Operation): Promise<R> {
  // Self-contained: this function is serialised and runs in the worker, so every case lives inside it.
  return worker.evaluate(
    (op) =>
      new Promise<R>((resolve, reject) => {
        const open = indexedDB.open('seller-auth');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const writes = op.kind !== 'tally';
          const tx = db.transaction(
            writes ? ['grants', 'listing'] : ['grants'],
            writes ? 'readwrite' : 'readonly',
          );
          const store = tx.objectStore('grants');
          // Written behind the store layer, which notes each grant write for the shop list's saved
          // listing: the listing goes, so the next read takes every grant.
          if (writes) tx.objectStore('listing').clear();
          let result: unknown;
          let changed = 0;
          if (op.kind === 'put') for (const grant of op.grants) store.put(grant);
          if (op.kind === 'delete') for (const id of op.ids) store.delete(id);
          if (op.kind === 'makeDue') {
            const { at } = op;
            result = changed;
            const request = store.openCursor();
            request.onsuccess = () => {
              const cursor = request.result;
              if (!cursor) return;
              const grant = cursor.value as Grant;
              cursor.update({
                ...grant,
                accessExpiresAt: at + 15 * 60_000,
                lastRefreshedAt: at - 60 * 60_000,
                authorizedAt: Math.min(grant.authorizedAt, at - 60 * 60_000),
                dueAt: at,
              });
              changed += 1;
              result = changed;
              cursor.continue();
            };
          }
          if (op.kind === 'tally') {
            const { since } = op;
            const request = store.getAll();
            request.onsuccess = () => {
              const tally = { total: 0, refreshed: 0, connected: 0, lastRefreshedAt: 0 };
              for (const grant of request.result as Grant[]) {
                tally.total += 1;
                if (grant.status === 'connected') tally.connected += 1;
                const at = grant.lastRefreshedAt ?? 0;
                if (at >= since) tally.refreshed += 1;
                tally.lastRefreshedAt = Math.max(tally.lastRefreshedAt, at);
              }
              result = tally;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(result as R);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    operation,
  );
}

/** Puts `grants` into the grant store, a chunk per transaction. */
export async function writeGrants(worker: Worker, grants: readonly Grant[]): Promise<void> {
  for (let start = 0; start < grants.length; start += CHUNK) {
    await inGrantStore(worker, { kind: 'put', grants: grants.slice(start, start + CHUNK) });
  }
  await tellWorker(worker);
}

export interface RefreshTally {
  total: number;
  /** Grants whose lastRefreshedAt is at or after `since`. */
  refreshed: number;
  connected: number;
  /** The latest lastRefreshedAt in the store (epoch ms), or 0. */
  lastRefreshedAt: number;
}

/** Counts in the worker, so 5,000 records (with tokens) never cross to Node just to be counted. */
export function refreshTally(worker: Worker, since: number): Promise<RefreshTally> {
  return inGrantStore(worker, { kind: 'tally', since });
}

/** Deletes the grants with these ids, in the worker. */
export async function deleteGrants(worker: Worker, ids: readonly string[]): Promise<void> {
  await inGrantStore(worker, { kind: 'delete', ids: [...ids] });
  await tellWorker(worker);
}

/**
 * Makes every stored grant due again, as after a browser closed for a while: access ending in 15
 * minutes, last renewed an hour ago (inside the 30-minute lead), `dueAt` now. The stored refresh tokens
 * are the live ones, so each refresh is real. Resolves to how many were changed.
 */
export async function makeAllDue(worker: Worker, now: number): Promise<number> {
  const changed = await inGrantStore<number>(worker, { kind: 'makeDue', at: now });
  await tellWorker(worker);
  return changed;
}
