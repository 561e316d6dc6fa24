/**
 * The IndexedDB schema of Seller Auth, typed for `idb`. The worker is the only writer; the schema
 * only ever grows through a new migration (see migrations.ts), never by editing an old one.
 */

import type { DBSchema } from 'idb';
import type { AppSecret } from '../../shared/checked';
import type { ActivityEntry, AppProfile, ConnectAttempt, Settings } from '../../shared/model';
import type { Grant } from '../model';
import type { ToolAccess } from '../tools/access';

export const DB_NAME = 'seller-auth';
/** Must equal the number of migrations in SELLER_AUTH_MIGRATIONS (a test pins this). */
export const DB_VERSION = 3;

/** The one record of the `settings` store lives under this key. */
export const SETTINGS_KEY = 'settings';

/** Kept apart from the app profile so nothing that lists apps can read a secret by accident. */
export interface SecretRecord {
  appId: string;
  secret: AppSecret;
}

export interface SellerAuthDb extends DBSchema {
  apps: { key: string; value: AppProfile };
  secrets: { key: string; value: SecretRecord };
  grants: { key: string; value: Grant; indexes: { dueAt: number; appId: string } };
  attempts: { key: string; value: ConnectAttempt; indexes: { startedAt: number } };
  settings: { key: typeof SETTINGS_KEY; value: Settings };
  activity: { key: number; value: ActivityEntry; indexes: { at: number; grantId: string } };
  /** Version 2: which seller tools may use which shops (key `ext:<id>` or `origin:<origin>`). */
  toolAccess: { key: string; value: ToolAccess };
  /** Version 3: every grant with its tokens blanked, in one record for the shop list (grant-listing.ts). */
  listing: { key: string; value: Grant[] };
  /** Version 3: the ids of the grants written since the listing was saved (key: grant id). */
  listingChanges: { key: string; value: true };
}
