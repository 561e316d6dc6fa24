/**
 * Backup, move and restore, for the options page. The file is built and opened by the pure core
 * (src/backup); this file reads the stores, writes what an import or a move changes, and turns the
 * core's named errors into the protocol's. Replies carry views only, except `backup.export`, whose
 * reply is the encrypted file itself, to the page that asked for it.
 */
import {
  BackupError,
  type BackupGrant,
  backupFileName,
  buildBackupContents,
  exportBackup,
  importBackup,
  inspectBackup,
  type LocalState,
  type PlannedGrant,
  planImport,
  previewImport,
  restoredGrant,
} from '../../backup';
import { refreshLockName } from '../../grants/lifecycle';
import { type Grant, isMoved, NEVER_DUE } from '../../grants/model';
import type {
  ActivityLog,
  AppStore,
  Clock,
  GrantChange,
  GrantStore,
  LockManager,
  RecordBatchStore,
  SecretStore,
  SettingsStore,
} from '../../grants/ports';
import type { BackupStatus } from '../../shared/backup';
import type { AppSecret } from '../../shared/checked';
import { SellerAuthError } from '../../shared/errors';
import { tPlural } from '../../shared/i18n';
import type { Settings } from '../../shared/model';
import type { Handlers } from '../messaging/request-parsers';
import { rescheduleAll, SCHEDULE_FIELDS } from './settings';

export interface BackupHandlerDeps {
  apps: AppStore;
  secrets: SecretStore;
  grants: GrantStore;
  settings: SettingsStore;
  batch: RecordBatchStore;
  activity: ActivityLog;
  clock: Clock;
  locks: LockManager;
  rearm: () => Promise<void>;
  newId: () => string;
  random?: () => number;
  /** Tests only: a cheaper key derivation for the files they export. */
  iterationsForTests?: number;
}

type BackupHandlers = Pick<
  Handlers,
  'backup.export' | 'backup.inspect' | 'backup.preview' | 'backup.apply' | 'backup.status'
>;

/** The core's errors in the protocol's shape: same code, same words, the file's field (never a value). */
async function protocolErrors<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    throw new SellerAuthError(
      error.code,
      error.message,
      error.field === undefined ? {} : { field: error.field },
    );
  }
}

/** Every lock in one fixed order, so two holders of overlapping sets never wait on each other. */
function withLocks<T>(locks: LockManager, names: readonly string[], task: () => Promise<T>): Promise<T> {
  const [first, ...rest] = names;
  return first === undefined ? task() : locks.withLock(first, () => withLocks(locks, rest, task));
}

/**
 * What an export changes on a stored grant it put in the file. A copy notes the backup; a move also
 * stops this browser from ever refreshing the grant, but only if the stored pair is still the one in
 * the file (anything else means the file's pair is not the live one, and this browser keeps the grant).
 */
function exportedGrant(current: Grant | undefined, inFile: BackupGrant, now: number, move: boolean) {
  if (!current || isMoved(current) || current.authorizedAt !== inFile.authorizedAt) return undefined;
  if (!move) return { ...current, backedUpAt: now };
  if (current.refreshToken !== inFile.refreshToken) return undefined;
  const moved: Grant = { ...current, movedAt: now, backedUpAt: now, dueAt: NEVER_DUE, updatedAt: now };
  delete moved.retryAt;
  return moved;
}

/** The stored grant is still the one the plan compared the file against. */
function unchangedSincePlanned(current: Grant | undefined, planned: PlannedGrant): boolean {
  const local = planned.local;
  if (!local) return current === undefined;
  return (
    current !== undefined && current.refreshToken === local.refreshToken && current.movedAt === local.movedAt
  );
}

