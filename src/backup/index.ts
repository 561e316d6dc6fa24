/**
 * Backup, move and restore: the pure core. The worker builds contents from its stores, exports them to a
 * file, and on import plans the merge for a preview before it applies anything.
 */
export {
  type BackupFileInfo,
  backupFileName,
  type ExportOptions,
  exportBackup,
  importBackup,
  inspectBackup,
} from './backup-file';
export { type BuildOptions, buildBackupContents } from './build-contents';
export {
  type BackupApp,
  type BackupContents,
  type BackupGrant,
  type BackupToolPermission,
  CONTENTS_VERSION,
  type ToolCaller,
  toolCallerKey,
} from './contents';
export {
  BACKUP_ERROR_CODES,
  BackupError,
  type BackupErrorCode,
  type BackupErrorData,
  isBackupErrorCode,
} from './errors';
export { EXPORT_ITERATIONS, FORMAT_NAME, FORMAT_VERSION, MAX_ITERATIONS, MIN_ITERATIONS } from './format';
export type * from './import-plan';
export type { LocalGrant, LocalState } from './local-state';
export { parseBackupContents } from './parse-contents';
export { tokensIssuedAt } from './plan-grants';
export { type PlanOptions, planImport } from './plan-import';
export { type AppSummary, type ImportPreview, previewImport, type ShopSummary } from './preview';
export { type RestoreContext, restoredGrant } from './restore-grant';
