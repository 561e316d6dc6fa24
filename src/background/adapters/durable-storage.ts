import type { DurableStorage } from '../wiring/ports';

/** The slice of `navigator.storage` (StorageManager) that asks for persistence. */
export interface StorageManagerApi {
  persist(): Promise<boolean>;
}

/**
 * `navigator.storage.persist()`: best-effort storage may be evicted under disk pressure, and with it
 * every grant. `unlimitedStorage` in the manifest lifts the quota; this asks that it stay.
 */
export function createDurableStorage(storage: StorageManagerApi | undefined): DurableStorage {
  return {
    request: async () => (storage ? storage.persist() : false),
  };
}
