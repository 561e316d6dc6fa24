/** SecretStore over IndexedDB. Worker-only: app secrets, one per app, apart from the app profiles. */
import type { SecretStore } from '../ports';
import { type DbSource, resolveDb } from './connection';
import { requireId } from './record-checks';
import { guardStorage } from './storage-errors';

export function createSecretStore(source: DbSource): SecretStore {
  const open = () => resolveDb(source);

  return {
    get: (appId) =>
      guardStorage('read the app secret', async () => (await (await open()).get('secrets', appId))?.secret),

    put: (appId, secret) =>
      guardStorage('save the app secret', async () => {
        requireId(appId, 'appId');
        await (await open()).put('secrets', { appId, secret });
      }),

    // Counts the key instead of reading the record, so the secret is not even loaded.
    has: (appId) =>
      guardStorage('read the app secret', async () => (await (await open()).count('secrets', appId)) > 0),
  };
}
