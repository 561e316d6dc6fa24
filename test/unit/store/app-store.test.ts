import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/grants/store/app-store';
import { createGrantStore } from '../../../src/grants/store/grant-store';
import { createSecretStore } from '../../../src/grants/store/secret-store';
import { aGrant, anApp } from '../../support/builders';
import { appSecret } from '../../support/checked';
import { describeAppStoreContract } from './app-store-contract';
import { openTestDb } from './test-db';

afterEach(() => {
  vi.restoreAllMocks();
});

async function twoAppsWithGrants() {
  const test = await openTestDb();
  const apps = createAppStore(test.db);
  const secrets = createSecretStore(test.db);
  const grants = createGrantStore(test.db);
  for (const appId of ['app-a', 'app-b']) {
    await apps.put(anApp({ id: appId }));
    await secrets.put(appId, appSecret(`secret-of-${appId}`));
  }
  await grants.put(aGrant({ id: 'a1', appId: 'app-a' }));
  await grants.put(aGrant({ id: 'a2', appId: 'app-a' }));
  await grants.put(aGrant({ id: 'b1', appId: 'app-b' }));
  return { test, apps, secrets, grants };
}

describeAppStoreContract('IndexedDB', async () => {
  const { db } = await openTestDb();
  return { apps: createAppStore(db), secrets: createSecretStore(db), grants: createGrantStore(db) };
});

describe('IndexedDB AppStore', () => {
  it('stores, replaces and lists app profiles', async () => {
    const apps = createAppStore((await openTestDb()).db);
    await apps.put(anApp({ id: 'a', name: 'First' }));
    await apps.put(anApp({ id: 'b' }));
    await apps.put(anApp({ id: 'a', name: 'Renamed' }));
    expect(await apps.get('a')).toEqual(anApp({ id: 'a', name: 'Renamed' }));
    expect(await apps.get('missing')).toBeUndefined();
    expect((await apps.list()).map((a) => a.id).sort()).toEqual(['a', 'b']);
  });

  it('refuses an app without an id', async () => {
    const apps = createAppStore((await openTestDb()).db);
    await expect(apps.put(anApp({ id: '' }))).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'id' },
    });
  });

  it('removes an app with its secret and all its grants, and counts the grants', async () => {
    const { apps, secrets, grants } = await twoAppsWithGrants();
    expect(await apps.remove('app-a')).toBe(2);
    expect(await apps.get('app-a')).toBeUndefined();
    expect(await secrets.has('app-a')).toBe(false);
    expect(await grants.listByApp('app-a')).toEqual([]);
    // The other app keeps everything.
    expect(await apps.get('app-b')).toEqual(anApp({ id: 'app-b' }));
    expect(await secrets.get('app-b')).toBe('secret-of-app-b');
    expect((await grants.list()).map((g) => g.id)).toEqual(['b1']);
  });

  it('removes nothing else, and counts 0, for an app it does not know', async () => {
    const { apps, grants } = await twoAppsWithGrants();
    expect(await apps.remove('app-z')).toBe(0);
    expect((await grants.list()).length).toBe(3);
    expect(await apps.list()).toHaveLength(2);
  });

  it('removes all or nothing: a failure half-way keeps the app, its secret and its grants', async () => {
    const { apps, secrets, grants } = await twoAppsWithGrants();
    const realDelete = IDBObjectStore.prototype.delete;
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, key) {
      if (this.name === 'grants') throw new DOMException('disk went away', 'UnknownError');
      return realDelete.call(this, key);
    });
    await expect(apps.remove('app-a')).rejects.toMatchObject({ code: 'storage_failed' });
    vi.restoreAllMocks();

    expect(await apps.get('app-a')).toEqual(anApp({ id: 'app-a' }));
    expect(await secrets.get('app-a')).toBe('secret-of-app-a');
    expect((await grants.listByApp('app-a')).map((g) => g.id).sort()).toEqual(['a1', 'a2']);
  });

  it('keeps apps across a close and reopen', async () => {
    const test = await openTestDb();
    await createAppStore(test.db).put(anApp());
    expect(await createAppStore(await test.reopen()).get('app-1')).toEqual(anApp());
  });
});
