import { describe, expect, it } from 'vitest';
import { backupFileName, exportBackup, importBackup, inspectBackup } from '../../../src/backup/backup-file';
import { decodeBase64, encodeBase64 } from '../../../src/backup/base64';
import { BACKUP_ERROR_CODES, BackupError } from '../../../src/backup/errors';
import { canonicalHeader, EXPORT_ITERATIONS, MAX_ITERATIONS } from '../../../src/backup/format';
import { bytes, editByHand, flipBit, forge, keysOf, rawEnvelope } from './file-edits';
import { codeOf, PASSPHRASE, rejection, sampleContents, TEST_ITERATIONS } from './fixtures';

const fast = { iterationsForTests: TEST_ITERATIONS };

async function sampleFile(): Promise<string> {
  return exportBackup(sampleContents({ includeSecrets: true }), PASSPHRASE, fast);
}

describe('the test environment', () => {
  it('has WebCrypto, as the worker and the pages do', () => {
    expect(typeof globalThis.crypto?.subtle?.deriveBits).toBe('function');
  });
});

describe('export and import', () => {
  it('gives back exactly the contents that went in', async () => {
    const contents = sampleContents({ includeSecrets: true });
    const file = await exportBackup(contents, PASSPHRASE, fast);
    expect(await importBackup(file, PASSPHRASE)).toEqual(contents);
  });

  it('round-trips with the real 600,000 iterations, which every export uses', async () => {
    const contents = sampleContents();
    const file = await exportBackup(contents, PASSPHRASE);
    expect(rawEnvelope(file).header.kdf.iterations).toBe(EXPORT_ITERATIONS);
    expect(EXPORT_ITERATIONS).toBe(600_000);
    expect(await importBackup(file, PASSPHRASE)).toEqual(contents);
  }, 30_000);

  it('writes a readable header and no readable contents', async () => {
    const contents = sampleContents({ includeSecrets: true });
    const file = await exportBackup(contents, PASSPHRASE, fast);
    const parsed = rawEnvelope(file);
    expect(parsed.header).toEqual({
      format: 'seller-auth-backup',
      version: 1,
      kdf: { name: 'PBKDF2-SHA256', iterations: TEST_ITERATIONS, salt: expect.any(String) },
      cipher: { name: 'AES-GCM-256', iv: expect.any(String) },
    });
    expect(bytes(parsed.header.kdf.salt)).toHaveLength(16);
    expect(bytes(parsed.header.cipher.iv)).toHaveLength(12);
    expect(file.split('\n')[1]).toBe('  "header": {');
    for (const secret of [
      contents.apps[0]!.secret!,
      contents.grants[0]!.refreshToken,
      'seller-1@example.com',
    ]) {
      expect(file).not.toContain(secret);
    }
  });

  it('uses a fresh salt and IV for every export', async () => {
    const [first, second] = [rawEnvelope(await sampleFile()), rawEnvelope(await sampleFile())];
    expect(first.header.kdf.salt).not.toBe(second.header.kdf.salt);
    expect(first.header.cipher.iv).not.toBe(second.header.cipher.iv);
    expect(first.ciphertext).not.toBe(second.ciphertext);
  });

  it('still opens after a text editor reformats it, changes line endings or adds a byte-order mark', async () => {
    const file = await sampleFile();
    const contents = await importBackup(file, PASSPHRASE);
    const minified = JSON.stringify(JSON.parse(file));
    const crlf = file.replace(/\n/g, '\r\n');
    expect(await importBackup(minified, PASSPHRASE)).toEqual(contents);
    expect(await importBackup(crlf, PASSPHRASE)).toEqual(contents);
    expect(await importBackup(`\uFEFF${file}`, PASSPHRASE)).toEqual(contents);
  });

  it('opens with the same passphrase typed in another Unicode normalization', async () => {
    const composed = 'caf\u00e9 au lait';
    const decomposed = 'cafe\u0301 au lait';
    const file = await exportBackup(sampleContents(), composed, fast);
    expect(await importBackup(file, decomposed)).toEqual(sampleContents());
  });

  it('reads the iteration count from the file', async () => {
    const file = await exportBackup(sampleContents(), PASSPHRASE, { iterationsForTests: 1_234 });
    expect(await inspectBackup(file)).toEqual({ formatVersion: 1, iterations: 1_234 });
    expect(await importBackup(file, PASSPHRASE)).toEqual(sampleContents());
  });

  it('refuses to export without a passphrase', async () => {
    expect(await codeOf(() => exportBackup(sampleContents(), '', fast))).toBe('backup_passphrase_empty');
  });
});

