/**
 * The backup file, version 1. On disk it is pretty-printed JSON, so it survives a text editor, mail and
 * line-ending conversions (only the values are authenticated, never the whitespace):
 *
 *   {
 *     "header": {
 *       "format": "seller-auth-backup",
 *       "version": 1,
 *       "kdf": { "name": "PBKDF2-SHA256", "iterations": 600000, "salt": "<16 bytes, base64>" },
 *       "cipher": { "name": "AES-GCM-256", "iv": "<12 bytes, base64>" }
 *     },
 *     "keyCheck": "<32 bytes, base64>",
 *     "ciphertext": "<AES-GCM output with its 16-byte tag, base64>",
 *     "checksum": "<SHA-256, base64>"
 *   }
 *
 * Keys: PBKDF2-SHA256(passphrase in NFC, salt, iterations) gives 32 bytes; HKDF-SHA256 splits them
 * into the AES-GCM-256 key and an HMAC-SHA256 key for `keyCheck` (one PBKDF2 block: asking PBKDF2 for
 * 64 bytes would double the defender's work and not the attacker's).
 * The ciphertext is the UTF-8 JSON of the contents, encrypted with `canonicalHeader(header)` as
 * additional authenticated data: a header changed in any way makes decryption fail.
 * Why three checks, and what each one tells apart: see open-backup.ts.
 */

export const FORMAT_NAME = 'seller-auth-backup';
export const FORMAT_VERSION = 1;
export const KDF_NAME = 'PBKDF2-SHA256';
export const CIPHER_NAME = 'AES-GCM-256';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Every export uses it. */
export const EXPORT_ITERATIONS = 600_000;
/**
 * What an import accepts from a header. The file picks its own count (a later version may raise it);
 * the bounds refuse a file that would hang the browser for minutes, or one with no real key stretching.
 */
export const MIN_ITERATIONS = 1_000;
export const MAX_ITERATIONS = 5_000_000;

export const SALT_BYTES = 16;
export const IV_BYTES = 12;
export const KEY_CHECK_BYTES = 32;
/** The AES-GCM tag: a shorter ciphertext cannot be anything but cut short. */
export const TAG_BYTES = 16;

export interface BackupHeader {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  kdf: { name: typeof KDF_NAME; iterations: number; salt: string };
  cipher: { name: typeof CIPHER_NAME; iv: string };
}

export interface BackupEnvelope {
  header: BackupHeader;
  keyCheck: string;
  ciphertext: string;
  checksum: string;
}

/**
 * The one byte string a header stands for: fields in a fixed order, no whitespace. Every value is
 * validated (known names, an integer, canonical base64) before this runs, so equal headers always give
 * equal strings, whatever the file's formatting.
 */
export function canonicalHeader(header: BackupHeader): string {
  return JSON.stringify({
    format: header.format,
    version: header.version,
    kdf: { name: header.kdf.name, iterations: header.kdf.iterations, salt: header.kdf.salt },
    cipher: { name: header.cipher.name, iv: header.cipher.iv },
  });
}

/** The file's text: what the options page offers for download. */
export function serializeEnvelope(envelope: BackupEnvelope): string {
  const { header, keyCheck, ciphertext, checksum } = envelope;
  return `${JSON.stringify({ header: JSON.parse(canonicalHeader(header)), keyCheck, ciphertext, checksum }, null, 2)}\n`;
}
