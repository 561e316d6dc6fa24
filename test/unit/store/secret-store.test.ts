import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/grants/store/app-store';
import { createSecretStore } from '../../../src/grants/store/secret-store';
import { anApp } from '../../support/builders';
import { appSecret } from '../../support/checked';
import { describeSecretStoreContract } from './secret-store-contract';
import { openTestDb } from './test-db';

describeSecretStoreContract('IndexedDB', async () => createSecretStore((await openTestDb()).db));

describe('IndexedDB SecretStore', () => {
  it('stores one secret per app, and replaces it', async () => {
    const secrets = createSecretStore((await openTestDb()).db);
    expect(await secrets.get('app-1')).toBeUndefined();
    expect(await secrets.has('app-1')).toBe(false);
    await secrets.put('app-1', appSecret('first'));
    await secrets.put('app-1', appSecret('second'));
    await secrets.put('app-2', appSecret('other'));
    expect(await secrets.get('app-1')).toBe('second');
    expect(await secrets.get('app-2')).toBe('other');
    expect(await secrets.has('app-1')).toBe(true);
  });

  it('keeps secrets apart from app profiles', async () => {
    const test = await openTestDb();
    await createAppStore(test.db).put(anApp());
    await createSecretStore(test.db).put('app-1', appSecret('SECRET-hmac-key'));
    expect(JSON.stringify(await createAppStore(test.db).list())).not.toContain('SECRET-hmac-key');
  });

  // An empty secret cannot reach the store: AppSecret comes only from parseAppSecret.
  it('refuses an empty app id, without echoing the secret', async () => {
    const secrets = createSecretStore((await openTestDb()).db);
    const error = await secrets.put('', appSecret('SECRET-hmac-key')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_input', details: { field: 'appId' } });
    expect(String((error as Error).message)).not.toContain('SECRET-hmac-key');
    expect(await secrets.has('')).toBe(false);
  });

  it('keeps secrets across a close and reopen', async () => {
    const test = await openTestDb();
    await createSecretStore(test.db).put('app-1', appSecret('kept'));
    expect(await createSecretStore(await test.reopen()).get('app-1')).toBe('kept');
  });
});
