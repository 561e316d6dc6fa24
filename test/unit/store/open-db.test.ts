import 'fake-indexeddb/auto';
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/grants/store/app-store';
import { createGrantStore } from '../../../src/grants/store/grant-store';
import { type Migration, SELLER_AUTH_MIGRATIONS } from '../../../src/grants/store/migrations';
import { openSellerAuthDb } from '../../../src/grants/store/open-db';
import { DB_NAME, DB_VERSION } from '../../../src/grants/store/schema';
import { aGrant, anApp, T0 } from '../../support/builders';

const NAME = 'open-db-test';

function openRaw(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function indexesOf(db: IDBPDatabase<unknown>, store: string): Record<string, unknown> {
  const objectStore = db.transaction(store).objectStore(store);
  return Object.fromEntries(
    [...objectStore.indexNames].map((name) => [name, objectStore.index(name).keyPath]),
  );
}

/**
 * A version 2 as it would ship: one new store, one new index, and a rewrite of existing records,
 * appended after the migrations that already shipped. It is typed against the future schema, which
 * the v1 `SellerAuthDb` does not describe yet, hence the untyped view.
 */
const futureV2: Migration = async (_db, upgrade) => {
  const db = _db as unknown as IDBPDatabase;
  const tx = upgrade as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
  db.createObjectStore('notes', { keyPath: 'id' });
  const grants = tx.objectStore('grants');
  grants.createIndex('status', 'status');
  let cursor = await grants.openCursor();
  while (cursor) {
    await cursor.update({ ...cursor.value, schemaNote: 'migrated to v2' });
    cursor = await cursor.continue();
  }
};

function deleteRaw(factory: IDBFactory, name: string): Promise<'deleted' | 'blocked'> {
  return new Promise((resolve) => {
    const request = factory.deleteDatabase(name);
    request.onblocked = () => resolve('blocked');
    request.onsuccess = () => resolve('deleted');
  });
}

describe('openSellerAuthDb', () => {
  it('has one migration per schema version', () => {
    expect(SELLER_AUTH_MIGRATIONS).toHaveLength(DB_VERSION);
    expect(DB_NAME).toBe('seller-auth');
  });

  it('creates every store and index on a database that does not exist yet (version 0)', async () => {
    const factory = new IDBFactory();
    const db = (await openSellerAuthDb(NAME, factory)) as unknown as IDBPDatabase<unknown>;
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'activity',
      'apps',
      'attempts',
      'grants',
      'listing',
      'listingChanges',
      'secrets',
      'settings',
      'toolAccess',
    ]);
    const keyPaths = Object.fromEntries(
      [...db.objectStoreNames].map((name) => {
        const store = db.transaction(name).objectStore(name);
        return [name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement }];
      }),
    );
    expect(keyPaths).toEqual({
      activity: { keyPath: 'id', autoIncrement: true },
      apps: { keyPath: 'id', autoIncrement: false },
      attempts: { keyPath: 'id', autoIncrement: false },
      grants: { keyPath: 'id', autoIncrement: false },
      listing: { keyPath: null, autoIncrement: false },
      listingChanges: { keyPath: null, autoIncrement: false },
      secrets: { keyPath: 'appId', autoIncrement: false },
      settings: { keyPath: null, autoIncrement: false },
      toolAccess: { keyPath: 'caller', autoIncrement: false },
    });
    expect(indexesOf(db, 'grants')).toEqual({ appId: 'appId', dueAt: 'dueAt' });
    expect(indexesOf(db, 'attempts')).toEqual({ startedAt: 'startedAt' });
    expect(indexesOf(db, 'activity')).toEqual({ at: 'at', grantId: 'grantId' });
    db.close();
  });

  it('runs each migration from the stored version up, once, on reopening', async () => {
    const factory = new IDBFactory();
    const ran: string[] = [];
    const recording: Migration[] = [
      (db, tx) => {
        ran.push('v1');
        SELLER_AUTH_MIGRATIONS[0]?.(db, tx);
      },
      () => {
        ran.push('v2');
      },
    ];
    (await openSellerAuthDb(NAME, factory, { migrations: recording.slice(0, 1) })).close();
    expect(ran).toEqual(['v1']);
    (await openSellerAuthDb(NAME, factory, { migrations: recording })).close();
    expect(ran).toEqual(['v1', 'v2']);
    (await openSellerAuthDb(NAME, factory, { migrations: recording })).close();
    expect(ran).toEqual(['v1', 'v2']);
  });

  it('upgrades v1 data to a future v2 without losing it', async () => {
    const factory = new IDBFactory();
    const v1 = await openSellerAuthDb(NAME, factory);
    await createAppStore(v1).put(anApp());
    await createGrantStore(v1).put(aGrant({ dueAt: T0 }));
    v1.close();

    const v2 = await openSellerAuthDb(NAME, factory, { migrations: [...SELLER_AUTH_MIGRATIONS, futureV2] });
    expect(v2.version).toBe(DB_VERSION + 1);
    expect(await createAppStore(v2).get('app-1')).toEqual(anApp());
    expect(await createGrantStore(v2).get(aGrant().id)).toEqual({
      ...aGrant({ dueAt: T0 }),
      schemaNote: 'migrated to v2',
    });
    expect(await createGrantStore(v2).listDue(T0, 10)).toHaveLength(1);
    const untyped = v2 as unknown as IDBPDatabase;
    expect([...untyped.objectStoreNames]).toContain('notes');
    expect(await untyped.getAllFromIndex('grants', 'status', 'connected')).toHaveLength(1);
    v2.close();
  });

  it('upgrades v2 grants to v3, where the shop listing (none saved yet) lists them all', async () => {
    const factory = new IDBFactory();
    const v2 = await openSellerAuthDb(NAME, factory, { migrations: SELLER_AUTH_MIGRATIONS.slice(0, 2) });
    // The v2 store wrote only `grants`: the raw put is what it did.
    await (v2 as unknown as IDBPDatabase).put('grants', aGrant({ accessToken: 'live' }));
    v2.close();

    const v3 = await openSellerAuthDb(NAME, factory);
    expect(v3.version).toBe(DB_VERSION);
    expect(await createGrantStore(v3).listing()).toEqual([
      { ...aGrant(), accessToken: '', refreshToken: '' },
    ]);
    v3.close();
  });

  const brokenMigrations: Record<string, Migration> = {
    throws: (db) => {
      (db as unknown as IDBPDatabase).createObjectStore('half-done');
      throw new Error('migration bug');
    },
    'rejects after writing': async (db, tx) => {
      (db as unknown as IDBPDatabase).createObjectStore('half-done');
      await tx.objectStore('grants').clear();
      throw new Error('migration bug');
    },
  };

  for (const [how, broken] of Object.entries(brokenMigrations)) {
    it(`leaves the stored data untouched when a migration ${how}`, async () => {
      const factory = new IDBFactory();
      const v1 = await openSellerAuthDb(NAME, factory);
      await createGrantStore(v1).put(aGrant());
      v1.close();

      await expect(
        openSellerAuthDb(NAME, factory, { migrations: [...SELLER_AUTH_MIGRATIONS, broken] }),
      ).rejects.toMatchObject({ code: 'storage_failed', kind: 'upgrade' });

      const again = await openSellerAuthDb(NAME, factory);
      expect(again.version).toBe(DB_VERSION);
      expect([...again.objectStoreNames]).not.toContain('half-done');
      expect(await createGrantStore(again).get(aGrant().id)).toEqual(aGrant());
      again.close();
    });
  }

  it('refuses, without touching it, data written by a newer version', async () => {
    const factory = new IDBFactory();
    const newer = await openSellerAuthDb(NAME, factory, {
      migrations: [...SELLER_AUTH_MIGRATIONS, () => {}],
    });
    await createGrantStore(newer).put(aGrant());
    newer.close();

    const error = await openSellerAuthDb(NAME, factory).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage_failed', kind: 'newer_version' });
    expect((error as Error).message).toMatch(/newer version/);

    const stillThere = await openSellerAuthDb(NAME, factory, {
      migrations: [...SELLER_AUTH_MIGRATIONS, () => {}],
    });
    expect((await createGrantStore(stillThere).list()).length).toBe(1);
    stillThere.close();
  });

  it('closes its connection when a newer version asks, and says so', async () => {
    const factory = new IDBFactory();
    let closed = 0;
    const old = await openSellerAuthDb(NAME, factory, { onClosed: () => (closed += 1) });
    const upgraded = await openSellerAuthDb(NAME, factory, {
      migrations: [...SELLER_AUTH_MIGRATIONS, () => {}],
    });
    expect(upgraded.version).toBe(DB_VERSION + 1);
    expect(closed).toBe(1);
    await expect(createGrantStore(old).list()).rejects.toMatchObject({ code: 'storage_failed' });
    upgraded.close();
  });

  it('answers storage_failed when an older connection will not close, and opens on the next call', async () => {
    const factory = new IDBFactory();
    (await openSellerAuthDb(NAME, factory)).close();
    // Not ours: a plain connection that ignores requests to close (an old page, say).
    const stubborn = await openRaw(factory, NAME);
    const v2 = [...SELLER_AUTH_MIGRATIONS, () => {}];

    await expect(openSellerAuthDb(NAME, factory, { migrations: v2 })).rejects.toMatchObject({
      code: 'storage_failed',
      kind: 'open',
    });
    stubborn.close();
    const reopened = await openSellerAuthDb(NAME, factory, { migrations: v2 });
    expect(reopened.version).toBe(DB_VERSION + 1);
    reopened.close();
    // The connection the abandoned request opened meanwhile was closed too: nothing holds the database.
    await expect(deleteRaw(factory, NAME)).resolves.toBe('deleted');
  });
});
