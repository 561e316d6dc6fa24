/**
 * The closed set of reasons a backup cannot be written or read. Each has fixed words a person can act
 * on; a detail may name a field (`grants[3].refreshToken`), never a value, so no token or secret can
 * leak through an error. Kept apart from SellerAuthError's codes until the worker protocol carries them.
 */

const BACKUP_ERROR_WORDS = {
  backup_not_seller_auth: 'This is not a Seller Auth backup file.',
  backup_newer_version:
    'This backup was made by a newer version of Seller Auth. Update Seller Auth, then import it again.',
  backup_tampered:
    'This backup file is damaged, cut short, or was changed after it was saved. Nothing was imported.',
  backup_wrong_passphrase: 'The passphrase does not open this backup. Check it and try again.',
  backup_invalid_contents:
    'This backup opened, but what it holds is not valid Seller Auth data. Nothing was imported.',
  backup_passphrase_empty: 'Enter a passphrase to protect the backup.',
} as const satisfies Record<string, string>;

export type BackupErrorCode = keyof typeof BACKUP_ERROR_WORDS;
export const BACKUP_ERROR_CODES = Object.keys(BACKUP_ERROR_WORDS) as BackupErrorCode[];

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
    super(BACKUP_ERROR_WORDS[code]);
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
  return typeof value === 'string' && Object.hasOwn(BACKUP_ERROR_WORDS, value);
}
