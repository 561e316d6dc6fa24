/** SecretStore over IndexedDB. Worker-only: app secrets, one per app, apart from the app profiles. */
import { SellerAuthError } from '../../shared/errors';
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
        // An empty secret can only sign requests the gateway rejects; "keep the stored one" is decided upstream.
        if (typeof secret !== 'string' || secret.length === 0) {
          throw new SellerAuthError('invalid_input', 'The app secret cannot be empty.', {
            field: 'appSecret',
          });
        }
        await (await open()).put('secrets', { appId, secret });
      }),

    // Counts the key instead of reading the record, so the secret is not even loaded.
    has: (appId) =>
      guardStorage('read the app secret', async () => (await (await open()).count('secrets', appId)) > 0),
  };
}
