/**
 * Schema migrations, one per version: `migrations[n]` upgrades a database from version n to n + 1.
 * This list is the data form of a `switch (oldVersion)` with fall-through: opening runs every step
 * from the stored version up, in order, inside the one `versionchange` transaction. A new version adds a
 * step to the end of the list; it never edits a step that has shipped.
 *
 *   // Example v2 (see test/unit/store/open-db.test.ts, which runs one over v1 data):
 *   (db, tx) => {
 *     db.createObjectStore('notes', { keyPath: 'id' });
 *     tx.objectStore('grants').createIndex('status', 'status');
 *   },
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { SellerAuthDb } from './schema';

export type UpgradeTransaction = IDBPTransaction<SellerAuthDb, StoreNames<SellerAuthDb>[], 'versionchange'>;

/**
 * A synchronous step may create stores and indexes. A step that rewrites records may return a promise,
 * but must await only requests of `tx` (anything else lets the upgrade transaction commit early).
 */
export type Migration = (db: IDBPDatabase<SellerAuthDb>, tx: UpgradeTransaction) => void | Promise<void>;

/** Version 0 -> 1: the first schema. */
function createFirstSchema(db: IDBPDatabase<SellerAuthDb>): void {
  db.createObjectStore('apps', { keyPath: 'id' });
  db.createObjectStore('secrets', { keyPath: 'appId' });
  const grants = db.createObjectStore('grants', { keyPath: 'id' });
  grants.createIndex('dueAt', 'dueAt');
  grants.createIndex('appId', 'appId');
  const attempts = db.createObjectStore('attempts', { keyPath: 'id' });
  attempts.createIndex('startedAt', 'startedAt');
  // One record under SETTINGS_KEY: an out-of-line key keeps Settings free of a storage-only field.
  db.createObjectStore('settings');
  const activity = db.createObjectStore('activity', { keyPath: 'id', autoIncrement: true });
  activity.createIndex('at', 'at');
  activity.createIndex('grantId', 'grantId');
}

/** Version 1 -> 2: grants of access to seller tools. */
function addToolAccess(db: IDBPDatabase<SellerAuthDb>): void {
  db.createObjectStore('toolAccess', { keyPath: 'caller' });
}

/** Version 2 -> 3: the shop list's listing; none is saved yet, so the first read takes every grant. */
function addListing(db: IDBPDatabase<SellerAuthDb>): void {
  db.createObjectStore('listing');
  db.createObjectStore('listingChanges');
}

export const SELLER_AUTH_MIGRATIONS: readonly Migration[] = [createFirstSchema, addToolAccess, addListing];
