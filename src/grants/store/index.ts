/** The IndexedDB stores behind the worker's ports, and how to open them. */
import type {
  ActivityLog,
  AppStore,
  AttemptStore,
  GrantStore,
  RecordBatchStore,
  SecretStore,
  SettingsStore,
} from '../ports';
import { createActivityLog } from './activity-log';
import { createAppStore } from './app-store';
import { createAttemptStore } from './attempt-store';
import type { DbSource } from './connection';
import { createGrantStore } from './grant-store';
import { createRecordBatchStore } from './record-batch';
import { createSecretStore } from './secret-store';
import { createSettingsStore } from './settings-store';

export interface Stores {
  grants: GrantStore;
  apps: AppStore;
  secrets: SecretStore;
  attempts: AttemptStore;
  settings: SettingsStore;
  activity: ActivityLog;
  /** Writes over several stores at once (importing a backup). */
  batch: RecordBatchStore;
}

/** Pass `connectSellerAuthDb()` in the worker (reopens after a forced close), or an open database in tests. */
export function createStores(db: DbSource): Stores {
  return {
    grants: createGrantStore(db),
    apps: createAppStore(db),
    secrets: createSecretStore(db),
    attempts: createAttemptStore(db),
    settings: createSettingsStore(db),
    activity: createActivityLog(db),
    batch: createRecordBatchStore(db),
  };
}

export { MAX_DETAIL_LENGTH, prepareActivityEntry, REDACTED, redactTokenLike } from './activity-entry';
export { createActivityLog, DEFAULT_MAX_ACTIVITY_ENTRIES } from './activity-log';
export { createAppStore } from './app-store';
export { createAttemptStore, MAX_KEPT_ATTEMPTS } from './attempt-store';
export {
  type ConnectOptions,
  connectSellerAuthDb,
  type DbSource,
  type SellerAuthDbConnection,
} from './connection';
export { createGrantStore } from './grant-store';
export { type Migration, SELLER_AUTH_MIGRATIONS, type UpgradeTransaction } from './migrations';
export { type OpenSellerAuthDbOptions, openSellerAuthDb } from './open-db';
export { createRecordBatchStore } from './record-batch';
export { checkStorableGrant } from './record-checks';
export { DB_NAME, DB_VERSION, SETTINGS_KEY, type SecretRecord, type SellerAuthDb } from './schema';
export { createSecretStore } from './secret-store';
export { createSettingsStore } from './settings-store';
export { createToolAccessStore } from './tool-access-store';
