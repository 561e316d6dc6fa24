import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../../src/grants/store/activity-entry';
import {
  createActivityLog,
  DEFAULT_MAX_ACTIVITY_ENTRIES,
  DEFAULT_MAX_ACTIVITY_PER_SHOP,
} from '../../../src/grants/store/activity-log';
import type { ActivityEntry } from '../../../src/shared/model';
import { T0 } from '../../support/builders';
import { describeActivityLogContract } from './activity-log-contract';
import { openTestDb } from './test-db';

function entry(at: number, grantId?: string): Omit<ActivityEntry, 'id'> {
  return grantId === undefined ? { at, kind: 'refreshed' } : { at, kind: 'refreshed', grantId };
}

describeActivityLogContract('IndexedDB', async (options) =>
  createActivityLog((await openTestDb()).db, options),
);

describe('IndexedDB ActivityLog', () => {
  it('lists entries newest first, numbering them as they come', async () => {
    const log = createActivityLog((await openTestDb()).db);
    await log.add(entry(T0 + 20));
    await log.add(entry(T0));
    await log.add(entry(T0 + 40));
    const listed = await log.list();
    expect(listed.map((e) => e.at)).toEqual([T0 + 40, T0 + 20, T0]);
    expect(listed.map((e) => e.id)).toEqual([3, 1, 2]);
  });

  it('orders entries of the same moment by when they were added', async () => {
    const log = createActivityLog((await openTestDb()).db);
    await log.add({ at: T0, kind: 'authorized' });
    await log.add({ at: T0, kind: 'refreshed' });
    expect((await log.list()).map((e) => e.kind)).toEqual(['refreshed', 'authorized']);
  });

  it('lists one grant’s entries, newest first', async () => {
    const log = createActivityLog((await openTestDb()).db);
    await log.add(entry(T0, 'g-1'));
    await log.add(entry(T0 + 5, 'g-2'));
    await log.add(entry(T0 + 10, 'g-1'));
    await log.add(entry(T0 + 15));
    expect((await log.list({ grantId: 'g-1' })).map((e) => [e.grantId, e.at])).toEqual([
      ['g-1', T0 + 10],
      ['g-1', T0],
    ]);
    expect(await log.list({ grantId: 'g-9' })).toEqual([]);
  });

  it('returns at most `limit` entries, the newest', async () => {
    const log = createActivityLog((await openTestDb()).db);
    for (let i = 0; i < 5; i += 1) await log.add(entry(T0 + i, 'g-1'));
    expect((await log.list({ limit: 2 })).map((e) => e.at)).toEqual([T0 + 4, T0 + 3]);
    expect((await log.list({ grantId: 'g-1', limit: 3 })).map((e) => e.at)).toEqual([T0 + 4, T0 + 3, T0 + 2]);
    expect(await log.list({ limit: 0 })).toEqual([]);
  });

  it('drops the oldest entries beyond its bound', async () => {
    const test = await openTestDb();
    const log = createActivityLog(test.db, { maxEntries: 3 });
    for (let i = 0; i < 7; i += 1) await log.add(entry(T0 + i));
    expect((await log.list()).map((e) => e.at)).toEqual([T0 + 6, T0 + 5, T0 + 4]);
    expect(await test.db.count('activity')).toBe(3);
  });

  it(`keeps ${DEFAULT_MAX_ACTIVITY_PER_SHOP} entries per shop by default, and about as many for 5,000 shops in all`, async () => {
    expect(DEFAULT_MAX_ACTIVITY_ENTRIES).toBe(5000 * DEFAULT_MAX_ACTIVITY_PER_SHOP);
    const test = await openTestDb();
    const log = createActivityLog(test.db);
    for (let i = 0; i < DEFAULT_MAX_ACTIVITY_PER_SHOP + 5; i += 1) await log.add(entry(T0 + i, 'g-1'));
    await log.add(entry(T0, 'g-2'));
    const shop = await log.list({ grantId: 'g-1', limit: 1000 });
    expect(shop).toHaveLength(DEFAULT_MAX_ACTIVITY_PER_SHOP);
    expect(shop.at(-1)?.at).toBe(T0 + 5);
    expect(await log.list({ grantId: 'g-2' })).toHaveLength(1);
    expect(await test.db.count('activity')).toBe(DEFAULT_MAX_ACTIVITY_PER_SHOP + 1);
  }, 20_000);

  it('checks the whole bound on the first add of a worker, then every 0.1 % of it', async () => {
    const test = await openTestDb();
    const seed = test.db.transaction('activity', 'readwrite');
    for (let i = 0; i < 2010; i += 1) void seed.store.add({ at: T0 + i, kind: 'refreshed' });
    await seed.done;
    const log = createActivityLog(test.db, { maxEntries: 2000 });
    await log.add(entry(T0 + 2010));
    expect(await test.db.count('activity')).toBe(2000);
    // Checked every 2 adds at this bound: one over between checks, never more.
    await log.add(entry(T0 + 2011));
    expect(await test.db.count('activity')).toBe(2001);
    await log.add(entry(T0 + 2012));
    expect(await test.db.count('activity')).toBe(2000);
    expect((await log.list({ limit: 1 }))[0]?.at).toBe(T0 + 2012);
  }, 20_000); // fake-indexeddb writes 2000 records slowly

  it('stores the detail capped and with token-like text blanked out', async () => {
    const log = createActivityLog((await openTestDb()).db);
    const token = '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg';
    await log.add({ at: T0, kind: 'refreshed', detail: `new token ${token}` });
    const [stored] = await log.list();
    expect(stored?.detail).toBe(`new token ${REDACTED}`);
  });

  it('keeps entries across a close and reopen', async () => {
    const test = await openTestDb();
    await createActivityLog(test.db).add(entry(T0, 'g-1'));
    expect(await createActivityLog(await test.reopen()).list()).toEqual([{ id: 1, ...entry(T0, 'g-1') }]);
  });
});
