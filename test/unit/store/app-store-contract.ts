/**
 * What every AppStore must do (ports.ts), run against the IndexedDB store and the in-memory fake.
 * The stores come as a set because removing an app removes its secret and its grants with it.
 */
import { describe, expect, it } from 'vitest';
import type { AppStore, GrantStore, SecretStore } from '../../../src/grants/ports';
import { aGrant, anApp } from '../../support/builders';
import { appSecret } from '../../support/checked';

export interface AppStores {
  apps: AppStore;
  secrets: SecretStore;
  grants: GrantStore;
}

export function describeAppStoreContract(name: string, makeStores: () => Promise<AppStores>): void {
  describe(`AppStore contract: ${name}`, () => {
    it('returns undefined for an app it never stored, and lists nothing', async () => {
      const { apps } = await makeStores();
      expect(await apps.get('nobody')).toBeUndefined();
      expect(await apps.list()).toEqual([]);
    });

    it('returns what was put, replaces by id, and lists in id order', async () => {
      const { apps } = await makeStores();
      await apps.put(anApp({ id: 'app-c' }));
      await apps.put(anApp({ id: 'app-a', name: 'Old name' }));
      await apps.put(anApp({ id: 'app-b' }));
      await apps.put(anApp({ id: 'app-a', name: 'New name' }));
      expect(await apps.get('app-a')).toEqual(anApp({ id: 'app-a', name: 'New name' }));
      expect((await apps.list()).map((app) => app.id)).toEqual(['app-a', 'app-b', 'app-c']);
    });

    it('hands out copies: changing a returned app does not change the stored one', async () => {
      const { apps } = await makeStores();
      const app = anApp();
      await apps.put(app);
      app.name = 'changed after put';
      const read = await apps.get(anApp().id);
      if (!read) throw new Error('app missing');
      read.name = 'changed after get';
      expect(await apps.get(anApp().id)).toEqual(anApp());
    });

    it('refuses an app without an id, storing nothing', async () => {
      const { apps } = await makeStores();
      await expect(apps.put(anApp({ id: '' }))).rejects.toMatchObject({
        code: 'invalid_input',
        details: { field: 'id' },
      });
      expect(await apps.list()).toEqual([]);
    });

    it('removes an app with its secret and its grants, and no other app’s', async () => {
      const { apps, secrets, grants } = await makeStores();
      for (const appId of ['app-a', 'app-b']) {
        await apps.put(anApp({ id: appId }));
        await secrets.put(appId, appSecret(`secret-of-${appId}`));
      }
      await grants.put(aGrant({ id: 'a1', appId: 'app-a' }));
      await grants.put(aGrant({ id: 'a2', appId: 'app-a' }));
      await grants.put(aGrant({ id: 'b1', appId: 'app-b' }));

      expect(await apps.remove('app-a')).toBe(2);

      expect(await apps.get('app-a')).toBeUndefined();
      expect(await secrets.has('app-a')).toBe(false);
      expect((await grants.list()).map((g) => g.id)).toEqual(['b1']);
      expect((await apps.list()).map((app) => app.id)).toEqual(['app-b']);
      expect(await secrets.get('app-b')).toBe('secret-of-app-b');
    });

    it('removes nothing, and counts no grants, for an app it does not know', async () => {
      const { apps, grants } = await makeStores();
      await apps.put(anApp());
      await grants.put(aGrant());
      expect(await apps.remove('nobody')).toBe(0);
      expect(await apps.list()).toEqual([anApp()]);
      expect((await grants.list()).length).toBe(1);
    });
  });
}
