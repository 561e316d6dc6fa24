import { attentionCount } from '../../grants/lifecycle';
import type { Clock } from '../../grants/ports';
import type { Stores } from '../../grants/store';
import type { AttemptPhase } from '../../shared/model';
import type { StorageFault } from './storage-fault';

interface DebugCounts {
  grants: number;
  apps: number;
  needsAttention: number;
  attempt: AttemptPhase | null;
}

/**
 * Numbers only, for browser tests and support: never a token, a secret or an account. With the storage
 * fault switch, browser tests can make IndexedDB fail (see ./storage-fault.ts).
 */
function createDebugHook(stores: Stores, clock: Clock, storageFault: StorageFault | undefined) {
  return Object.freeze({
    async setStorageFault(on: boolean): Promise<void> {
      if (!storageFault) throw new Error('This build has no storage fault switch.');
      await storageFault.set(on === true);
    },
    async counts(): Promise<DebugCounts> {
      const [grants, apps, settings, attempt] = await Promise.all([
        stores.grants.list(),
        stores.apps.list(),
        stores.settings.get(),
        stores.attempts.latest(),
      ]);
      return {
        grants: grants.length,
        apps: apps.length,
        needsAttention: attentionCount(grants, settings, clock.now()),
        attempt: attempt?.phase ?? null,
      };
    },
  });
}

/** Installs the hook as `globalThis.__sellerAuthDebug`, read-only. Only the sandbox build calls this. */
export function installDebugHook(stores: Stores, clock: Clock, storageFault?: StorageFault): void {
  Object.defineProperty(globalThis, '__sellerAuthDebug', {
    value: createDebugHook(stores, clock, storageFault),
    writable: false,
    configurable: false,
    enumerable: false,
  });
}
