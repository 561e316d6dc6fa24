/**
 * What every GrantStore must do, as ports.ts describes it. Run against the IndexedDB store
 * (grant-store.test.ts) and against the in-memory fake (fake-store-contracts.test.ts), so the fake the
 * worker's logic is tested with cannot drift from the real store.
 */
import { describe, expect, it } from 'vitest';
import { type Grant, NEVER_DUE } from '../../../src/grants/model';
import type { GrantStore } from '../../../src/grants/ports';
import { aGrant, T0 } from '../../support/builders';

export function describeGrantStoreContract(name: string, makeStore: () => Promise<GrantStore>): void {
  describe(`GrantStore contract: ${name}`, () => {
    describe('get / put / list', () => {
      it('returns undefined for a grant it never stored', async () => {
        const store = await makeStore();
        expect(await store.get('nobody')).toBeUndefined();
      });

      it('returns what was put, field for field', async () => {
        const store = await makeStore();
        const grant = aGrant({
          lastRefreshedAt: T0 + 5,
          lastError: { code: 'network', message: 'x', retryable: true },
        });
        await store.put(grant);
        expect(await store.get(grant.id)).toEqual(grant);
      });

      it('replaces a grant put again under the same id', async () => {
        const store = await makeStore();
        await store.put(aGrant({ accessToken: 'old' }));
        await store.put(aGrant({ accessToken: 'new' }));
        expect((await store.get(aGrant().id))?.accessToken).toBe('new');
        expect((await store.list()).length).toBe(1);
      });

      it('hands out copies: changing a returned grant does not change the stored one', async () => {
        const store = await makeStore();
        const grant = aGrant();
        await store.put(grant);
        grant.accessToken = 'changed after put';
        const read = await store.get(grant.id);
        if (!read) throw new Error('grant missing');
        read.remindedDays.push(7);
        expect(await store.get(grant.id)).toEqual(aGrant());
      });

      it('lists every grant, and by app only that app’s grants', async () => {
        const store = await makeStore();
        await store.put(aGrant({ id: 'a1', appId: 'app-a' }));
        await store.put(aGrant({ id: 'a2', appId: 'app-a' }));
        await store.put(aGrant({ id: 'b1', appId: 'app-b' }));
        expect((await store.list()).map((g) => g.id).sort()).toEqual(['a1', 'a2', 'b1']);
        expect((await store.listByApp('app-a')).map((g) => g.id).sort()).toEqual(['a1', 'a2']);
        expect(await store.listByApp('app-c')).toEqual([]);
        expect((await store.list()).length).toBe(3);
      });

      it('refuses a grant it could not index, naming the field, and keeps what was stored', async () => {
        const store = await makeStore();
        await store.put(aGrant());
        for (const [field, bad] of [
          ['id', aGrant({ id: '' })],
          ['appId', aGrant({ appId: '' })],
          ['dueAt', aGrant({ dueAt: Number.NaN })],
        ] as const) {
          await expect(store.put(bad)).rejects.toMatchObject({ code: 'invalid_input', details: { field } });
        }
        expect(await store.list()).toEqual([aGrant()]);
      });
    });

    describe('update', () => {
      it('gives `change` the stored grant and stores and returns what it returns', async () => {
        const store = await makeStore();
        await store.put(aGrant({ failures: 2 }));
        const seen: (Grant | undefined)[] = [];
        const result = await store.update(aGrant().id, (current) => {
          seen.push(current);
          return current && { ...current, failures: current.failures + 1 };
        });
        expect(seen).toEqual([aGrant({ failures: 2 })]);
        expect(result?.failures).toBe(3);
        expect((await store.get(aGrant().id))?.failures).toBe(3);
      });

      it('gives `change` undefined for a missing grant, and can create it', async () => {
        const store = await makeStore();
        const created = aGrant({ id: 'new-grant' });
        const result = await store.update('new-grant', (current) =>
          current === undefined ? created : current,
        );
        expect(result).toEqual(created);
        expect(await store.get('new-grant')).toEqual(created);
      });

      it('leaves the grant as it is when `change` returns undefined, and resolves to it', async () => {
        const store = await makeStore();
        await store.put(aGrant({ failures: 4 }));
        expect(await store.update(aGrant().id, () => undefined)).toEqual(aGrant({ failures: 4 }));
        expect(await store.get(aGrant().id)).toEqual(aGrant({ failures: 4 }));
        expect(await store.update('missing', () => undefined)).toBeUndefined();
        expect((await store.list()).length).toBe(1);
      });

      it('refuses a change that moves the grant to another id, and keeps the stored one', async () => {
        const store = await makeStore();
        await store.put(aGrant());
        await expect(store.update(aGrant().id, (g) => g && { ...g, id: 'other' })).rejects.toMatchObject({
          code: 'invalid_input',
        });
        expect(await store.list()).toEqual([aGrant()]);
      });

      it('rethrows what `change` throws and keeps the stored grant', async () => {
        const store = await makeStore();
        await store.put(aGrant());
        const boom = new Error('change failed');
        await expect(
          store.update(aGrant().id, () => {
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(await store.get(aGrant().id)).toEqual(aGrant());
      });

      it('applies concurrent updates of one grant one after the other: none is lost', async () => {
        const store = await makeStore();
        await store.put(aGrant({ failures: 0, remindedDays: [] }));
        const id = aGrant().id;
        await Promise.all([
          store.update(id, (g) => g && { ...g, failures: g.failures + 1 }),
          store.update(id, (g) => g && { ...g, remindedDays: [...g.remindedDays, 7] }),
          ...Array.from({ length: 8 }, () =>
            store.update(id, (g) => g && { ...g, failures: g.failures + 1 }),
          ),
        ]);
        const stored = await store.get(id);
        expect(stored?.failures).toBe(9);
        expect(stored?.remindedDays).toEqual([7]);
      });
    });

    describe('remove', () => {
      it('removes a stored grant and says whether there was one', async () => {
        const store = await makeStore();
        await store.put(aGrant({ id: 'keep' }));
        await store.put(aGrant({ id: 'drop' }));
        expect(await store.remove('drop')).toBe(true);
        expect(await store.remove('drop')).toBe(false);
        expect(await store.get('drop')).toBeUndefined();
        expect((await store.list()).map((g) => g.id)).toEqual(['keep']);
      });
    });

    describe('listDue', () => {
      async function storeWithDueTimes(dueTimes: Record<string, number>): Promise<GrantStore> {
        const store = await makeStore();
        for (const [id, dueAt] of Object.entries(dueTimes)) await store.put(aGrant({ id, dueAt }));
        return store;
      }

      it('lists grants due at or before `now`, earliest first', async () => {
        const store = await storeWithDueTimes({
          late: T0 + 300,
          early: T0 + 100,
          exact: T0 + 200,
          future: T0 + 201,
        });
        expect((await store.listDue(T0 + 200, 10)).map((g) => g.id)).toEqual(['early', 'exact']);
      });

      it('stops at `limit`, keeping the earliest', async () => {
        const store = await storeWithDueTimes({ c: T0 + 3, a: T0 + 1, b: T0 + 2 });
        expect((await store.listDue(T0 + 10, 2)).map((g) => g.id)).toEqual(['a', 'b']);
        expect(await store.listDue(T0 + 10, 0)).toEqual([]);
      });

      it('never lists a grant that is never due, however late `now` is', async () => {
        const store = await storeWithDueTimes({ never: NEVER_DUE, due: T0 });
        expect((await store.listDue(NEVER_DUE, 10)).map((g) => g.id)).toEqual(['due']);
        expect((await store.listDue(Number.POSITIVE_INFINITY, 10)).map((g) => g.id)).toEqual(['due']);
      });

      it('refuses NaN for `now`', async () => {
        const store = await storeWithDueTimes({ g: T0 });
        await expect(store.listDue(Number.NaN, 10)).rejects.toMatchObject({ code: 'invalid_input' });
      });

      it('follows dueAt as updates move it', async () => {
        const store = await storeWithDueTimes({ g: T0 + 1000 });
        expect(await store.listDue(T0, 10)).toEqual([]);
        await store.update('g', (g) => g && { ...g, dueAt: T0 - 1 });
        expect((await store.listDue(T0, 10)).map((g) => g.id)).toEqual(['g']);
      });
    });

    describe('listing', () => {
      const blanked = (grant: Grant) => ({ ...grant, accessToken: '', refreshToken: '' });
      const byId = (grants: Grant[]) => [...grants].sort((a, b) => (a.id < b.id ? -1 : 1));

      it('is every grant with its tokens blanked, before and after it is saved, through every write', async () => {
        const store = await makeStore();
        await store.put(aGrant({ id: 'a', accessToken: 'live-a' }));
        await store.put(aGrant({ id: 'b' }));
        expect(byId(await store.listing())).toEqual(byId((await store.list()).map(blanked)));
        await store.saveListing();
        await store.update('a', (g) => g && { ...g, dueAt: T0 + 9 });
        await store.remove('b');
        await store.put(aGrant({ id: 'c' }));
        expect(byId(await store.listing())).toEqual(byId((await store.list()).map(blanked)));
        await store.saveListing();
        await store.saveListing();
        const listing = await store.listing();
        expect(byId(listing)).toEqual(byId((await store.list()).map(blanked)));
        expect(JSON.stringify(listing)).not.toContain('live-a');
      });
    });

    describe('earliestDueAt', () => {
      it('is undefined with no grants', async () => {
        const store = await makeStore();
        expect(await store.earliestDueAt()).toBeUndefined();
      });

      it('is undefined when every grant is never due', async () => {
        const store = await makeStore();
        await store.put(aGrant({ id: 'a', dueAt: NEVER_DUE }));
        await store.put(aGrant({ id: 'b', dueAt: NEVER_DUE }));
        expect(await store.earliestDueAt()).toBeUndefined();
      });

      it('is the smallest dueAt, and moves when that grant is removed', async () => {
        const store = await makeStore();
        await store.put(aGrant({ id: 'later', dueAt: T0 + 500 }));
        await store.put(aGrant({ id: 'sooner', dueAt: T0 + 20 }));
        await store.put(aGrant({ id: 'never', dueAt: NEVER_DUE }));
        expect(await store.earliestDueAt()).toBe(T0 + 20);
        await store.remove('sooner');
        expect(await store.earliestDueAt()).toBe(T0 + 500);
      });
    });
  });
}