describe('a wrong passphrase', () => {
  it('is named as such, not as a damaged file', async () => {
    const file = await sampleFile();
    expect(await codeOf(() => importBackup(file, 'correct horse battery stapler'))).toBe(
      'backup_wrong_passphrase',
    );
    expect(await codeOf(() => importBackup(file, ''))).toBe('backup_wrong_passphrase');
  });
});

describe('a tampered header', () => {
  it('edited by hand (iterations, salt, IV) is refused as tampered, before any key work', async () => {
    const file = await sampleFile();
    const edits = [
      editByHand(file, (f) => {
        f.header.kdf.iterations += 1;
      }),
      editByHand(file, (f) => {
        f.header.kdf.salt = flipBit(f.header.kdf.salt, 0);
      }),
      editByHand(file, (f) => {
        f.header.cipher.iv = flipBit(f.header.cipher.iv, 3);
      }),
    ];
    for (const edited of edits) {
      const error = await rejection(() => importBackup(edited, PASSPHRASE));
      expect(error.code).toBe('backup_tampered');
      expect(error.field).toBe('checksum');
    }
  });

  it('with an unknown field or an unknown algorithm is refused as tampered', async () => {
    const file = await sampleFile();
    const extra = editByHand(file, (f) => {
      Object.assign(f.header.kdf, { pepper: 'x' });
    });
    const otherKdf = editByHand(file, (f) => {
      Object.assign(f.header.kdf, { name: 'PBKDF2-SHA1' });
    });
    expect(await rejection(() => importBackup(extra, PASSPHRASE))).toMatchObject({
      code: 'backup_tampered',
      field: 'header.kdf.pepper',
    });
    expect(await rejection(() => importBackup(otherKdf, PASSPHRASE))).toMatchObject({
      code: 'backup_tampered',
      field: 'header.kdf.name',
    });
  });

  it('with an absurd iteration count is refused without deriving a key', async () => {
    const file = await sampleFile();
    for (const iterations of [MAX_ITERATIONS + 1, 0, 999, 1.5, '600000']) {
      const forged = await forge(file, (f) => {
        Object.assign(f.header.kdf, { iterations });
      });
      expect(await rejection(() => importBackup(forged, PASSPHRASE))).toMatchObject({
        code: 'backup_tampered',
        field: 'header.kdf.iterations',
      });
    }
  });

  it('with a recomputed checksum is still refused: the header is authenticated data', async () => {
    const file = await sampleFile();
    const otherIv = await forge(file, (f) => {
      f.header.cipher.iv = flipBit(f.header.cipher.iv, 0);
    });
    const error = await rejection(() => importBackup(otherIv, PASSPHRASE));
    expect(error.code).toBe('backup_tampered');
    expect(error.field).toBe('ciphertext');
  });

  it('is caught by AES-GCM itself: contents sealed under the right key but another header do not open', async () => {
    const file = await sampleFile();
    const contents = new TextEncoder().encode(JSON.stringify(sampleContents()));
    const headerless = await forge(file, async (f) => {
      const keys = await keysOf(f, PASSPHRASE);
      const unbound = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv: bytes(f.header.cipher.iv) },
        keys.encryption,
        contents,
      );
      f.ciphertext = encodeBase64(new Uint8Array(unbound));
    });
    const otherHeader = await forge(file, async (f) => {
      const keys = await keysOf(f, PASSPHRASE);
      const aad = canonicalHeader({ ...f.header, kdf: { ...f.header.kdf, iterations: 600_000 } });
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv: bytes(f.header.cipher.iv), additionalData: new TextEncoder().encode(aad) },
        keys.encryption,
        contents,
      );
      f.ciphertext = encodeBase64(new Uint8Array(sealed));
    });
    // The same steps with this header's bytes as additional data do open: the difference is the binding.
    const bound = await forge(file, async (f) => {
      const keys = await keysOf(f, PASSPHRASE);
      const sealed = await crypto.subtle.encrypt(
        {
          name: 'AES-GCM',
          iv: bytes(f.header.cipher.iv),
          additionalData: new TextEncoder().encode(canonicalHeader(f.header)),
        },
        keys.encryption,
        contents,
      );
      f.ciphertext = encodeBase64(new Uint8Array(sealed));
    });
    expect(await codeOf(() => importBackup(headerless, PASSPHRASE))).toBe('backup_tampered');
    expect(await codeOf(() => importBackup(otherHeader, PASSPHRASE))).toBe('backup_tampered');
    expect(await importBackup(bound, PASSPHRASE)).toEqual(sampleContents());
  });

  it('whose salt a forger changed along with the checksum can only look like a wrong passphrase', async () => {
    const file = await sampleFile();
    const forged = await forge(file, (f) => {
      f.header.kdf.salt = flipBit(f.header.kdf.salt, 0);
    });
    expect(await codeOf(() => importBackup(forged, PASSPHRASE))).toBe('backup_wrong_passphrase');
  });
});

