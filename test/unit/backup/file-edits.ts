/** Ways to damage or forge a backup file, for the format's tests. */
import { decodeBase64, encodeBase64 } from '../../../src/backup/base64';
import { type BackupHeader, canonicalHeader } from '../../../src/backup/format';
import { deriveBackupKeys, envelopeChecksum } from '../../../src/backup/keys';

export interface RawEnvelope {
  header: BackupHeader;
  keyCheck: string;
  ciphertext: string;
  checksum: string;
}

export function rawEnvelope(text: string): RawEnvelope {
  return JSON.parse(text) as RawEnvelope;
}

/** Edits the parsed file as a person with a text editor would: the checksum is left as it was. */
export function editByHand(text: string, edit: (file: RawEnvelope) => void): string {
  const file = rawEnvelope(text);
  edit(file);
  return JSON.stringify(file, null, 2);
}

/** Edits the file as a forger would: the checksum is recomputed, so only the cryptography can object. */
export async function forge(
  text: string,
  edit: (file: RawEnvelope) => void | Promise<void>,
): Promise<string> {
  const file = rawEnvelope(text);
  await edit(file);
  const checksum = await envelopeChecksum(canonicalHeader(file.header), file.keyCheck, file.ciphertext);
  file.checksum = encodeBase64(checksum);
  return JSON.stringify(file, null, 2);
}

export function bytes(base64: string): Uint8Array<ArrayBuffer> {
  const decoded = decodeBase64(base64);
  if (!decoded) throw new Error('not base64');
  return decoded;
}

/** Flips one bit of a base64 field's bytes, keeping it valid base64 of the same length. */
export function flipBit(base64: string, byteIndex: number): string {
  const decoded = bytes(base64);
  const index = ((byteIndex % decoded.length) + decoded.length) % decoded.length;
  decoded[index] = (decoded[index] ?? 0) ^ 0x01;
  return encodeBase64(decoded);
}

/** The key a file's passphrase gives, for a forger who knows the passphrase but not the format's rules. */
export async function keysOf(file: RawEnvelope, passphrase: string) {
  return deriveBackupKeys(passphrase, bytes(file.header.kdf.salt), file.header.kdf.iterations);
}
