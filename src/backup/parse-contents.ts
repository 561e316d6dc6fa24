/**
 * The one gate for what a backup holds: everything after it trusts its output. The contents passed the
 * AES-GCM tag, so they are what some exporter wrote, but that exporter may be a buggy or forged one.
 * All or nothing: one bad field refuses the whole file. Errors name the field's path, never its value.
 */

import { type AppInputField, validateAppInput } from '../platforms/app-input';
import { SellerAuthError } from '../shared/errors';
import { type AppInput, DEFAULT_SETTINGS, type Settings } from '../shared/model';
import {
  type CountryAccount,
  ENDPOINT_FIELDS,
  type EndpointUrls,
  PLATFORM_IDS,
  type PlatformId,
  type SellerIdentity,
} from '../shared/platform';
import { normalizeSettingsChange } from '../shared/settings-change';
import {
  type BackupApp,
  type BackupContents,
  type BackupGrant,
  type BackupToolPermission,
  CONTENTS_VERSION,
  type ToolCaller,
} from './contents';
import { BackupError } from './errors';

/** Far above any real token, name or URL; refuses a file that would fill the database with junk. */
const MAX_TEXT = 4096;
const GRANT_STATUSES = ['connected', 'needs_authorization'] as const;

type Fields = Record<string, unknown>;

function invalid(path: string): BackupError {
  return new BackupError('backup_invalid_contents', path);
}

function object(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(path);
  return value as Fields;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(path);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT) throw invalid(path);
  return value;
}

function optionalText(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : text(value, path);
}

function time(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid(path);
  return value;
}

function flag(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw invalid(path);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (!allowed.includes(value as T)) throw invalid(path);
  return value as T;
}

function url(value: unknown, path: string): string {
  const candidate = text(value, path);
  if (!URL.canParse(candidate)) throw invalid(path);
  return candidate;
}

/** Sets the optional field only when present, so a round trip gives back exactly what went in. */
function withOptional<T extends object, K extends string, V>(target: T, key: K, value: V | undefined) {
  if (value !== undefined) (target as Record<K, V>)[key] = value;
}

function countryAccount(raw: unknown, path: string): CountryAccount {
  const fields = object(raw, path);
  const entry: CountryAccount = { country: text(fields.country, `${path}.country`) };
  withOptional(entry, 'sellerId', optionalText(fields.sellerId, `${path}.sellerId`));
  withOptional(entry, 'userId', optionalText(fields.userId, `${path}.userId`));
  withOptional(entry, 'shortCode', optionalText(fields.shortCode, `${path}.shortCode`));
  return entry;
}

function seller(raw: unknown, path: string): SellerIdentity {
  const fields = object(raw, path);
  const identity: SellerIdentity = {
    account: text(fields.account, `${path}.account`),
    country: text(fields.country, `${path}.country`),
    countries: list(fields.countries, `${path}.countries`).map((entry, index) =>
      countryAccount(entry, `${path}.countries[${index}]`),
    ),
  };
  withOptional(identity, 'accountPlatform', optionalText(fields.accountPlatform, `${path}.accountPlatform`));
  withOptional(identity, 'userId', optionalText(fields.userId, `${path}.userId`));
  withOptional(identity, 'sellerId', optionalText(fields.sellerId, `${path}.sellerId`));
  return identity;
}

/** Where a problem of the app check sits in the file. */
function appFieldPath(path: string, field: AppInputField): string {
  if (field === 'appSecret') return `${path}.secret`;
  return (ENDPOINT_FIELDS as readonly string[]).includes(field)
    ? `${path}.endpoints.${field}`
    : `${path}.${field}`;
}

/**
 * Shapes first, then the very check `apps.save` runs (src/platforms/app-input.ts): an imported app is
 * trusted downstream (its URLs and secret typed as checked) exactly like a saved one.
 */
function app(raw: unknown, path: string): BackupApp {
  const fields = object(raw, path);
  const id = text(fields.id, `${path}.id`);
  const platform = oneOf(fields.platform, PLATFORM_IDS, `${path}.platform`);
  const endpoints: Partial<EndpointUrls> = {};
  const rawEndpoints = fields.endpoints === undefined ? {} : object(fields.endpoints, `${path}.endpoints`);
  for (const name of ENDPOINT_FIELDS) {
    if (rawEndpoints[name] !== undefined)
      endpoints[name] = url(rawEndpoints[name], `${path}.endpoints.${name}`);
  }
  const secret = optionalText(fields.secret, `${path}.secret`);
  const input: AppInput = {
    name: text(fields.name, `${path}.name`),
    platform,
    appKey: text(fields.appKey, `${path}.appKey`),
    callbackUrl: url(fields.callbackUrl, `${path}.callbackUrl`),
    endpoints,
    ...(secret !== undefined ? { appSecret: secret } : {}),
  };
  const checked = validateAppInput(input, { secretRequired: false });
  if (!checked.ok) {
    const [field] = Object.keys(checked.problems) as AppInputField[];
    throw invalid(field ? appFieldPath(path, field) : path);
  }
  const entry: BackupApp = {
    id,
    name: checked.app.name,
    platform,
    appKey: checked.app.appKey,
    callbackUrl: checked.app.callbackUrl,
    createdAt: time(fields.createdAt, `${path}.createdAt`),
    updatedAt: time(fields.updatedAt, `${path}.updatedAt`),
  };
  if (fields.endpoints !== undefined) entry.endpoints = { ...checked.app.endpoints };
  withOptional(entry, 'secret', checked.app.appSecret);
  return entry;
}

