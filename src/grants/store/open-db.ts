/**
 * Opens the Seller Auth database and runs the migrations it needs. Mirrors idb's `openDB`, but takes the
 * IDBFactory as a parameter (tests give each case its own) and turns every failure into `storage_failed`.
 */
import { type IDBPDatabase, wrap } from 'idb';
import { type Migration, SELLER_AUTH_MIGRATIONS, type UpgradeTransaction } from './migrations';
import { DB_NAME, type SellerAuthDb } from './schema';
import { StorageFailure, storageFailed } from './storage-errors';

export interface OpenSellerAuthDbOptions {
  /** The schema's history; its length is the version opened. Tests append a future version here. */
  migrations?: readonly Migration[];
  /** Called once when this connection goes away: closed for a newer version or a delete, or killed by the browser. */
  onClosed?: () => void;
}

export function openSellerAuthDb(
  name: string = DB_NAME,
  factory?: IDBFactory,
  options: OpenSellerAuthDbOptions = {},
): Promise<IDBPDatabase<SellerAuthDb>> {
  const migrations = options.migrations ?? SELLER_AUTH_MIGRATIONS;
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = (factory ?? indexedDB).open(name, migrations.length);
    } catch (error) {
      reject(storageFailed('open the stored data', error, 'open'));
      return;
    }
    // Set when the caller has been answered with an error while the request was still pending.
    let abandoned = false;

    request.addEventListener('upgradeneeded', (event) => {
      const db = wrap(request.result) as unknown as IDBPDatabase<SellerAuthDb>;
      const tx = wrap(request.transaction!) as unknown as UpgradeTransaction;
      tx.done.catch(() => {}); // the open request reports a failed upgrade
      try {
        const pending = runMigrations(migrations, event.oldVersion, db, tx);
        pending?.catch(() => abortUpgrade(tx));
      } catch {
        abortUpgrade(tx);
      }
    });

    // An older connection did not close when asked. Answer now rather than hang the worker; the request
    // stays queued, and whatever it opens later is closed at once (the next call opens again).
    request.addEventListener('blocked', () => {
      abandoned = true;
      reject(
        new StorageFailure(
          'open',
          'Seller Auth is still open in another window with older data. Close it and try again.',
        ),
      );
    });

    request.addEventListener('success', () => {
      const connection = request.result;
      if (abandoned) {
        connection.close();
        return;
      }
      watchConnection(connection, options.onClosed);
      resolve(wrap(connection) as unknown as IDBPDatabase<SellerAuthDb>);
    });

    request.addEventListener('error', (event) => {
      event.preventDefault(); // handled here; keeps it from surfacing as an uncaught error
      if (!abandoned) reject(storageFailed('open the stored data', request.error, 'open'));
    });
  });
}

/** Runs each step from `oldVersion` up; synchronous steps run in the upgrade event itself. */
function runMigrations(
  migrations: readonly Migration[],
  fromVersion: number,
  db: IDBPDatabase<SellerAuthDb>,
  tx: UpgradeTransaction,
): Promise<void> | undefined {
  for (let version = fromVersion; version < migrations.length; version += 1) {
    const result = migrations[version]?.(db, tx);
    if (result instanceof Promise) {
      return result.then(() => runMigrations(migrations, version + 1, db, tx));
    }
  }
  return undefined;
}

function abortUpgrade(tx: UpgradeTransaction): void {
  try {
    tx.abort(); // the open request then fails with AbortError: the stored data stays as it was
  } catch {
    // Already finished.
  }
}

/** Lets a newer version (or a delete) proceed, and reports when this connection is gone. */
function watchConnection(connection: IDBDatabase, onClosed: (() => void) | undefined): void {
  let reported = false;
  const closed = () => {
    if (reported) return;
    reported = true;
    onClosed?.();
  };
  connection.addEventListener('versionchange', () => {
    connection.close();
    closed();
  });
  // Fired only when the browser closes the connection itself (storage cleared, disk error).
  connection.addEventListener('close', closed);
}
