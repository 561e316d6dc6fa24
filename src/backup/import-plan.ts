/**
 * What an import would do, as plain data: the worker computes it, the options page shows a preview of it
 * (preview.ts, without tokens or secrets), and only "Apply" writes it. Nothing local is ever removed:
 * every local record is either kept or updated in place. The plan itself holds the file's tokens and
 * secrets, so it never leaves the worker.
 */
import type { AppProfile, Settings } from '../shared/model';
import type { BackupGrant, BackupToolPermission } from './contents';
import type { LocalGrant } from './local-state';

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
  secret: string;
  /** Whether a different secret is stored here now (the file's app profile is newer). */
  replaces: boolean;
}

/**
 * - `new`: no such grant here.
 * - `newer_tokens`: the file's token pair was issued later than this browser's.
 * - `handed_back`: this browser had moved the grant away, and the file moves it back here later.
 */
export type GrantChangeReason = 'new' | 'newer_tokens' | 'handed_back';

/**
 * - `local_newer`: this browser's pair was issued later (the never-downgrade rule).
 * - `same_tokens`: the file holds the pair this browser already has.
 * - `same_age_other_tokens`: issued at the same moment, yet different: no way to know which is live.
 * - `moved_away`: this browser moved the grant to another one, and the file does not hand it back.
 * - `duplicate_in_file`: another entry of the file for the same grant is newer and is the one planned.
 */
export type GrantKeepReason =
  | 'local_newer'
  | 'same_tokens'
  | 'same_age_other_tokens'
  | 'moved_away'
  | 'duplicate_in_file';

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
