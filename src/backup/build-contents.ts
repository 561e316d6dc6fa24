/**
 * This browser's records as backup contents. Field by field on purpose: a spread would carry along
 * whatever a record grows later (scheduling state, and any new field that should not leave the machine).
 */
import type { AppSecret } from '../shared/checked';
import { type AppProfile, DEFAULT_SETTINGS, type Settings } from '../shared/model';
import {
  type BackupApp,
  type BackupContents,
  type BackupGrant,
  type BackupToolPermission,
  CONTENTS_VERSION,
} from './contents';
import type { LocalGrant, LocalState } from './local-state';

export interface BuildOptions {
  now: number;
  /** Off unless the person ticked "include app secrets". */
  includeSecrets?: boolean;
  /** "Move": every exported grant is marked as handed over at `now`, for the importing browser to take over. */
  move?: boolean;
}

function backupApp(app: AppProfile, secret: AppSecret | undefined): BackupApp {
  const entry: BackupApp = {
    id: app.id,
    name: app.name,
    platform: app.platform,
    appKey: app.appKey,
    callbackUrl: app.callbackUrl,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
  };
  if (app.endpoints) entry.endpoints = { ...app.endpoints };
  if (secret !== undefined) entry.secret = secret;
  return entry;
}

function backupGrant(grant: LocalGrant, movedAt: number | undefined): BackupGrant {
  const entry: BackupGrant = {
    id: grant.id,
    appId: grant.appId,
    platform: grant.platform,
    seller: structuredClone(grant.seller),
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    refreshable: grant.refreshable,
    accessExpiresAt: grant.accessExpiresAt,
    refreshExpiresAt: grant.refreshExpiresAt,
    status: grant.status,
    authorizedAt: grant.authorizedAt,
    createdAt: grant.createdAt,
    updatedAt: grant.updatedAt,
  };
  if (grant.lastRefreshedAt !== undefined) entry.lastRefreshedAt = grant.lastRefreshedAt;
  if (movedAt !== undefined) entry.movedAt = movedAt;
  return entry;
}

function settingsCopy(settings: Settings): Settings {
  return {
    refreshLeadMinutes: settings.refreshLeadMinutes,
    keepAccessDays: settings.keepAccessDays ?? DEFAULT_SETTINGS.keepAccessDays,
    reminderDays: [...settings.reminderDays],
    maxConcurrentRefreshes: settings.maxConcurrentRefreshes,
    maxRefreshesPerMinute: settings.maxRefreshesPerMinute,
    notifications: settings.notifications,
  };
}

/**
 * Grants this browser already moved elsewhere are left out: their tokens are another browser's now,
 * and a file that carried them could only revive a stale pair. Grants whose app is gone are left out
 * too (the file must name the app of every grant it holds).
 */
export function buildBackupContents(local: LocalState, options: BuildOptions): BackupContents {
  const appIds = new Set(local.apps.map((app) => app.id));
  const movedAt = options.move ? options.now : undefined;
  const grants = local.grants
    .filter((grant) => grant.movedAt === undefined && appIds.has(grant.appId))
    .map((grant) => backupGrant(grant, movedAt));
  const exportedGrantIds = new Set(grants.map((grant) => grant.id));
  const toolPermissions: BackupToolPermission[] = local.toolPermissions.map((permission) => ({
    caller: { ...permission.caller },
    grantIds: permission.grantIds.filter((id) => exportedGrantIds.has(id)),
    rawTokens: permission.rawTokens,
    grantedAt: permission.grantedAt,
  }));
  return {
    version: CONTENTS_VERSION,
    exportedAt: options.now,
    includesSecrets: options.includeSecrets === true,
    apps: local.apps.map((app) =>
      backupApp(app, options.includeSecrets ? local.secrets.get(app.id) : undefined),
    ),
    grants,
    settings: settingsCopy(local.settings),
    toolPermissions,
  };
}
