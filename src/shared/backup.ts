/**
 * What the options page sees of backups: plain views the worker builds. None of them holds a token or
 * a secret, except `BackupExport.text`, the encrypted file itself (tokens only inside the encryption).
 */
import type { GrantStatus, Settings } from './model';
import type { PlatformId } from './platform';

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

export interface AppSummary {
  id: string;
  name: string;
  platform: PlatformId;
  appKey: string;
}

export interface ShopSummary {
  /** The grant's id in this browser. */
  id: string;
  appName: string;
  platform: PlatformId;
  account: string;
  country: string;
  status: GrantStatus;
  refreshExpiresAt: number;
}

/** What an import adds, updates and keeps: shown before "Apply", and again as what "Apply" did. */
export interface ImportPreview {
  exportedAt: number;
  includesSecrets: boolean;
  apps: { added: AppSummary[]; updated: AppSummary[]; kept: number };
  secrets: { added: number; replaced: number };
  /** Apps left without a secret that imported shops belong to: those shops cannot refresh until one is entered. */
  appsWithoutSecret: AppSummary[];
  shops: {
    added: (ShopSummary & { takesOver: boolean })[];
    updated: (ShopSummary & { reason: GrantChangeReason; takesOver: boolean })[];
    kept: (ShopSummary & { reason: GrantKeepReason })[];
  };
  /** Shops this browser starts refreshing because the file was exported with "Move". */
  takingOver: number;
  settings: (keyof Settings)[];
  tools: { added: number; kept: number };
}

/** A chosen file, checked before its passphrase is asked for. */
export interface BackupFileInfo {
  formatVersion: number;
  iterations: number;
}

export interface BackupExport {
  /** `seller-auth-backup-2025-03-07.json`. */
  fileName: string;
  /** The encrypted file. */
  text: string;
  /** Shops in the file. */
  shops: number;
  /** Shops this browser marked as moved (a "Move" export). */
  moved: number;
}

export interface BackupStatus {
  /** The newest backup that took a shop of this browser (an export here, or a file imported). */
  lastExportAt?: number;
  /** Shops this browser refreshes (moved ones are not counted). */
  shops: number;
  /** Of those, how many were added or authorized again since any backup took them. */
  notBackedUp: number;
}
