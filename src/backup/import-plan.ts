/**
 * What an import would do, as plain data: the worker computes it, the options page shows a preview of it
 * (preview.ts, without tokens or secrets), and only "Apply" writes it. Nothing local is ever removed:
 * every local record is either kept or updated in place. The plan itself holds the file's tokens and
 * secrets, so it never leaves the worker.
 */
import type { GrantChangeReason, GrantKeepReason } from '../shared/backup';
import type { AppSecret } from '../shared/checked';
import type { AppProfile, Settings } from '../shared/model';
import type { BackupGrant, BackupToolPermission } from './contents';
import type { LocalGrant } from './local-state';

export type { GrantChangeReason, GrantKeepReason };

export interface PlannedApp {
  /** The record to write: a new app, or the local one (same id, same createdAt) with the file's newer profile. */
  app: AppProfile;
  fileAppId: string;
}

export type AppKeepReason = 'local_same_or_newer' | 'duplicate_in_file';

export interface KeptApp {
  appId: string;
  fileAppId: string;
  reason: AppKeepReason;
}

export interface SecretChange {
  appId: string;
  secret: AppSecret;
  /** Whether a different secret is stored here now (the file's app profile is newer). */
  replaces: boolean;
}

export interface PlannedGrant {
  /** The grant's id here: `grantIdFor(appId, seller)` with this browser's app id. */
  id: string;
  appId: string;
  incoming: BackupGrant;
  /** The grant this one replaces (updates only). */
  local?: LocalGrant;
  /** The file was exported with "Move": from now on this browser refreshes the grant. */
  takesOver: boolean;
  reason: GrantChangeReason;
}

export interface KeptGrant {
  id: string;
  appId: string;
  fileGrantId: string;
  reason: GrantKeepReason;
}

export interface ImportPlan {
  apps: { add: PlannedApp[]; update: PlannedApp[]; keep: KeptApp[] };
  secrets: SecretChange[];
  grants: { add: PlannedGrant[]; update: PlannedGrant[]; keep: KeptGrant[] };
  /** Only the settings this browser still has at their default (settings carry no time to compare). */
  settings: Partial<Settings>;
  /** Tools this browser does not know yet, their shops renamed to this browser's grant ids. */
  toolPermissions: { add: BackupToolPermission[]; keep: BackupToolPermission[] };
}
