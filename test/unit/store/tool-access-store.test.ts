import { describe, expect, it } from 'vitest';
import { createToolAccessStore } from '../../../src/grants/store/tool-access-store';
import {
  createMemoryToolAccessStore,
  grantAccess,
  type ToolAccessStore,
  toAccessView,
} from '../../../src/grants/tools/access';
import { T0 } from '../../support/builders';
import { openTestDb } from './test-db';

const tool = {
  kind: 'extension',
  id: 'abcdefghijklmnopabcdefghijklmnop',
  declaredName: 'Order tool',
} as const;

async function indexedDbStore() {
  const test = await openTestDb();
  return {
    store: createToolAccessStore(test.db),
    reopen: async () => createToolAccessStore(await test.reopen()),
  };
}

const stores: Record<string, () => Promise<{ store: ToolAccessStore }>> = {
  IndexedDB: indexedDbStore,
  memory: async () => ({ store: createMemoryToolAccessStore() }),
};

for (const [name, make] of Object.entries(stores)) {
  describe(`${name} ToolAccessStore`, () => {
    it('stores a grant of access under the caller key, replaces and removes it', async () => {
      const { store } = await make();
      const access = grantAccess(tool, { shopIds: ['g1', 'g1', 'g2'], mode: 'proxy' }, T0);
      expect(access.caller).toBe(`ext:${tool.id}`);
      expect(access.shopIds).toEqual(['g1', 'g2']);
      await store.put(access);
      expect(await store.get(access.caller)).toEqual(access);
      await store.put({ ...access, mode: 'tokens' });
      expect((await store.list()).map((row) => row.mode)).toEqual(['tokens']);
      expect(await store.remove(access.caller)).toBe(true);
      expect(await store.remove(access.caller)).toBe(false);
      expect(await store.get(access.caller)).toBeUndefined();
    });
  });
}

describe('tool access', () => {
  it('survives a reopened database', async () => {
    const { store, reopen } = await indexedDbStore();
    await store.put(
      grantAccess({ kind: 'origin', origin: 'https://tool.example' }, { shopIds: [], mode: 'proxy' }, T0),
    );
    expect(await (await reopen()).get('origin:https://tool.example')).toMatchObject({ mode: 'proxy' });
  });

  it('keeps the creation date and last use when asked again', () => {
    const first = { ...grantAccess(tool, { shopIds: ['g1'], mode: 'proxy' }, T0), lastUsedAt: T0 + 5 };
    const again = grantAccess(tool, { shopIds: ['g2'], mode: 'tokens' }, T0 + 10, first);
    expect(again).toMatchObject({ createdAt: T0, lastUsedAt: T0 + 5, shopIds: ['g2'], mode: 'tokens' });
  });

  it('lists an extension with its declared name and an origin by its origin', () => {
    expect(toAccessView(grantAccess(tool, { shopIds: ['g1'], mode: 'proxy' }, T0))).toEqual({
      caller: `ext:${tool.id}`,
      kind: 'extension',
      label: tool.id,
      declaredName: 'Order tool',
      mode: 'proxy',
      shopIds: ['g1'],
      createdAt: T0,
    });
    const page = grantAccess(
      { kind: 'origin', origin: 'https://tool.example' },
      { shopIds: [], mode: 'tokens' },
      T0,
    );
    expect(toAccessView(page)).toMatchObject({ kind: 'origin', label: 'https://tool.example' });
  });
});
