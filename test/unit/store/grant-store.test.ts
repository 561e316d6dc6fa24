import { afterEach, describe, expect, it, vi } from 'vitest';
import { NEVER_DUE } from '../../../src/grants/model';
import { createGrantStore } from '../../../src/grants/store/grant-store';
import { SellerAuthError } from '../../../src/shared/errors';
import { aGrant, T0 } from '../../support/builders';
import { describeGrantStoreContract } from './grant-store-contract';
import { openTestDb } from './test-db';

describeGrantStoreContract('IndexedDB', async () => createGrantStore((await openTestDb()).db));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('IndexedDB GrantStore', () => {
  it('keeps grants across a close and reopen of the database', async () => {
    const test = await openTestDb();
    await createGrantStore(test.db).put(aGrant({ dueAt: T0 }));
    const reopened = createGrantStore(await test.reopen());
    expect(await reopened.get(aGrant().id)).toEqual(aGrant({ dueAt: T0 }));
    expect(await reopened.earliestDueAt()).toBe(T0);
  });

  it('reads due grants through the dueAt index with a bounded range, never a scan of the store', async () => {
    const store = createGrantStore((await openTestDb()).db);
    await store.put(aGrant({ id: 'due', dueAt: T0 }));
    const storeReads = [
      vi.spyOn(IDBObjectStore.prototype, 'getAll'),
      vi.spyOn(IDBObjectStore.prototype, 'openCursor'),
    ];
    const indexGetAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    expect((await store.listDue(T0, 5)).map((g) => g.id)).toEqual(['due']);
    for (const spy of storeReads) expect(spy).not.toHaveBeenCalled();
    expect(indexGetAll).toHaveBeenCalledTimes(1);
    const [range, count] = indexGetAll.mock.calls[0] ?? [];
    expect(range).toBeInstanceOf(IDBKeyRange);
    expect((range as IDBKeyRange).upper).toBe(T0);
    expect(count).toBe(5);
  });

  it('refuses a grant whose dueAt the index could not hold, naming the field', async () => {
    const store = createGrantStore((await openTestDb()).db);
    const bad = aGrant({ dueAt: Number.NaN });
    await expect(store.put(bad)).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'dueAt' },
    });
    await expect(store.put(aGrant({ id: '' }))).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await store.list()).length).toBe(0);
  });

  it('refuses an update that would store an unindexable grant or move it to another id', async () => {
    const store = createGrantStore((await openTestDb()).db);
    await store.put(aGrant());
    const id = aGrant().id;
    await expect(store.update(id, (g) => g && { ...g, dueAt: Number.NaN })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'dueAt' },
    });
    await expect(store.update(id, (g) => g && { ...g, id: 'other' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'id' },
    });
    expect(await store.list()).toEqual([aGrant()]);
  });

  it('answers NaN as a time with invalid_input', async () => {
    const store = createGrantStore((await openTestDb()).db);
    await expect(store.listDue(Number.NaN, 5)).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'now' },
    });
  });

  it('lists every due grant when the limit is Infinity', async () => {
    const store = createGrantStore((await openTestDb()).db);
    await store.put(aGrant({ id: 'a', dueAt: T0 }));
    await store.put(aGrant({ id: 'b', dueAt: T0 + 1 }));
    await store.put(aGrant({ id: 'n', dueAt: NEVER_DUE }));
    expect((await store.listDue(T0 + 1, Number.POSITIVE_INFINITY)).map((g) => g.id)).toEqual(['a', 'b']);
  });

  it('reports a record the browser cannot store as storage_failed, without its tokens', async () => {
    const store = createGrantStore((await openTestDb()).db);
    const grant = { ...aGrant({ accessToken: 'TOKEN-must-not-leak' }), callback: () => 'not cloneable' };
    const error = await store.put(grant).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SellerAuthError);
    expect(error).toMatchObject({ code: 'storage_failed', retryable: true });
    const shown = JSON.stringify((error as SellerAuthError).toData()) + String((error as Error).cause);
    expect(shown).not.toContain('TOKEN-must-not-leak');
    expect(shown).not.toContain('not cloneable');
    expect((await store.list()).length).toBe(0);
  });

  it('reports a full disk as storage_failed in words, keeping the stored grant', async () => {
    const store = createGrantStore((await openTestDb()).db);
    await store.put(aGrant({ failures: 1 }));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('no space for access-token-of-grant', 'QuotaExceededError');
    });
    const error = await store.update(aGrant().id, (g) => g && { ...g, failures: 2 }).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toMatchObject({
      code: 'storage_failed',
      kind: 'quota',
      message: 'The browser has no room left to save the grant.',
    });
    expect(await store.get(aGrant().id)).toEqual(aGrant({ failures: 1 }));
  });

  it('reports a closed database as storage_failed', async () => {
    const test = await openTestDb();
    const store = createGrantStore(test.db);
    test.db.close();
    await expect(store.get('any')).rejects.toMatchObject({ code: 'storage_failed' });
    await expect(store.update('any', () => aGrant({ id: 'any' }))).rejects.toMatchObject({
      code: 'storage_failed',
    });
  });
});
