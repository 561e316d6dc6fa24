/** What every RecordBatchStore must do (ports.ts), run against the IndexedDB store and the in-memory fake. */
import { describe, expect, it } from 'vitest';
import type {
  AppStore,
  GrantStore,
  RecordBatch,
  RecordBatchStore,
  SecretStore,
  SettingsStore,
} from '../../../src/grants/ports';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { aGrant, anApp } from '../../support/builders';
import { appSecret } from '../../support/checked';

export interface BatchStores {
  batch: RecordBatchStore;
  apps: AppStore;
  secrets: SecretStore;
  grants: GrantStore;
  settings: SettingsStore;
}

/** One app with its secret, one grant, one changed setting. */
async function seeded(makeStores: () => Promise<BatchStores>): Promise<BatchStores> {
  const stores = await makeStores();
  await stores.apps.put(anApp({ id: 'app-1', name: 'Kept' }));
  await stores.secrets.put('app-1', appSecret('old-secret'));
  await stores.grants.put(aGrant({ id: 'g1', refreshToken: 'stored-pair' }));
  await stores.settings.save({ notifications: false });
  return stores;
}

async function expectUnchanged(stores: BatchStores): Promise<void> {
  expect((await stores.apps.list()).map((app) => app.id)).toEqual(['app-1']);
  expect(await stores.secrets.get('app-1')).toBe('old-secret');
  expect((await stores.grants.list()).map((grant) => [grant.id, grant.refreshToken])).toEqual([
    ['g1', 'stored-pair'],
  ]);
  expect(await stores.settings.get()).toEqual({ ...DEFAULT_SETTINGS, notifications: false });
}

export function describeRecordBatchContract(name: string, makeStores: () => Promise<BatchStores>): void {
  describe(`RecordBatchStore contract: ${name}`, () => {
    it('writes apps, secrets, grant changes and merged settings, and names the grants it wrote', async () => {
      const stores = await seeded(makeStores);

      const written = await stores.batch.write({
        apps: [anApp({ id: 'app-2', name: 'Imported' })],
        secrets: [{ appId: 'app-2', secret: appSecret('new-secret') }],
        grants: [
          { id: 'g1', change: (current) => current && { ...current, refreshToken: 'newer-pair' } },
          { id: 'g2', change: (current) => (current ? undefined : aGrant({ id: 'g2', appId: 'app-2' })) },
          { id: 'g3', change: () => undefined },
        ],
        settings: { refreshLeadMinutes: 45 },
      });

      expect(written).toEqual(['g1', 'g2']);
      expect((await stores.apps.list()).map((app) => app.id).sort()).toEqual(['app-1', 'app-2']);
      expect(await stores.secrets.get('app-2')).toBe('new-secret');
      expect(await stores.secrets.get('app-1')).toBe('old-secret');
      expect((await stores.grants.get('g1'))?.refreshToken).toBe('newer-pair');
      expect(await stores.grants.get('g2')).toMatchObject({ appId: 'app-2' });
      expect(await stores.grants.get('g3')).toBeUndefined();
      expect(await stores.settings.get()).toEqual({
        ...DEFAULT_SETTINGS,
        notifications: false,
        refreshLeadMinutes: 45,
      });
    });

    it('is all or nothing: one change that throws leaves every store as it was', async () => {
      const stores = await seeded(makeStores);
      const batch: RecordBatch = {
        apps: [anApp({ id: 'app-2' })],
        secrets: [{ appId: 'app-1', secret: appSecret('replaced-secret') }],
        grants: [
          { id: 'g1', change: (current) => current && { ...current, refreshToken: 'newer-pair' } },
          {
            id: 'g2',
            change: () => {
              throw new Error('planner bug');
            },
          },
        ],
        settings: { refreshLeadMinutes: 45 },
      };

      await expect(stores.batch.write(batch)).rejects.toThrow('planner bug');

      await expectUnchanged(stores);
    });

    it('refuses a grant the indexes could not find, and a change of id, writing nothing', async () => {
      const stores = await seeded(makeStores);
      const badDueAt = stores.batch.write({
        apps: [anApp({ id: 'app-2' })],
        secrets: [{ appId: 'app-1', secret: appSecret('replaced-secret') }],
        grants: [{ id: 'g2', change: () => ({ ...aGrant({ id: 'g2' }), dueAt: Number.NaN }) }],
      });
      await expect(badDueAt).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'dueAt' } });
      const renamed = stores.batch.write({
        apps: [anApp({ id: 'app-2' })],
        grants: [{ id: 'g1', change: () => aGrant({ id: 'other' }) }],
      });
      await expect(renamed).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'id' } });
      await expectUnchanged(stores);
    });
  });
}
