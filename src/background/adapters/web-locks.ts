import type { LockManager } from '../../grants/ports';

/** The slice of `navigator.locks` (Web Locks) the worker needs. */
export interface WebLocksApi {
  request<T>(name: string, options: { mode: 'exclusive' }, task: () => Promise<T>): Promise<T>;
}

/** Exclusive Web Locks, shared by the worker and every extension page of this origin. */
export function createWebLocks(locks: WebLocksApi = navigator.locks as unknown as WebLocksApi): LockManager {
  return {
    withLock: (name, task) => locks.request(name, { mode: 'exclusive' }, task),
  };
}