describe('a tampered body', () => {
  it('edited by hand is refused as tampered', async () => {
    const file = await sampleFile();
    const edited = editByHand(file, (f) => {
      f.ciphertext = flipBit(f.ciphertext, 40);
    });
    expect(await rejection(() => importBackup(edited, PASSPHRASE))).toMatchObject({
      code: 'backup_tampered',
      field: 'checksum',
    });
  });

  it('altered by a forger who recomputed the checksum is refused by the AES-GCM tag', async () => {
    const file = await sampleFile();
    for (const byte of [0, 17, -1]) {
      const forged = await forge(file, (f) => {
        f.ciphertext = flipBit(f.ciphertext, byte);
      });
      expect(await rejection(() => importBackup(forged, PASSPHRASE))).toMatchObject({
        code: 'backup_tampered',
        field: 'ciphertext',
      });
    }
  });

  it('with a replaced key check is refused, never decrypted', async () => {
    const file = await sampleFile();
    const edited = editByHand(file, (f) => {
      f.keyCheck = flipBit(f.keyCheck, 0);
    });
    expect(await codeOf(() => importBackup(edited, PASSPHRASE))).toBe('backup_tampered');
  });

  it('with a field that is not canonical base64 is refused', async () => {
    const file = await sampleFile();
    const wrapped = editByHand(file, (f) => {
      f.ciphertext = `${f.ciphertext.slice(0, 10)}\n${f.ciphertext.slice(10)}`;
    });
    // 32 bytes take 43 characters and '=': the last character has 2 unused bits, which must be zero.
    const strayBits = editByHand(file, (f) => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
      const last = alphabet.indexOf(f.keyCheck.charAt(42));
      f.keyCheck = `${f.keyCheck.slice(0, 42)}${alphabet.charAt(last + 1)}=`;
      expect(decodeBase64(`${f.keyCheck.slice(0, 42)}${alphabet.charAt(last)}=`)).toBeDefined();
    });
    expect(await rejection(() => importBackup(wrapped, PASSPHRASE))).toMatchObject({
      code: 'backup_tampered',
      field: 'ciphertext',
    });
    expect(await rejection(() => importBackup(strayBits, PASSPHRASE))).toMatchObject({
      code: 'backup_tampered',
      field: 'keyCheck',
    });
  });
});

describe('a truncated file', () => {
  it('is refused as tampered wherever it was cut after the format name', async () => {
    const file = await sampleFile();
    const formatEnd = file.indexOf('seller-auth-backup') + 'seller-auth-backup'.length;
    for (const length of [formatEnd, formatEnd + 50, Math.floor(file.length / 2), file.length - 3]) {
      expect(await codeOf(() => importBackup(file.slice(0, length), PASSPHRASE))).toBe('backup_tampered');
    }
  });

  it('with its ciphertext cut short (and the checksum recomputed) is refused by the tag', async () => {
    const file = await sampleFile();
    const shortened = await forge(file, (f) => {
      const ciphertext = bytes(f.ciphertext);
      f.ciphertext = encodeBase64(ciphertext.subarray(0, ciphertext.length - 1));
    });
    const tagOnly = await forge(file, (f) => {
      f.ciphertext = encodeBase64(bytes(f.ciphertext).subarray(-16));
    });
    const tooShort = await forge(file, (f) => {
      f.ciphertext = encodeBase64(bytes(f.ciphertext).subarray(0, 15));
    });
    expect(await codeOf(() => importBackup(shortened, PASSPHRASE))).toBe('backup_tampered');
    expect(await codeOf(() => importBackup(tagOnly, PASSPHRASE))).toBe('backup_tampered');
    expect(await rejection(() => importBackup(tooShort, PASSPHRASE))).toMatchObject({
      code: 'backup_tampered',
      field: 'ciphertext',
    });
  });
});

