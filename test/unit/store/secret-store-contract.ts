/** What every SecretStore must do (ports.ts), run against the IndexedDB store and the in-memory fake. */
import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../../../src/grants/ports';
import { appSecret } from '../../support/checked';

export function describeSecretStoreContract(name: string, makeStore: () => Promise<SecretStore>): void {
  describe(`SecretStore contract: ${name}`, () => {
    it('has no secret for an app it never stored', async () => {
      const secrets = await makeStore();
      expect(await secrets.get('app-1')).toBeUndefined();
      expect(await secrets.has('app-1')).toBe(false);
    });

    it('keeps one secret per app, the last one put', async () => {
      const secrets = await makeStore();
      await secrets.put('app-1', appSecret('first'));
      await secrets.put('app-1', appSecret('second'));
      await secrets.put('app-2', appSecret('other'));
      expect(await secrets.get('app-1')).toBe('second');
      expect(await secrets.get('app-2')).toBe('other');
      expect(await secrets.has('app-1')).toBe(true);
      expect(await secrets.has('app-3')).toBe(false);
    });

    it('refuses a secret for no app, storing nothing', async () => {
      const secrets = await makeStore();
      await expect(secrets.put('', appSecret('orphan'))).rejects.toMatchObject({
        code: 'invalid_input',
        details: { field: 'appId' },
      });
      expect(await secrets.has('')).toBe(false);
    });
  });
}
