/** Passphrase to keys, through WebCrypto only (the worker, the pages and Node all have it). */

export interface BackupKeys {
  /** AES-GCM-256: encrypts the contents. */
  encryption: CryptoKey;
  /** HMAC-SHA256: computes and checks `keyCheck`, to tell a wrong passphrase from a damaged file. */
  check: CryptoKey;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const NO_SALT = new Uint8Array(0);
const ENCRYPTION_INFO = utf8('seller-auth-backup/1 aes-gcm-256 key');
const CHECK_INFO = utf8('seller-auth-backup/1 key-check key');
/** What `keyCheck` is the HMAC of: a constant, so it depends on the key alone (see open-backup.ts). */
const KEY_CHECK_MESSAGE = utf8('seller-auth-backup/1 key check');

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

export async function deriveBackupKeys(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<BackupKeys> {
  // NFC: the same passphrase typed on two systems can arrive as different code points ("é" or "e" + accent).
  const material = await subtle().importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const stretched = await subtle().deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    256,
  );
  const master = await subtle().importKey('raw', stretched, 'HKDF', false, ['deriveKey']);
  const hkdf = (info: Uint8Array<ArrayBuffer>) => ({ name: 'HKDF', hash: 'SHA-256', salt: NO_SALT, info });
  const [encryption, check] = await Promise.all([
    subtle().deriveKey(hkdf(ENCRYPTION_INFO), master, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
    subtle().deriveKey(hkdf(CHECK_INFO), master, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, [
      'sign',
      'verify',
    ]),
  ]);
  return { encryption, check };
}

export async function keyCheckValue(keys: BackupKeys): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().sign('HMAC', keys.check, KEY_CHECK_MESSAGE));
}

/** HMAC verification compares in constant time. */
export function keyCheckMatches(keys: BackupKeys, value: Uint8Array<ArrayBuffer>): Promise<boolean> {
  return subtle().verify('HMAC', keys.check, value, KEY_CHECK_MESSAGE);
}

/** Unkeyed: anyone can recompute it. It catches damage, not forgery (the AES-GCM tag does that). */
export async function envelopeChecksum(
  canonicalHeader: string,
  keyCheck: string,
  ciphertext: string,
): Promise<Uint8Array<ArrayBuffer>> {
  // Newlines cannot occur in the canonical header or in base64, so the joined string is unambiguous.
  const digest = await subtle().digest('SHA-256', utf8(`${canonicalHeader}\n${keyCheck}\n${ciphertext}`));
  return new Uint8Array(digest);
}
