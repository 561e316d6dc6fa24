import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { connectSellerAuthDb } from '../../../src/grants/store/connection';
import { createGrantStore } from '../../../src/grants/store/grant-store';
import { SELLER_AUTH_MIGRATIONS } from '../../../src/grants/store/migrations';
import { openSellerAuthDb } from '../../../src/grants/store/open-db';
import { DB_VERSION } from '../../../src/grants/store/schema';
import { aGrant } from '../../support/builders';

const NAME = 'connection-test';

function deleteRaw(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

describe('connectSellerAuthDb', () => {
  it('opens once and shares the connection between calls', async () => {
    const connection = connectSellerAuthDb({ name: NAME, factory: new IDBFactory() });
    const [first, second] = await Promise.all([connection(), connection()]);
    expect(first).toBe(second);
    expect(await connection()).toBe(first);
  });

  it('opens a fresh connection after the old one was closed for a delete', async () => {
    const factory = new IDBFactory();
    const connection = connectSellerAuthDb({ name: NAME, factory });
    const store = createGrantStore(connection);
    await store.put(aGrant());
    const before = await connection();

    await deleteRaw(factory, NAME); // closes our connection through its versionchange handler

    expect((await store.list()).length).toBe(0);
    expect(await connection()).not.toBe(before);
  });

  it('opens a fresh connection after one that failed to open, instead of keeping the failure', async () => {
    const factory = new IDBFactory();
    const v2 = [...SELLER_AUTH_MIGRATIONS, () => {}];
    (await openSellerAuthDb(NAME, factory, { migrations: v2 })).close();
    const connection = connectSellerAuthDb({ name: NAME, factory });
    await expect(connection()).rejects.toMatchObject({ code: 'storage_failed' });

    await deleteRaw(factory, NAME);
    const db = await connection();
    expect(db.version).toBe(DB_VERSION);
  });

  it('lets the stores work from an open database too', async () => {
    const db = await openSellerAuthDb(NAME, new IDBFactory());
    const store = createGrantStore(db);
    await store.put(aGrant());
    expect((await store.list()).length).toBe(1);
    db.close();
  });
});
