/** The sentences of the Backup section. Pure. */
import type { BackupStatus, GrantChangeReason, GrantKeepReason, ImportPreview } from '../shared/backup';
import type { Settings } from '../shared/model';
import { formatDate } from '../ui/time-words';

/** Asked of every passphrase the page sends: the file is only as safe as it. */
export const MIN_PASSPHRASE_LENGTH = 8;

export function shopsWords(count: number): string {
  return `${count} shop${count === 1 ? '' : 's'}`;
}

/** "3 shops are not in any backup.", or nothing when every shop is in one. */
export function notInBackupWords(status: BackupStatus): string | undefined {
  const count = status.notBackedUp;
  if (count === 0) return undefined;
  return `${shopsWords(count)} ${count === 1 ? 'is' : 'are'} not in any backup.`;
}

export function lastBackupWords(status: BackupStatus): string {
  return status.lastExportAt === undefined
    ? 'No backup yet.'
    : `Last backup: ${formatDate(status.lastExportAt)}.`;
}

export interface PassphraseProblems {
  passphrase?: string;
  confirmation?: string;
}

export function passphraseProblems(passphrase: string, confirmation: string): PassphraseProblems {
  if (passphrase.length === 0) return { passphrase: 'Enter a passphrase to protect the backup.' };
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return { passphrase: `Use at least ${MIN_PASSPHRASE_LENGTH} characters.` };
  }
  if (confirmation !== passphrase) return { confirmation: 'The two passphrases are not the same.' };
  return {};
}

const CHANGE_REASONS: Record<GrantChangeReason, string> = {
  new: 'new here',
  newer_tokens: 'the file has a newer authorization',
  handed_back: 'moved back to this browser',
};

const KEEP_REASONS: Record<GrantKeepReason, string> = {
  local_newer: 'this browser has a newer authorization',
  same_tokens: 'already the same here',
  same_age_other_tokens: 'both copies are as new; this browser keeps its own',
  moved_away: 'moved to another browser; authorize it again here to take it back',
  duplicate_in_file: 'the file holds a newer copy of it',
};

export function changeReasonWords(reason: GrantChangeReason): string {
  return CHANGE_REASONS[reason];
}

export function keepReasonWords(reason: GrantKeepReason): string {
  return KEEP_REASONS[reason];
}

const SETTING_NAMES: Record<keyof Settings, string> = {
  refreshLeadMinutes: 'refresh before expiry',
  keepAccessDays: 'days of access to keep',
  reminderDays: 'reminder days',
  maxConcurrentRefreshes: 'refreshes at the same time',
  maxRefreshesPerMinute: 'refreshes per minute',
  notifications: 'desktop notifications',
};

export function settingsWords(settings: readonly (keyof Settings)[]): string | undefined {
  if (settings.length === 0) return undefined;
  return `Settings taken from the file (this browser still had their defaults): ${settings
    .map((key) => SETTING_NAMES[key])
    .join(', ')}.`;
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
  const added = preview.shops.added.length;
  const updated = preview.shops.updated.length;
  if (!importChangesSomething(preview)) return 'Nothing to import: this browser already had it all';
  return `Backup imported: ${shopsWords(added)} added, ${updated} updated`;
}

export function fileSummaryWords(preview: ImportPreview): string {
  return `Backup saved on ${formatDate(preview.exportedAt)}, ${
    preview.includesSecrets ? 'with the app secrets' : 'without app secrets'
  }.`;
}
