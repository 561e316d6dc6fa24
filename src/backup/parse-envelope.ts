/**
 * Reads the file's text into an envelope, without the passphrase. Order matters: first "is this ours at
 * all" (not_seller_auth), then the version (a newer file may look different in every other way), then
 * every field strictly (tampered: it says it is ours, but it is not what we write).
 */
import { decodeBase64 } from './base64';
import { BackupError } from './errors';
import {
  type BackupEnvelope,
  type BackupHeader,
  CIPHER_NAME,
  FORMAT_NAME,
  FORMAT_VERSION,
  IV_BYTES,
  KDF_NAME,
  KEY_CHECK_BYTES,
  MAX_ITERATIONS,
  MIN_ITERATIONS,
  SALT_BYTES,
  TAG_BYTES,
} from './format';

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tampered(field: string): BackupError {
  return new BackupError('backup_tampered', field);
}

/** An object with exactly these keys: an extra key in what we authenticate would be a silent edit. */
function exactly(value: unknown, keys: readonly string[], field: string): Fields {
  if (!isObject(value)) throw tampered(field);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) throw tampered(`${field}.${key}`);
  }
  return value;
}

function constant<T extends string>(value: unknown, expected: T, field: string): T {
  if (value !== expected) throw tampered(field);
  return expected;
}

function base64Field(value: unknown, field: string, bytes: { exact?: number; min?: number }): string {
  const decoded = typeof value === 'string' ? decodeBase64(value) : undefined;
  if (!decoded) throw tampered(field);
  if (bytes.exact !== undefined && decoded.length !== bytes.exact) throw tampered(field);
  if (bytes.min !== undefined && decoded.length < bytes.min) throw tampered(field);
  return value as string;
}

function iterations(value: unknown): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < MIN_ITERATIONS ||
    value > MAX_ITERATIONS
  ) {
    throw tampered('header.kdf.iterations');
  }
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A file that names our format but is not JSON any more was cut short or edited by hand.
    throw new BackupError(text.includes(FORMAT_NAME) ? 'backup_tampered' : 'backup_not_seller_auth');
  }
}

function parseHeader(raw: Fields): BackupHeader {
  const header = exactly(raw, ['format', 'version', 'kdf', 'cipher'], 'header');
  const kdf = exactly(header.kdf, ['name', 'iterations', 'salt'], 'header.kdf');
  const cipher = exactly(header.cipher, ['name', 'iv'], 'header.cipher');
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    kdf: {
      name: constant(kdf.name, KDF_NAME, 'header.kdf.name'),
      iterations: iterations(kdf.iterations),
      salt: base64Field(kdf.salt, 'header.kdf.salt', { exact: SALT_BYTES }),
    },
    cipher: {
      name: constant(cipher.name, CIPHER_NAME, 'header.cipher.name'),
      iv: base64Field(cipher.iv, 'header.cipher.iv', { exact: IV_BYTES }),
    },
  };
}

export function parseEnvelope(text: string): BackupEnvelope {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.length === 0) throw new BackupError('backup_not_seller_auth');
  const raw = parseJson(trimmed);
  if (!isObject(raw) || !isObject(raw.header) || raw.header.format !== FORMAT_NAME) {
    throw new BackupError('backup_not_seller_auth');
  }
  const version = raw.header.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw tampered('header.version');
  }
  if (version > FORMAT_VERSION) throw new BackupError('backup_newer_version', 'header.version');

  const envelope = exactly(raw, ['header', 'keyCheck', 'ciphertext', 'checksum'], 'file');
  return {
    header: parseHeader(raw.header),
    keyCheck: base64Field(envelope.keyCheck, 'keyCheck', { exact: KEY_CHECK_BYTES }),
    ciphertext: base64Field(envelope.ciphertext, 'ciphertext', { min: TAG_BYTES }),
    checksum: base64Field(envelope.checksum, 'checksum', { exact: 32 }),
  };
}
