/** Encrypts bytes into the file's text (format.ts). Fresh salt and IV every time. */
import { encodeBase64 } from './base64';
import { BackupError } from './errors';
import {
  type BackupHeader,
  CIPHER_NAME,
  canonicalHeader,
  EXPORT_ITERATIONS,
  FORMAT_NAME,
  FORMAT_VERSION,
  IV_BYTES,
  KDF_NAME,
  MAX_ITERATIONS,
  MIN_ITERATIONS,
  SALT_BYTES,
  serializeEnvelope,
} from './format';
import { deriveBackupKeys, envelopeChecksum, keyCheckValue } from './keys';

export interface SealOptions {
  /** Tests only: a cheaper key derivation. Real exports always use EXPORT_ITERATIONS. */
  iterationsForTests?: number;
}

export async function sealBackup(
  plaintext: Uint8Array<ArrayBuffer>,
  passphrase: string,
  options: SealOptions = {},
): Promise<string> {
  if (passphrase.length === 0) throw new BackupError('backup_passphrase_empty');
  const iterations = options.iterationsForTests ?? EXPORT_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new RangeError(`Iterations must be a whole number from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}.`);
  }
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const header: BackupHeader = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    kdf: { name: KDF_NAME, iterations, salt: encodeBase64(salt) },
    cipher: { name: CIPHER_NAME, iv: encodeBase64(iv) },
  };
  const aad = canonicalHeader(header);
  const keys = await deriveBackupKeys(passphrase, salt, iterations);
  const sealed = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad) },
    keys.encryption,
    plaintext,
  );
  const keyCheck = encodeBase64(await keyCheckValue(keys));
  const ciphertext = encodeBase64(new Uint8Array(sealed));
  const checksum = encodeBase64(await envelopeChecksum(aad, keyCheck, ciphertext));
  return serializeEnvelope({ header, keyCheck, ciphertext, checksum });
}
