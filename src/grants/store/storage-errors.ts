/**
 * Turns IndexedDB failures into `storage_failed`. The message names the operation and the kind of
 * failure only: a browser's own message can quote the value it failed to store (DataCloneError does),
 * and that value may hold a token or a secret, so it is never copied and never kept as `cause`.
 */
import { SellerAuthError } from '../../shared/errors';
import type { StorageFailureKind } from '../../shared/storage-health';

/** Wraps an error thrown by caller code inside a transaction, so it passes through unchanged. */
export class CallerFailure {
  constructor(readonly error: unknown) {}
}

function errorName(error: unknown): string {
  if (error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)) {
    return error.name;
  }
  return 'UnknownError';
}

/**
 * A `storage_failed` that keeps its kind, so the worker can tell a person what to do about it. The kind
 * stays in the worker: across contexts it is a plain `storage_failed` like any other.
 */
export class StorageFailure extends SellerAuthError {
  constructor(
    readonly kind: StorageFailureKind,
    message: string,
  ) {
    super('storage_failed', message);
  }
}

/** Where the failure happened: opening (and upgrading) the database, or an operation on it. */
export type StorageStage = 'open' | 'operation';

function kindOf(name: string, stage: StorageStage): StorageFailureKind {
  if (name === 'QuotaExceededError') return 'quota';
  if (name === 'VersionError') return 'newer_version';
  // An open fails with AbortError when its upgrade transaction was aborted: a migration failed.
  if (stage === 'open') return name === 'AbortError' ? 'upgrade' : 'open';
  return 'transaction';
}

export function storageFailed(
  operation: string,
  error: unknown,
  stage: StorageStage = 'operation',
): StorageFailure {
  const name = errorName(error);
  const kind = kindOf(name, stage);
  switch (kind) {
    case 'quota':
      return new StorageFailure(kind, `The browser has no room left to ${operation}.`);
    case 'newer_version':
      return new StorageFailure(
        kind,
        `Could not ${operation}: the stored data was written by a newer version of Seller Auth.`,
      );
    default:
      return new StorageFailure(kind, `Could not ${operation} (${name}).`);
  }
}

/** Runs one storage operation; SellerAuthErrors and caller failures pass through, the rest become `storage_failed`. */
export async function guardStorage<T>(operation: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof CallerFailure) throw error.error;
    if (error instanceof SellerAuthError) throw error;
    throw storageFailed(operation, error);
  }
}

interface Transaction {
  done: Promise<void>;
  abort(): void;
}

/**
 * Runs `work` in `tx` and waits for the commit. If anything throws, the transaction is aborted, so a
 * multi-step write is all or nothing even when our own code fails between two requests.
 * Inside `work`, await only requests of `tx`: anything else lets it commit early.
 */
export async function transact<Tx extends Transaction, T>(tx: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  tx.done.catch(() => {}); // reported below, through `work` or the await; never as an unhandled rejection
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

function abortQuietly(tx: Transaction): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}
