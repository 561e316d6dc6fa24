import { attentionCount } from '../../grants/lifecycle';
import type { Clock } from '../../grants/ports';
import type { Stores } from '../../grants/store';
import type { AttemptPhase } from '../../shared/model';
import type { StorageFault } from './storage-fault';
import type { Worker } from './worker';

interface DebugCounts {
  grants: number;
  apps: number;
  needsAttention: number;
  attempt: AttemptPhase | null;
}

export interface DebugHookDeps {
  stores: Stores;
  worker: Pick<Worker, 'shops'>;
  clock: Clock;
  storageFault?: StorageFault;
}

/**
 * Numbers only, for browser tests and support: never a token, a secret or an account. With the storage
 * fault switch, browser tests can make IndexedDB fail (see ./storage-fault.ts).
 */
function createDebugHook({ stores, worker, clock, storageFault }: DebugHookDeps) {
  return Object.freeze({
    async setStorageFault(on: boolean): Promise<void> {
      if (!storageFault) throw new Error('This build has no storage fault switch.');
      await storageFault.set(on === true);
    },
    /**
     * A script wrote grants into IndexedDB behind the worker (the benchmark's seeding, which also clears
     * the saved listing): the shop list's summary reads every grant again at its next query. The alarm
     * is left alone: the benchmark starts its drains itself, at a time it records.
     */
    grantsWrittenBehind(): void {
      worker.shops.readAllAgain();
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
export function installDebugHook(deps: DebugHookDeps): void {
  Object.defineProperty(globalThis, '__sellerAuthDebug', {
    value: createDebugHook(deps),
    writable: false,
    configurable: false,
    enumerable: false,
  });
}
