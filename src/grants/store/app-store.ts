/** AppStore over IndexedDB: app profiles, and the cascade that removes an app with all it owns. */
import type { AppStore } from '../ports';
import { type DbSource, resolveDb } from './connection';
import { noteListingChanges } from './grant-listing';
import { requireId } from './record-checks';
import { guardStorage, transact } from './storage-errors';

export function createAppStore(source: DbSource): AppStore {
  const open = () => resolveDb(source);

  return {
    get: (id) => guardStorage('read the app', async () => (await open()).get('apps', id)),

    list: () => guardStorage('list apps', async () => (await open()).getAll('apps')),

    put: (app) =>
      guardStorage('save the app', async () => {
        requireId(app.id, 'id');
        await (await open()).put('apps', app);
      }),

    // One transaction over every store it touches: a crash leaves either everything or nothing removed,
    // never grants (holding tokens) whose app and secret are gone.
    remove: (id) =>
      guardStorage('remove the app', async () =>
        transact(
          (await open()).transaction(['apps', 'secrets', 'grants', 'listingChanges'], 'readwrite'),
          async (tx) => {
            const grants = tx.objectStore('grants');
            const grantIds = await grants.index('appId').getAllKeys(id);
            // One request at a time: if one fails, no other is left pending to reject unobserved.
            await tx.objectStore('apps').delete(id);
            await tx.objectStore('secrets').delete(id);
            for (const grantId of grantIds) await grants.delete(grantId);
            await noteListingChanges(tx.objectStore('listingChanges'), grantIds);
            return grantIds.length;
          },
        ),
      ),
  };
}
