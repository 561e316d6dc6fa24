/**
 * The sandbox build's storage fault switch fails IndexedDB for real (here fake-indexeddb, in the
 * browser tests Chromium's): the open's upgrade aborts, the store call fails as a storage failure of
 * kind `upgrade`, nothing stored changes, and the switch is kept outside the database.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createStorageFault } from '../../../src/background/wiring/storage-fault';
import { memoryKeptValue } from '../../../src/background/wiring/storage-health-monitor';
import { connectSellerAuthDb, createGrantStore, DB_VERSION } from '../../../src/grants/store';
import { StorageFailure } from '../../../src/grants/store/storage-errors';
import { aGrant } from '../../support/builders';

describe('storage fault switch', () => {
  it('makes every open fail until it is switched off, and changes nothing stored', async () => {
    const flag = memoryKeptValue<boolean>();
    const connection = connectSellerAuthDb();
    const fault = createStorageFault(flag);
    const grants = createGrantStore(fault.wrap(connection));
    await grants.put(aGrant());
    const live = await connection();

    await fault.set(true);
    const error = await grants.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFailure);
    expect(error).toMatchObject({ code: 'storage_failed', kind: 'upgrade' });
    await expect(grants.put(aGrant({ failures: 3 }))).rejects.toMatchObject({ kind: 'upgrade' });
    expect(await flag.read()).toBe(true);

    // A second worker with the same kept switch starts failing too.
    const restarted = createGrantStore(createStorageFault(flag).wrap(connectSellerAuthDb()));
    await expect(restarted.list()).rejects.toMatchObject({ kind: 'upgrade' });

    await fault.set(false);
    const reopened = await connection();
    expect(reopened).not.toBe(live); // the failing upgrade's versionchange closed the live connection
    expect(reopened.version).toBe(DB_VERSION);
    expect(await grants.list()).toEqual([aGrant()]);
  });
});
