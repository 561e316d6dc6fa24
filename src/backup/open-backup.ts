/**
 * Decrypts the file's text back to bytes, or throws one named error; never a part of the contents.
 *
 * AES-GCM alone answers only "this key does not open this ciphertext", which is the same answer for a
 * wrong passphrase and for a damaged file. Three checks, in order, tell them apart:
 *
 * 1. `checksum`, an unkeyed SHA-256 over header, keyCheck and ciphertext, checked before any key work.
 *    A file cut short, corrupted, or edited by hand fails here: `backup_tampered`. Without it, an edited
 *    salt or iteration count would derive another key and be reported as a wrong passphrase.
 * 2. `keyCheck`, an HMAC of a constant under a key derived from the passphrase (HKDF, apart from the
 *    encryption key). It depends on the passphrase, salt and iterations only, so a mismatch means the
 *    passphrase is wrong: `backup_wrong_passphrase`. It helps no guesser: testing a guess against it
 *    costs the same PBKDF2 run as testing it against the GCM tag.
 * 3. The AES-GCM tag, with the canonical header as additional data. The key is right, so a failure here
 *    means the ciphertext, the IV or another header field was altered by someone who also recomputed
 *    the checksum: `backup_tampered`. This is the check that makes the file tamper-proof; 1 and 2 only
 *    choose the words.
 *
 * Only someone who both edits the salt or iteration count and recomputes the checksum gets "wrong
 * passphrase" instead of "tampered"; either way nothing decrypts.
 */
import { decodeBase64 } from './base64';
import { BackupError } from './errors';
import { type BackupEnvelope, canonicalHeader } from './format';
import { deriveBackupKeys, envelopeChecksum, keyCheckMatches } from './keys';
import { parseEnvelope } from './parse-envelope';

/** Base64 the parser has already checked. */
function bytesOf(text: string): Uint8Array<ArrayBuffer> {
  const bytes = decodeBase64(text);
  if (!bytes) throw new BackupError('backup_tampered');
  return bytes;
}

/** Check 1: the envelope, parsed and with its checksum verified. Needs no passphrase. */
export async function checkedEnvelope(text: string): Promise<BackupEnvelope> {
  const envelope = parseEnvelope(text);
  const checksum = await envelopeChecksum(
    canonicalHeader(envelope.header),
    envelope.keyCheck,
    envelope.ciphertext,
  );
  if (!equalBytes(checksum, bytesOf(envelope.checksum))) throw new BackupError('backup_tampered', 'checksum');
  return envelope;
}

export async function openBackup(text: string, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const envelope = await checkedEnvelope(text);

  // Export refuses an empty passphrase, so no file opens with one: skip the key derivation.
  if (passphrase.length === 0) throw new BackupError('backup_wrong_passphrase');
  const { kdf, cipher } = envelope.header;
  const keys = await deriveBackupKeys(passphrase, bytesOf(kdf.salt), kdf.iterations);
  if (!(await keyCheckMatches(keys, bytesOf(envelope.keyCheck)))) {
    throw new BackupError('backup_wrong_passphrase');
  }
  try {
    const plaintext = await globalThis.crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: bytesOf(cipher.iv),
        additionalData: new TextEncoder().encode(canonicalHeader(envelope.header)),
      },
      keys.encryption,
      bytesOf(envelope.ciphertext),
    );
    return new Uint8Array(plaintext);
  } catch {
    throw new BackupError('backup_tampered', 'ciphertext');
  }
}

/** Not secret (the checksum is unkeyed), so an early exit reveals nothing. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
