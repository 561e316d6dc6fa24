import { describe, expect, it } from 'vitest';
import type { BackupContents } from '../../../src/backup/contents';
import { BackupError } from '../../../src/backup/errors';
import { parseBackupContents } from '../../../src/backup/parse-contents';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { sampleContents } from './fixtures';

type Raw = Record<string, unknown> & { apps: Record<string, unknown>[]; grants: Record<string, unknown>[] };

function raw(): Raw {
  return JSON.parse(JSON.stringify(sampleContents({ includeSecrets: true }))) as Raw;
}

function refusal(value: unknown): BackupError {
  try {
    parseBackupContents(value);
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw error;
  }
  throw new Error('expected the contents to be refused');
}

describe('parseBackupContents', () => {
  it('accepts what the export writes, unchanged', () => {
    const contents = sampleContents({ includeSecrets: true });
    expect(parseBackupContents(JSON.parse(JSON.stringify(contents)))).toEqual(contents);
  });

  it('refuses anything but an object', () => {
    for (const value of [null, [], 'contents', 3]) {
      expect(refusal(value)).toMatchObject({ code: 'backup_invalid_contents', field: 'contents' });
    }
  });

  it('names a newer contents version apart from damage', () => {
    expect(refusal({ ...raw(), version: 2 }).code).toBe('backup_newer_version');
    expect(refusal({ ...raw(), version: 0 }).code).toBe('backup_invalid_contents');
    expect(refusal({ ...raw(), version: undefined }).code).toBe('backup_invalid_contents');
  });

  const badFields: [string, (contents: Raw) => void][] = [
    ['exportedAt', (c) => Object.assign(c, { exportedAt: 'yesterday' })],
    ['includesSecrets', (c) => Object.assign(c, { includesSecrets: 'yes' })],
    ['apps', (c) => Object.assign(c, { apps: {} })],
    ['apps[0].platform', (c) => Object.assign(c.apps[0]!, { platform: 'shopee' })],
    ['apps[0].appKey', (c) => Object.assign(c.apps[0]!, { appKey: '' })],
    ['apps[0].callbackUrl', (c) => Object.assign(c.apps[0]!, { callbackUrl: 'not a url' })],
    ['apps[1].endpoints.authorizeUrl', (c) => Object.assign(c.apps[1]!, { endpoints: { authorizeUrl: 42 } })],
    ['apps[0].secret', (c) => Object.assign(c.apps[0]!, { secret: 7 })],
    ['apps[0].name', (c) => Object.assign(c.apps[0]!, { name: 'x'.repeat(5000) })],
    // The same app check as apps.save: an imported app is trusted like a saved one.
    ['apps[0].appKey', (c) => Object.assign(c.apps[0]!, { appKey: 'letters' })],
    ['apps[0].secret', (c) => Object.assign(c.apps[0]!, { secret: 'two words' })],
    ['apps[0].name', (c) => Object.assign(c.apps[0]!, { name: 'x'.repeat(81) })],
    [
      'apps[1].endpoints.tokenRefreshUrl',
      (c) =>
        Object.assign(c.apps[1]!, { endpoints: { tokenRefreshUrl: 'http://tokens.example.com/refresh' } }),
    ],
    ['apps[0].callbackUrl', (c) => Object.assign(c.apps[0]!, { callbackUrl: 'https://a.example/cb#x' })],
    ['grants[0].refreshToken', (c) => Object.assign(c.grants[0]!, { refreshToken: undefined })],
    ['grants[0].accessExpiresAt', (c) => Object.assign(c.grants[0]!, { accessExpiresAt: Number.NaN })],
    ['grants[0].authorizedAt', (c) => Object.assign(c.grants[0]!, { authorizedAt: -1 })],
    ['grants[0].status', (c) => Object.assign(c.grants[0]!, { status: 'moved' })],
    ['grants[0].refreshable', (c) => Object.assign(c.grants[0]!, { refreshable: 1 })],
    [
      'grants[0].seller.account',
      (c) => Object.assign(c.grants[0]!, { seller: { country: 'sg', countries: [] } }),
    ],
    [
      'grants[0].seller.countries[0].country',
      (c) => Object.assign(c.grants[0]!, { seller: { account: 'a', country: 'sg', countries: [{}] } }),
    ],
    ['grants[0].movedAt', (c) => Object.assign(c.grants[0]!, { movedAt: 'now' })],
    ['grants[0].lastRefreshedAt', (c) => Object.assign(c.grants[0]!, { lastRefreshedAt: null })],
    ['settings.refreshLeadMinutes', (c) => Object.assign(c, { settings: { refreshLeadMinutes: 0 } })],
    ['settings.reminderDays', (c) => Object.assign(c, { settings: { reminderDays: 'weekly' } })],
    ['toolPermissions', (c) => Object.assign(c, { toolPermissions: undefined })],
    [
      'toolPermissions[0].caller.origin',
      (c) =>
        Object.assign(c, {
          toolPermissions: [
            {
              caller: { kind: 'origin', origin: 'https://a.example/path' },
              grantIds: [],
              rawTokens: false,
              grantedAt: 1,
            },
          ],
        }),
    ],
  ];
  for (const [field, spoil] of badFields) {
    it(`refuses the whole file for one bad field: ${field}`, () => {
      const contents = raw();
      spoil(contents);
      expect(refusal(contents)).toMatchObject({ code: 'backup_invalid_contents', field });
    });
  }

  it('never repeats the value it refused', () => {
    const contents = raw();
    const token = 'refresh-token-that-must-not-be-echoed';
    Object.assign(contents.grants[0]!, { refreshToken: { token } });
    const error = refusal(contents);
    expect(JSON.stringify({ ...error.toData(), message: error.message })).not.toContain(token);
  });

  it('refuses records that do not fit together', () => {
    const duplicateApp = raw();
    duplicateApp.apps[1]!.id = duplicateApp.apps[0]!.id;
    duplicateApp.grants = [];
    expect(refusal(duplicateApp)).toMatchObject({ field: 'apps[1].id' });

    const duplicateGrant = raw();
    duplicateGrant.grants[1]!.id = duplicateGrant.grants[0]!.id;
    expect(refusal(duplicateGrant)).toMatchObject({ field: 'grants[1].id' });

    const unknownApp = raw();
    unknownApp.grants[2]!.appId = 'nowhere';
    expect(refusal(unknownApp)).toMatchObject({ field: 'grants[2].appId' });

    const wrongPlatform = raw();
    wrongPlatform.grants[0]!.platform = 'aliexpress';
    expect(refusal(wrongPlatform)).toMatchObject({ field: 'grants[0].platform' });

    const unknownShop = raw();
    unknownShop.toolPermissions = [
      {
        caller: { kind: 'extension', extensionId: 'abc' },
        grantIds: ['nope'],
        rawTokens: true,
        grantedAt: 1,
      },
    ];
    expect(refusal(unknownShop)).toMatchObject({ field: 'toolPermissions[0].grantIds[0]' });

    const secretWhenNone = raw();
    secretWhenNone.includesSecrets = false;
    expect(refusal(secretWhenNone)).toMatchObject({ field: 'apps[0].secret' });
  });

  it('drops fields it does not know, and fills settings the file lacks with the defaults', () => {
    const contents = raw();
    Object.assign(contents, { settings: { refreshLeadMinutes: 45, laterSetting: true }, extra: 1 });
    Object.assign(contents.grants[0]!, { dueAt: 5, futureField: 'x' });
    const parsed = parseBackupContents(contents) as BackupContents & Record<string, unknown>;
    expect(parsed.settings).toEqual({ ...DEFAULT_SETTINGS, refreshLeadMinutes: 45 });
    expect(parsed).not.toHaveProperty('extra');
    expect(parsed.grants[0]).not.toHaveProperty('dueAt');
    expect(parsed.grants[0]).not.toHaveProperty('futureField');
  });

  it('accepts tool permissions of both kinds', () => {
    const contents = raw();
    const grantId = contents.grants[0]!.id as string;
    contents.toolPermissions = [
      {
        caller: { kind: 'extension', extensionId: 'abcdefghijklmnopabcdefghijklmnop' },
        grantIds: [grantId],
        rawTokens: true,
        grantedAt: 1,
      },
      {
        caller: { kind: 'origin', origin: 'https://tools.example.com' },
        grantIds: [],
        rawTokens: false,
        grantedAt: 2,
      },
    ];
    expect(parseBackupContents(contents).toolPermissions).toEqual(contents.toolPermissions);
  });
});
