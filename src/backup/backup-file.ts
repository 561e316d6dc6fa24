/** Contents to file text and back: the two calls export and import are built on. */
import type { BackupFileInfo } from '../shared/backup';
import type { BackupContents } from './contents';
import { BackupError } from './errors';
import { FORMAT_NAME } from './format';
import { checkedEnvelope, openBackup } from './open-backup';
import { parseBackupContents } from './parse-contents';
import { type SealOptions, sealBackup } from './seal-backup';

export type ExportOptions = SealOptions;

/** The file's text. Slow on purpose: the key derivation runs 600,000 PBKDF2 rounds. */
export function exportBackup(
  contents: BackupContents,
  passphrase: string,
  options: ExportOptions = {},
): Promise<string> {
  return sealBackup(new TextEncoder().encode(JSON.stringify(contents)), passphrase, options);
}

/** The checked contents, or a BackupError; never a part of them. */
export async function importBackup(text: string, passphrase: string): Promise<BackupContents> {
  const plaintext = await openBackup(text, passphrase);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    throw new BackupError('backup_invalid_contents', 'contents');
  }
  return parseBackupContents(raw);
}

export type { BackupFileInfo };

/**
 * Checks a chosen file before asking for its passphrase: a file that is not ours, is newer or is damaged
 * is refused at once, with the same errors `importBackup` would throw.
 */
export async function inspectBackup(text: string): Promise<BackupFileInfo> {
  const envelope = await checkedEnvelope(text);
  return { formatVersion: envelope.header.version, iterations: envelope.header.kdf.iterations };
}

/** `seller-auth-backup-2025-03-07.json`, in the person's local date. */
export function backupFileName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${FORMAT_NAME}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
