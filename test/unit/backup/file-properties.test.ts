import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../../src/backup/backup-file';
import { buildBackupContents } from '../../../src/backup/build-contents';
import type { BackupContents } from '../../../src/backup/contents';
import { BackupError, isBackupErrorCode } from '../../../src/backup/errors';
import type { LocalState } from '../../../src/backup/local-state';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { appSecret } from '../../support/checked';
import {
  ALIEXPRESS_APP,
  DAY,
  LAZADA_APP,
  PASSPHRASE,
  sampleContents,
  shop,
  T0,
  TEST_ITERATIONS,
} from './fixtures';

const fast = { iterationsForTests: TEST_ITERATIONS };
const anyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
/** What `apps.save` lets into the store: names trimmed, secrets without spaces (app-input.ts). */
const anyName = anyText.map((text) => text.trim()).filter((text) => text.length > 0);
const anySecret = anyText.filter((text) => !/\s/.test(text)).map(appSecret);

/** Records with any Unicode in every free-text field, any times, any subset of secrets. */
const anyState: fc.Arbitrary<LocalState> = fc
  .record({
    names: fc.tuple(anyName, anyName),
    accounts: fc.array(anyText, { minLength: 0, maxLength: 4 }),
    tokens: fc.array(fc.tuple(anyText, anyText), { minLength: 4, maxLength: 4 }),
    times: fc.array(fc.integer({ min: 0, max: 4_000_000_000_000 }), { minLength: 4, maxLength: 4 }),
    secret: fc.option(anySecret, { nil: undefined }),
    reminderDays: fc.uniqueArray(fc.integer({ min: 1, max: 365 }), { maxLength: 4 }),
  })
  .map(({ names, accounts, tokens, times, secret, reminderDays }) => {
    const lazada = { ...LAZADA_APP, name: names[0] };
    const aliexpress = { ...ALIEXPRESS_APP, name: names[1] };
    const grants = accounts.map((account, n) => {
      const app = n % 2 === 0 ? lazada : aliexpress;
      const base = shop(app, n);
      const [accessToken, refreshToken] = tokens[n]!;
      return {
        ...base,
        seller: { ...base.seller, account },
        accessToken,
        refreshToken,
        authorizedAt: times[n]!,
        ...(n === 1 ? { lastRefreshedAt: times[n]! + 1 } : {}),
      };
    });
    return {
      apps: [lazada, aliexpress],
      secrets: new Map(secret === undefined ? [] : [[lazada.id, secret]]),
      grants,
      settings: { ...DEFAULT_SETTINGS, reminderDays: [...reminderDays].sort((a, b) => b - a) },
      toolPermissions: [],
    };
  });

const contentsFrom = (state: LocalState, includeSecrets: boolean, move: boolean): BackupContents =>
  buildBackupContents(state, { now: T0 + DAY, includeSecrets, move });

describe('the backup file, for any contents', () => {
  it('gives back exactly what went in, whatever the text', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyState,
        fc.boolean(),
        fc.boolean(),
        anyText,
        async (state, includeSecrets, move, passphrase) => {
          const contents = contentsFrom(state, includeSecrets, move);
          const file = await exportBackup(contents, passphrase, fast);
          expect(await importBackup(file, passphrase)).toEqual(contents);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('never opens with a changed character: a named error, or (whitespace) the very same contents', async () => {
    const contents = sampleContents({ includeSecrets: true });
    const file = await exportBackup(contents, PASSPHRASE, fast);
    const printable = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: file.length - 1 }), printable, async (at, replacement) => {
        fc.pre(file[at] !== replacement);
        const changed = `${file.slice(0, at)}${replacement}${file.slice(at + 1)}`;
        try {
          expect(await importBackup(changed, PASSPHRASE)).toEqual(contents);
          expect(/\s/.test(file[at]!)).toBe(true);
        } catch (error) {
          if (!(error instanceof BackupError)) throw error;
          expect(isBackupErrorCode(error.code)).toBe(true);
          expect(error.code).not.toBe('backup_invalid_contents');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('cut short anywhere is refused: as damaged once it names the format, as not ours before', async () => {
    const file = await exportBackup(sampleContents(), PASSPHRASE, fast);
    const end = file.trimEnd().length;
    const named = file.indexOf('seller-auth-backup') + 'seller-auth-backup'.length;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: end - 1 }), async (length) => {
        let code: string | undefined;
        try {
          await importBackup(file.slice(0, length), PASSPHRASE);
        } catch (error) {
          if (!(error instanceof BackupError)) throw error;
          code = error.code;
        }
        expect(code).toBe(length >= named ? 'backup_tampered' : 'backup_not_seller_auth');
      }),
      { numRuns: 200 },
    );
  });
});
