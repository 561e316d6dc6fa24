/** ToolAccessStore over IndexedDB: one record per caller (store `toolAccess`, key `caller`). */
import type { ToolAccessStore } from '../tools/access';
import { type DbSource, resolveDb } from './connection';
import { requireId } from './record-checks';
import { guardStorage, transact } from './storage-errors';

export function createToolAccessStore(source: DbSource): ToolAccessStore {
  const open = () => resolveDb(source);
  return {
    get: (caller) => guardStorage('read a tool access', async () => (await open()).get('toolAccess', caller)),
    list: () => guardStorage('list tool access', async () => (await open()).getAll('toolAccess')),
    put: (access) =>
      guardStorage('save a tool access', async () => {
        requireId(access.caller, 'caller');
        await (await open()).put('toolAccess', access);
      }),
    remove: (caller) =>
      guardStorage('remove a tool access', async () =>
        transact((await open()).transaction('toolAccess', 'readwrite'), async (tx) => {
          if ((await tx.store.getKey(caller)) === undefined) return false;
          await tx.store.delete(caller);
          return true;
        }),
      ),
  };
}
