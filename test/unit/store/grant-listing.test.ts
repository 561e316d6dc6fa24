/**
 * The saved listing over IndexedDB: a woken worker's shop list is one record and the grants written
 * since, never stale whatever the write, and never holding a token.
 */
import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Grant } from '../../../src/grants/model';
import { createStores } from '../../../src/grants/store';
import { LISTING_KEY, SAVE_FROM } from '../../../src/grants/store/grant-listing';
import type { SellerAuthDb } from '../../../src/grants/store/schema';
import { aGrant, anApp, T0 } from '../../support/builders';
import { openTestDb } from './test-db';

const ids = (grants: Grant[]) => grants.map((grant) => grant.id).sort();

/** Written straight into the `grants` store, as no store method would: no note for the listing. */
async function writeBehind(db: IDBPDatabase<SellerAuthDb>, grant: Grant): Promise<void> {
  await db.put('grants', grant);
}

async function setup() {
  const test = await openTestDb();
  const stores = createStores(test.db);
  await stores.apps.put(anApp({ id: 'app-1' }));
  await stores.apps.put(anApp({ id: 'app-2' }));
  for (const id of ['app-1|a', 'app-1|b', 'app-2|c']) {
    await stores.grants.put(aGrant({ id, appId: id.split('|')[0]!, accessToken: `access-${id}` }));
  }
  return { test, stores };
}

describe('the saved listing', () => {
  it('is read once saved: the saved record and the grants each store write noted since', async () => {
    const { test, stores } = await setup();
    await stores.grants.saveListing();
    // Unnoted, so invisible: proof the saved record is what is read, not every grant.
    await writeBehind(test.db, aGrant({ id: 'app-1|behind', appId: 'app-1' }));
    expect(ids(await stores.grants.listing())).toEqual(['app-1|a', 'app-1|b', 'app-2|c']);

    await stores.grants.put(aGrant({ id: 'app-1|d', appId: 'app-1' }));
    await stores.grants.update('app-1|a', (grant) => grant && { ...grant, dueAt: T0 + 1 });
    await stores.grants.remove('app-1|b');
    await stores.apps.remove('app-2');
    await stores.batch.write({
      grants: [{ id: 'app-1|e', change: () => aGrant({ id: 'app-1|e', appId: 'app-1' }) }],
    });
    const listing = await stores.grants.listing();
    expect(ids(listing)).toEqual(['app-1|a', 'app-1|d', 'app-1|e']);
    expect(listing.find((grant) => grant.id === 'app-1|a')?.dueAt).toBe(T0 + 1);
  });

  it('is saved again only once enough changes have gathered, and survives a restart', async () => {
    const { test, stores } = await setup();
    await stores.grants.saveListing();
    await stores.grants.remove('app-1|a');
    // One change: left for the read, the listing not written again.
    await stores.grants.saveListing();
    expect(await test.db.count('listingChanges')).toBe(1);
    expect(await test.db.get('listing', LISTING_KEY)).toHaveLength(3);

    for (let n = 1; n < SAVE_FROM; n++) {
      await stores.grants.put(aGrant({ id: `app-1|new-${n}`, appId: 'app-1' }));
    }
    await stores.grants.saveListing();
    expect(await test.db.count('listingChanges')).toBe(0);
    expect(await test.db.get('listing', LISTING_KEY)).toHaveLength(2 + SAVE_FROM - 1);
    const restarted = createStores(await test.reopen());
    const listed = ids(await restarted.grants.listing());
    expect(listed).toHaveLength(2 + SAVE_FROM - 1);
    expect(listed).not.toContain('app-1|a');
  });

  it('holds no token', async () => {
    const { test, stores } = await setup();
    await stores.grants.saveListing();
    const saved = await test.db.get('listing', LISTING_KEY);
    expect(saved).toHaveLength(3);
    for (const grant of saved ?? []) expect([grant.accessToken, grant.refreshToken]).toEqual(['', '']);
  });

  it('reads every grant while none is saved, and after more changes than a quick read covers', async () => {
    const { test, stores } = await setup();
    await writeBehind(test.db, aGrant({ id: 'app-1|behind', appId: 'app-1' }));
    expect(ids(await stores.grants.listing())).toContain('app-1|behind');

    await stores.grants.saveListing();
    await writeBehind(test.db, aGrant({ id: 'app-1|behind-2', appId: 'app-1' }));
    for (let n = 0; n < 1001; n++) {
      await stores.grants.put(aGrant({ id: `app-1|many-${n}`, appId: 'app-1' }));
    }
    expect(ids(await stores.grants.listing())).toContain('app-1|behind-2');
  });
});