export function createBackupHandlers(deps: BackupHandlerDeps): BackupHandlers {
  const sealOptions =
    deps.iterationsForTests === undefined ? {} : { iterationsForTests: deps.iterationsForTests };

  const readLocal = async (): Promise<LocalState> => {
    const [apps, grants, settings] = await Promise.all([
      deps.apps.list(),
      deps.grants.list(),
      deps.settings.get(),
    ]);
    const secrets = new Map<string, AppSecret>();
    for (const app of apps) {
      const secret = await deps.secrets.get(app.id);
      if (secret !== undefined) secrets.set(app.id, secret);
    }
    return { apps, secrets, grants, settings, toolPermissions: [] };
  };

  const logged = async (entry: Parameters<ActivityLog['add']>[0]) => {
    try {
      await deps.activity.add(entry);
    } catch {
      // Best effort: the records themselves are written.
    }
  };

  const opened = async (text: string, passphrase: string) => {
    const contents = await importBackup(text, passphrase);
    const local = await readLocal();
    return { contents, local, plan: planImport(local, contents, { newId: deps.newId }) };
  };

  return {
    'backup.export': ({ passphrase, includeSecrets, move }) =>
      protocolErrors(async () => {
        const now = deps.clock.now();
        const produce = async () => {
          const contents = buildBackupContents(await readLocal(), { now, includeSecrets, move });
          const text = await exportBackup(contents, passphrase, sealOptions);
          // Only once the file exists: a failed export changes nothing.
          const marked = await deps.batch.write({
            grants: contents.grants.map((inFile) => ({
              id: inFile.id,
              change: (current) => exportedGrant(current, inFile, now, move),
            })),
          });
          return { text, shops: contents.grants.length, marked: marked.length };
        };
        // A move holds every shop's refresh lock from reading the pairs to marking them moved: no refresh
        // here can spend a pair the file hands over.
        const lockNames = move
          ? (await deps.grants.list())
              .filter((grant) => !isMoved(grant))
              .map((grant) => refreshLockName(grant.id))
              .sort()
          : [];
        const result = await withLocks(deps.locks, lockNames, produce);
        await logged({
          at: now,
          kind: 'backup_exported',
          detail: move
            ? tPlural('activity_moved', result.marked)
            : tPlural(
                includeSecrets ? 'activity_backup_saved_secrets' : 'activity_backup_saved',
                result.shops,
              ),
        });
        await deps.rearm();
        return {
          fileName: backupFileName(new Date(now)),
          text: result.text,
          shops: result.shops,
          moved: move ? result.marked : 0,
        };
      }),

    'backup.inspect': ({ text }) => protocolErrors(() => inspectBackup(text)),

    'backup.preview': ({ text, passphrase }) =>
      protocolErrors(async () => {
        const { contents, local, plan } = await opened(text, passphrase);
        return previewImport(local, contents, plan);
      }),

    'backup.apply': ({ text, passphrase }) =>
      protocolErrors(async () => {
        // Planned again here, against what is stored now: the preview may be minutes old.
        const { contents, local, plan } = await opened(text, passphrase);
        const now = deps.clock.now();
        const settings: Settings = { ...local.settings, ...plan.settings };
        const context = {
          now,
          settings,
          fileExportedAt: contents.exportedAt,
          ...(deps.random ? { random: deps.random } : {}),
        };
        const grants: GrantChange[] = [...plan.grants.add, ...plan.grants.update].map((planned) => ({
          id: planned.id,
          change: (current) =>
            unchangedSincePlanned(current, planned) ? restoredGrant(planned, context) : undefined,
        }));
        await deps.batch.write({
          apps: [...plan.apps.add, ...plan.apps.update].map((planned) => planned.app),
          secrets: plan.secrets.map(({ appId, secret }) => ({ appId, secret })),
          grants,
          settings: plan.settings,
        });
        if (SCHEDULE_FIELDS.some((field) => field in plan.settings)) {
          await rescheduleAll(deps, await deps.settings.get());
        }
        const preview = previewImport(local, contents, plan);
        await logged({
          at: now,
          kind: 'backup_imported',
          detail: tPlural(
            'activity_backup_imported',
            preview.shops.added.length,
            preview.shops.updated.length,
            preview.shops.kept.length,
          ),
        });
        // Imported grants are due from now on: the alarm must know.
        await deps.rearm();
        return preview;
      }),

    'backup.status': async (): Promise<BackupStatus> => {
      const grants = await deps.grants.list();
      const active = grants.filter((grant) => !isMoved(grant));
      const lastExportAt = grants.reduce<number | undefined>(
        (latest, grant) =>
          grant.backedUpAt !== undefined && (latest === undefined || grant.backedUpAt > latest)
            ? grant.backedUpAt
            : latest,
        undefined,
      );
      const status: BackupStatus = {
        shops: active.length,
        notBackedUp: active.filter(
          (grant) => grant.backedUpAt === undefined || grant.backedUpAt < grant.authorizedAt,
        ).length,
      };
      if (lastExportAt !== undefined) status.lastExportAt = lastExportAt;
      return status;
    },
  };
}
