/** The sentences of the Backup section, in the installed language. Pure. */
import type { BackupStatus, GrantChangeReason, GrantKeepReason, ImportPreview } from '../shared/backup';
import { type MessageKey, t, tPlural, uiLanguage } from '../shared/i18n';
import type { Settings } from '../shared/model';
import { formatDate } from '../ui/time-words';

/** Asked of every passphrase the page sends: the file is only as safe as it. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** "3 shops are not in any backup.", or nothing when every shop is in one. */
export function notInBackupWords(status: BackupStatus): string | undefined {
  const count = status.notBackedUp;
  if (count === 0) return undefined;
  return tPlural('backup_not_in_backup', count);
}

export function lastBackupWords(status: BackupStatus): string {
  return status.lastExportAt === undefined
    ? t('backup_none_yet')
    : t('backup_last', formatDate(status.lastExportAt));
}

export interface PassphraseProblems {
  passphrase?: string;
  confirmation?: string;
}

export function passphraseProblems(passphrase: string, confirmation: string): PassphraseProblems {
  if (passphrase.length === 0) return { passphrase: t('error_backup_passphrase_empty_detail') };
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return { passphrase: t('backup_passphrase_short', MIN_PASSPHRASE_LENGTH) };
  }
  if (confirmation !== passphrase) return { confirmation: t('backup_passphrase_mismatch') };
  return {};
}

const CHANGE_REASONS: Record<GrantChangeReason, MessageKey> = {
  new: 'import_change_new',
  newer_tokens: 'import_change_newer_tokens',
  handed_back: 'import_change_handed_back',
};

const KEEP_REASONS: Record<GrantKeepReason, MessageKey> = {
  local_newer: 'import_keep_local_newer',
  same_tokens: 'import_keep_same_tokens',
  same_age_other_tokens: 'import_keep_same_age_other_tokens',
  moved_away: 'import_keep_moved_away',
  duplicate_in_file: 'import_keep_duplicate_in_file',
};

export function changeReasonWords(reason: GrantChangeReason): string {
  return t(CHANGE_REASONS[reason]);
}

export function keepReasonWords(reason: GrantKeepReason): string {
  return t(KEEP_REASONS[reason]);
}

const SETTING_NAMES: Record<keyof Settings, MessageKey> = {
  refreshLeadMinutes: 'import_setting_refresh_lead',
  keepAccessDays: 'import_setting_keep_access_days',
  reminderDays: 'import_setting_reminder_days',
  maxConcurrentRefreshes: 'import_setting_max_concurrent',
  maxRefreshesPerMinute: 'import_setting_max_per_minute',
  notifications: 'import_setting_notifications',
};

export function settingsWords(settings: readonly (keyof Settings)[]): string | undefined {
  if (settings.length === 0) return undefined;
  const names = new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format(
    settings.map((key) => t(SETTING_NAMES[key])),
  );
  return t('import_settings_taken', names);
}

/** Whether applying would write anything at all. */
export function importChangesSomething(preview: ImportPreview): boolean {
  return (
    preview.apps.added.length +
      preview.apps.updated.length +
      preview.secrets.added +
      preview.secrets.replaced +
      preview.shops.added.length +
      preview.shops.updated.length +
      preview.settings.length +
      preview.tools.added >
    0
  );
}

/** What "Apply" did, for the toast. */
export function appliedWords(preview: ImportPreview): string {
  if (!importChangesSomething(preview)) return t('import_nothing_applied');
  return tPlural('import_applied', preview.shops.added.length, preview.shops.updated.length);
}

export function fileSummaryWords(preview: ImportPreview): string {
  const date = formatDate(preview.exportedAt);
  return preview.includesSecrets
    ? t('import_file_with_secrets', date)
    : t('import_file_without_secrets', date);
}
