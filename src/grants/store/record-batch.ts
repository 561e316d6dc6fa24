/** RecordBatchStore over IndexedDB: one readwrite transaction over the stores an import touches. */
import { SellerAuthError } from '../../shared/errors';
import type { Grant } from '../model';
import type { RecordBatchStore } from '../ports';
import { type DbSource, resolveDb } from './connection';
import { noteListingChanges } from './grant-listing';
import { checkStorableGrant, requireId } from './record-checks';
import { SETTINGS_KEY } from './schema';
import { settingsWithDefaults } from './settings-store';
import { CallerFailure, guardStorage, transact } from './storage-errors';

function changed(id: string, change: (current: Grant | undefined) => Grant | undefined, current?: Grant) {
  try {
    const next = change(current);
    if (next !== undefined) {
      checkStorableGrant(next);
      if (next.id !== id) {
        throw new SellerAuthError('invalid_input', "A batch cannot change a grant's id.", { field: 'id' });
      }
    }
    return next;
  } catch (error) {
    throw new CallerFailure(error);
  }
}

export function createRecordBatchStore(source: DbSource): RecordBatchStore {
  const open = () => resolveDb(source);

  return {
    write: (batch) =>
      guardStorage('import the backup', async () => {
        // Checked before anything is opened: a bad record fails the whole batch with nothing written.
        for (const app of batch.apps ?? []) requireId(app.id, 'id');
        for (const entry of batch.secrets ?? []) requireId(entry.appId, 'appId');
        const db = await open();
        const tx = db.transaction(['apps', 'secrets', 'grants', 'listingChanges', 'settings'], 'readwrite');
        return transact(tx, async () => {
          // One request at a time: if one fails, no other is left pending to reject unobserved.
          for (const app of batch.apps ?? []) await tx.objectStore('apps').put(app);
          for (const { appId, secret } of batch.secrets ?? []) {
            await tx.objectStore('secrets').put({ appId, secret });
          }
          const written: string[] = [];
          const grants = tx.objectStore('grants');
          for (const { id, change } of batch.grants ?? []) {
            const next = changed(id, change, await grants.get(id));
            if (next === undefined) continue;
            await grants.put(next);
            written.push(id);
          }
          await noteListingChanges(tx.objectStore('listingChanges'), written);
          if (batch.settings && Object.keys(batch.settings).length > 0) {
            const settings = tx.objectStore('settings');
            const stored = await settings.get(SETTINGS_KEY);
            await settings.put(settingsWithDefaults({ ...stored, ...batch.settings }), SETTINGS_KEY);
          }
          return written;
        });
      }),
  };
}