describe('a file from a newer version', () => {
  it('is named as such, whatever else the newer format changed', async () => {
    const newer = JSON.stringify({
      header: { format: 'seller-auth-backup', version: 2, kdf: { name: 'Argon2id', memory: 65536 } },
      payload: 'something else entirely',
    });
    expect(await rejection(() => importBackup(newer, PASSPHRASE))).toMatchObject({
      code: 'backup_newer_version',
      field: 'header.version',
    });
    expect(await rejection(() => inspectBackup(newer))).toMatchObject({ code: 'backup_newer_version' });
  });

  it('is named as such when only the contents are newer', async () => {
    const contents = { ...sampleContents(), version: 2, somethingNew: [] };
    const file = await exportBackup(contents as never, PASSPHRASE, fast);
    expect(await rejection(() => importBackup(file, PASSPHRASE))).toMatchObject({
      code: 'backup_newer_version',
      field: 'contents.version',
    });
  });

  it('but a version that is no version at all is damage', async () => {
    const file = await sampleFile();
    for (const version of [0, -1, 1.5, '1', null]) {
      const edited = editByHand(file, (f) => Object.assign(f.header, { version }));
      expect(await codeOf(() => importBackup(edited, PASSPHRASE))).toBe('backup_tampered');
    }
  });
});

describe('a file that is not a Seller Auth backup', () => {
  const others = {
    empty: '',
    blank: ' \n\t ',
    'random JSON': JSON.stringify({ hello: 'world', items: [1, 2, 3] }),
    'a JSON array': '[1, 2, 3]',
    'JSON null': 'null',
    'a JSON string': '"seller"',
    'another format': JSON.stringify({ header: { format: 'bitwarden', version: 1 } }),
    'a header without a format': JSON.stringify({ header: { version: 1 } }),
    'plain text': 'Dear seller, here are your tokens.',
    'a CSV file': 'id,account\n1,seller@example.com\n',
    'binary noise': String.fromCharCode(...Array.from({ length: 64 }, (_, i) => (i * 37) % 256)),
  };
  for (const [name, text] of Object.entries(others)) {
    it(`is named as such: ${name}`, async () => {
      expect(await codeOf(() => importBackup(text, PASSPHRASE))).toBe('backup_not_seller_auth');
      expect(await codeOf(() => inspectBackup(text))).toBe('backup_not_seller_auth');
    });
  }
});

describe('what errors say', () => {
  it('every code has its own words, and no error repeats a token, a secret or the passphrase', async () => {
    const messages = BACKUP_ERROR_CODES.map((code) => new BackupError(code).message);
    expect(new Set(messages).size).toBe(BACKUP_ERROR_CODES.length);
    const file = await sampleFile();
    const contents = sampleContents({ includeSecrets: true });
    const failures = await Promise.all([
      rejection(() => importBackup(file, 'not-the-passphrase-xyzzy')),
      rejection(() => importBackup(file.slice(0, 200), PASSPHRASE)),
      rejection(async () =>
        importBackup(
          await exportBackup(
            { ...contents, grants: [{ ...contents.grants[0]!, status: 'zombie' as never }] },
            PASSPHRASE,
            fast,
          ),
          PASSPHRASE,
        ),
      ),
    ]);
    for (const failure of failures) {
      const said = JSON.stringify({ ...failure.toData(), stack: failure.stack });
      for (const secret of [
        PASSPHRASE,
        'xyzzy',
        contents.grants[0]!.refreshToken,
        contents.apps[0]!.secret!,
      ]) {
        expect(said).not.toContain(secret);
      }
    }
  });
});

describe('the file name', () => {
  it('carries the local date', () => {
    expect(backupFileName(new Date(2025, 2, 7, 23, 59))).toBe('seller-auth-backup-2025-03-07.json');
  });
});
