import { describe, expect, it } from 'vitest';
import { connectSellerAuthDb, createStores, DB_NAME } from '../../../src/grants/store';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { aGrant, anApp } from '../../support/builders';
import { appSecret } from '../../support/checked';
import './test-db';

describe('createStores', () => {
  it('builds every store over one database', async () => {
    const stores = createStores(connectSellerAuthDb({ name: DB_NAME, factory: new IDBFactory() }));
    await stores.apps.put(anApp());
    await stores.secrets.put('app-1', appSecret('secret'));
    await stores.grants.put(aGrant());
    expect(await stores.settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(await stores.attempts.latest()).toBeUndefined();
    expect(await stores.activity.list()).toEqual([]);
    expect(await stores.apps.remove('app-1')).toBe(1);
    expect((await stores.grants.list()).length).toBe(0);
    expect(await stores.secrets.has('app-1')).toBe(false);
  });
});