function grant(raw: unknown, path: string): BackupGrant {
  const fields = object(raw, path);
  const entry: BackupGrant = {
    id: text(fields.id, `${path}.id`),
    appId: text(fields.appId, `${path}.appId`),
    platform: oneOf(fields.platform, PLATFORM_IDS, `${path}.platform`),
    seller: seller(fields.seller, `${path}.seller`),
    accessToken: text(fields.accessToken, `${path}.accessToken`),
    refreshToken: text(fields.refreshToken, `${path}.refreshToken`),
    refreshable: flag(fields.refreshable, `${path}.refreshable`),
    accessExpiresAt: time(fields.accessExpiresAt, `${path}.accessExpiresAt`),
    refreshExpiresAt: time(fields.refreshExpiresAt, `${path}.refreshExpiresAt`),
    status: oneOf(fields.status, GRANT_STATUSES, `${path}.status`),
    authorizedAt: time(fields.authorizedAt, `${path}.authorizedAt`),
    createdAt: time(fields.createdAt, `${path}.createdAt`),
    updatedAt: time(fields.updatedAt, `${path}.updatedAt`),
  };
  if (fields.lastRefreshedAt !== undefined) {
    entry.lastRefreshedAt = time(fields.lastRefreshedAt, `${path}.lastRefreshedAt`);
  }
  if (fields.movedAt !== undefined) entry.movedAt = time(fields.movedAt, `${path}.movedAt`);
  return entry;
}

function caller(raw: unknown, path: string): ToolCaller {
  const fields = object(raw, path);
  const kind = oneOf(fields.kind, ['extension', 'origin'] as const, `${path}.kind`);
  if (kind === 'extension') {
    return { kind, extensionId: text(fields.extensionId, `${path}.extensionId`) };
  }
  const origin = url(fields.origin, `${path}.origin`);
  if (new URL(origin).origin !== origin) throw invalid(`${path}.origin`);
  return { kind, origin };
}

function toolPermission(raw: unknown, path: string): BackupToolPermission {
  const fields = object(raw, path);
  return {
    caller: caller(fields.caller, `${path}.caller`),
    grantIds: list(fields.grantIds, `${path}.grantIds`).map((id, index) =>
      text(id, `${path}.grantIds[${index}]`),
    ),
    rawTokens: flag(fields.rawTokens, `${path}.rawTokens`),
    grantedAt: time(fields.grantedAt, `${path}.grantedAt`),
  };
}

/** Checked and normalized by the same rules as a settings change; a field the file lacks is the default. */
function settings(raw: unknown): Settings {
  try {
    return { ...DEFAULT_SETTINGS, ...normalizeSettingsChange(object(raw, 'settings') as Partial<Settings>) };
  } catch (error) {
    if (error instanceof SellerAuthError) throw invalid(`settings.${error.details.field ?? ''}`);
    throw error;
  }
}

function unique(ids: readonly string[], path: string): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) throw invalid(`${path}[${index}].id`);
    seen.add(id);
  });
}

/** What ties the records together: every grant names an app of its platform, every permission a grant. */
function checkReferences(contents: BackupContents): void {
  unique(
    contents.apps.map((entry) => entry.id),
    'apps',
  );
  unique(
    contents.grants.map((entry) => entry.id),
    'grants',
  );
  const platforms = new Map<string, PlatformId>(contents.apps.map((entry) => [entry.id, entry.platform]));
  contents.grants.forEach((entry, index) => {
    const platform = platforms.get(entry.appId);
    if (platform === undefined) throw invalid(`grants[${index}].appId`);
    if (platform !== entry.platform) throw invalid(`grants[${index}].platform`);
  });
  const grantIds = new Set(contents.grants.map((entry) => entry.id));
  contents.toolPermissions.forEach((permission, index) => {
    permission.grantIds.forEach((id, at) => {
      if (!grantIds.has(id)) throw invalid(`toolPermissions[${index}].grantIds[${at}]`);
    });
  });
  if (!contents.includesSecrets) {
    const withSecret = contents.apps.findIndex((entry) => entry.secret !== undefined);
    if (withSecret >= 0) throw invalid(`apps[${withSecret}].secret`);
  }
}

export function parseBackupContents(raw: unknown): BackupContents {
  const fields = object(raw, 'contents');
  const version = fields.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw invalid('version');
  if (version > CONTENTS_VERSION) throw new BackupError('backup_newer_version', 'contents.version');
  const contents: BackupContents = {
    version: CONTENTS_VERSION,
    exportedAt: time(fields.exportedAt, 'exportedAt'),
    includesSecrets: flag(fields.includesSecrets, 'includesSecrets'),
    apps: list(fields.apps, 'apps').map((entry, index) => app(entry, `apps[${index}]`)),
    grants: list(fields.grants, 'grants').map((entry, index) => grant(entry, `grants[${index}]`)),
    settings: settings(fields.settings),
    toolPermissions: list(fields.toolPermissions, 'toolPermissions').map((entry, index) =>
      toolPermission(entry, `toolPermissions[${index}]`),
    ),
  };
  checkReferences(contents);
  return contents;
}
