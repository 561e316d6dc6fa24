/**
 * The closed set of reasons a backup cannot be written or read. Their words live with every other
 * code's in the one error table (src/shared/error-table.ts), so the worker's message and the page's
 * words are the same; a detail may name a field (`grants[3].refreshToken`), never a value, so no token
 * or secret can leak through an error.
 */
import { type ErrorCode, errorText } from '../shared/error-table';

const BACKUP_CODES = [
  'backup_not_seller_auth',
  'backup_newer_version',
  'backup_tampered',
  'backup_wrong_passphrase',
  'backup_invalid_contents',
  'backup_passphrase_empty',
] as const satisfies readonly ErrorCode[];

export type BackupErrorCode = (typeof BACKUP_CODES)[number];
export const BACKUP_ERROR_CODES: readonly BackupErrorCode[] = BACKUP_CODES;

export interface BackupErrorData {
  code: BackupErrorCode;
  message: string;
  /** Which part of the file is at fault, for support: a path such as `header.kdf.iterations`. */
  field?: string;
}

export class BackupError extends Error {
  override readonly name = 'BackupError';
  readonly code: BackupErrorCode;
  readonly field: string | undefined;

  constructor(code: BackupErrorCode, field?: string) {
    super(errorText(code).detail);
    this.code = code;
    this.field = field;
  }

  toData(): BackupErrorData {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export function isBackupErrorCode(value: unknown): value is BackupErrorCode {
  return (BACKUP_CODES as readonly unknown[]).includes(value);
}
