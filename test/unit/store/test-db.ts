/** Every test gets its own in-memory IndexedDB (a new factory), so no state leaks between tests. */
import 'fake-indexeddb/auto';
import type { IDBPDatabase } from 'idb';
import { openSellerAuthDb } from '../../../src/grants/store/open-db';
import type { SellerAuthDb } from '../../../src/grants/store/schema';

export interface TestDb {
  factory: IDBFactory;
  db: IDBPDatabase<SellerAuthDb>;
  /** Closes this connection and opens a new one on the same data, as a restarted worker would. */
  reopen(): Promise<IDBPDatabase<SellerAuthDb>>;
}

export async function openTestDb(): Promise<TestDb> {
  const factory = new IDBFactory();
  const test: TestDb = {
    factory,
    db: await openSellerAuthDb('seller-auth-test', factory),
    async reopen() {
      test.db.close();
      test.db = await openSellerAuthDb('seller-auth-test', factory);
      return test.db;
    },
  };
  return test;
}
