/**
 * What a backup holds, version 1: plain data, the JSON inside the encryption. A field that changes what
 * an import does needs a new version (an older Seller Auth then refuses the file instead of silently
 * dropping it); unknown fields are dropped on import.
 *
 * Grants carry their tokens and the facts that tell which copy is newer (`authorizedAt`,
 * `lastRefreshedAt`), not the worker's scheduling state (`dueAt`, retries, reminders sent): the
 * browser that imports a grant plans its own refreshes and reminders (restore-grant.ts).
 */
import type { AppSecret } from '../shared/checked';
import type { GrantStatus, Settings } from '../shared/model';
import type { PlatformEndpoints, PlatformId, SellerIdentity } from '../shared/platform';

export const CONTENTS_VERSION = 1;

export interface BackupContents {
  version: typeof CONTENTS_VERSION;
  exportedAt: number;
  /** Whether the person exporting ticked "include app secrets". */
  includesSecrets: boolean;
  apps: BackupApp[];
  grants: BackupGrant[];
  settings: Settings;
  /** Empty until connected tools exist; typed now so files written before then stay readable. */
  toolPermissions: BackupToolPermission[];
}

export interface BackupApp {
  id: string;
  name: string;
  platform: PlatformId;
  appKey: string;
  callbackUrl: string;
  endpoints?: Partial<PlatformEndpoints>;
  createdAt: number;
  updatedAt: number;
  /** Only in a file exported with "include app secrets". */
  secret?: AppSecret;
}

export interface BackupGrant {
  id: string;
  /** The app's id in this file (an importing browser may know the same app under another id). */
  appId: string;
  platform: PlatformId;
  seller: SellerIdentity;
  accessToken: string;
  refreshToken: string;
  refreshable: boolean;
  accessExpiresAt: number;
  refreshExpiresAt: number;
  status: GrantStatus;
  authorizedAt: number;
  lastRefreshedAt?: number;
  createdAt: number;
  updatedAt: number;
  /**
   * Set when this file was exported with "Move": at that time the exporting browser stopped refreshing
   * the grant, and the browser that imports it takes over.
   */
  movedAt?: number;
}

/** Who a connected tool is: another extension, or a web page origin the user added. */
export type ToolCaller = { kind: 'extension'; extensionId: string } | { kind: 'origin'; origin: string };

/** A tool's consent to use some shops (by grant id in this file). */
export interface BackupToolPermission {
  caller: ToolCaller;
  grantIds: string[];
  /** Whether the tool may receive raw access tokens, or only have calls signed for it. */
  rawTokens: boolean;
  grantedAt: number;
}

export function toolCallerKey(caller: ToolCaller): string {
  return caller.kind === 'extension' ? `extension:${caller.extensionId}` : `origin:${caller.origin}`;
}
