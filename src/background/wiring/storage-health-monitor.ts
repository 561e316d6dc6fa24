/**
 * Keeps the storage health (src/grants/storage-health.ts) in memory and in a kept value outside
 * IndexedDB, since IndexedDB may be what fails, and the value must outlive a worker restart. Changes run
 * one at a time; `onChange` hears each one that changed something.
 */
import type { Clock } from '../../grants/ports';
import {
  afterSuccess,
  HEALTHY,
  isFailing,
  needsWriteToRecover,
  type StorageHealth,
  type StorageUse,
  withFailure,
} from '../../grants/storage-health';
import type { StorageFailureKind } from '../../shared/storage-health';
import { logFailure } from './log-failure';
import type { KeptValue } from './ports';

export interface StorageHealthChange {
  before: StorageHealth;
  after: StorageHealth;
}

export interface StorageHealthMonitor {
  /** Loaded once from the kept value; nothing kept means healthy. */
  current(): Promise<StorageHealth>;
  /** What is known right now, without waiting (healthy until loaded). */
  failingNow(): boolean;
  /** Whether a write is what would show recovery (see needsWriteToRecover). */
  needsWriteToRecover(): boolean;
  failed(kind: StorageFailureKind): Promise<void>;
  succeeded(use: StorageUse): Promise<void>;
}

export function createStorageHealthMonitor(deps: {
  kept: KeptValue<StorageHealth>;
  clock: Clock;
  onChange(change: StorageHealthChange): Promise<void>;
}): StorageHealthMonitor {
  let health: StorageHealth | undefined;
  let loading: Promise<StorageHealth> | undefined;
  let queue: Promise<void> = Promise.resolve();

  const load = (): Promise<StorageHealth> => {
    loading ??= deps.kept
      .read()
      .catch((error: unknown) => {
        logFailure('reading the kept storage health')(error);
        return undefined;
      })
      .then((kept) => {
        // A change that ran meanwhile knows better than what was kept.
        health ??= kept ?? HEALTHY;
        return health;
      });
    return loading;
  };

  const change = (next: (current: StorageHealth) => StorageHealth): Promise<void> => {
    const step = queue.then(async () => {
      await load();
      const before = health ?? HEALTHY;
      const after = next(before);
      if (after === before) return;
      // Memory first: a reaction that uses storage again must already see the new state.
      health = after;
      await deps.kept.write(after).catch(logFailure('keeping the storage health'));
      await deps.onChange({ before, after }).catch(logFailure('reporting the storage health'));
    });
    queue = step.catch(() => {});
    return step;
  };

  return {
    current: async () => {
      await load();
      await queue;
      return health ?? HEALTHY;
    },
    failingNow: () => health !== undefined && isFailing(health),
    needsWriteToRecover: () => health !== undefined && needsWriteToRecover(health),
    failed: (kind) => change((current) => withFailure(current, kind, deps.clock.now())),
    succeeded: (use) => {
      // The common case costs nothing: storage works and is known to.
      if (health !== undefined && !isFailing(health)) return Promise.resolve();
      return change((current) => afterSuccess(current, use));
    },
  };
}

/** A kept value in memory only: for tests and tools that have no session storage. */
export function memoryKeptValue<T>(initial?: T): KeptValue<T> {
  let value: T | undefined = initial === undefined ? undefined : structuredClone(initial);
  return {
    read: async () => (value === undefined ? undefined : structuredClone(value)),
    write: async (next) => {
      value = structuredClone(next);
    },
  };
}
