/**
 * The sandbox build only: a switch that makes opening IndexedDB fail for real, for browser tests of a
 * storage failure. While it is on, every open asks for one version more with a migration step that
 * throws, so Chrome aborts the upgrade (the stored data stays as it was) and the open fails with
 * AbortError; that request's `versionchange` also closes the live connection. The switch is kept in
 * session storage, so the failure outlives a worker restart as a real one would.
 */
import {
  type DbSource,
  openSellerAuthDb,
  SELLER_AUTH_MIGRATIONS,
  type SellerAuthDbConnection,
} from '../../grants/store';
import type { KeptValue } from './ports';

const FAILING_UPGRADE = [
  ...SELLER_AUTH_MIGRATIONS,
  () => {
    throw new Error('storage fault switched on');
  },
];

export interface StorageFault {
  wrap(connection: SellerAuthDbConnection): DbSource;
  set(on: boolean): Promise<void>;
}

export function createStorageFault(flag: KeptValue<boolean>): StorageFault {
  let on = false;
  const loaded = flag.read().then(
    (kept) => {
      on = kept === true;
    },
    () => {},
  );
  return {
    wrap: (connection) => async () => {
      await loaded;
      return on ? openSellerAuthDb(undefined, undefined, { migrations: FAILING_UPGRADE }) : connection();
    },
    async set(value) {
      await loaded;
      on = value;
      await flag.write(value);
    },
  };
}
