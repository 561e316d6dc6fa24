import { describe, expect, it } from 'vitest';
import { buildBackupContents } from '../../../src/backup/build-contents';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { ALIEXPRESS_APP, DAY, HOUR, LAZADA_APP, localState, SECRETS, shop, T0 } from './fixtures';

const now = T0 + DAY;

describe('buildBackupContents', () => {
  it('leaves app secrets out unless asked', () => {
    const contents = buildBackupContents(localState(), { now });
    expect(contents.includesSecrets).toBe(false);
    expect(contents.apps.map((app) => app.secret)).toEqual([undefined, undefined]);
    expect(JSON.stringify(contents)).not.toContain('app-secret');
    expect(contents.apps.map((app) => Object.hasOwn(app, 'secret'))).toEqual([false, false]);
  });

  it('includes each stored secret when asked, and no secret an app does not have', () => {
    const secrets = new Map([[LAZADA_APP.id, SECRETS.get(LAZADA_APP.id)!]]);
    const contents = buildBackupContents(localState({ secrets }), { now, includeSecrets: true });
    expect(contents.includesSecrets).toBe(true);
    expect(contents.apps.map((app) => app.secret)).toEqual([SECRETS.get(LAZADA_APP.id), undefined]);
  });

  it('carries apps, grants with their tokens and ages, settings and an empty tool list', () => {
    const settings = { ...DEFAULT_SETTINGS, refreshLeadMinutes: 45 };
    const contents = buildBackupContents(localState({ settings }), { now });
    expect(contents).toMatchObject({ version: 1, exportedAt: now, settings, toolPermissions: [] });
    expect(contents.apps.map((app) => app.id)).toEqual([LAZADA_APP.id, ALIEXPRESS_APP.id]);
    expect(contents.apps[1]!.endpoints).toEqual(ALIEXPRESS_APP.endpoints);
    const second = contents.grants[1]!;
    const local = localState().grants[1]!;
    expect(second).toEqual({
      id: local.id,
      appId: LAZADA_APP.id,
      platform: 'lazada',
      seller: local.seller,
      accessToken: local.accessToken,
      refreshToken: local.refreshToken,
      refreshable: true,
      accessExpiresAt: local.accessExpiresAt,
      refreshExpiresAt: local.refreshExpiresAt,
      status: 'connected',
      authorizedAt: local.authorizedAt,
      lastRefreshedAt: T0 + 2 * HOUR,
      createdAt: local.createdAt,
      updatedAt: local.updatedAt,
    });
  });

  it('leaves out the scheduling state, which the importing browser plans afresh', () => {
    const busy = shop(LAZADA_APP, 1, {
      failures: 3,
      retryAt: T0 + HOUR,
      refreshStartedAt: T0,
      remindedDays: [7],
      deathNotified: true,
      lastError: { code: 'network', message: 'offline', retryable: true },
    });
    const [grant] = buildBackupContents(localState({ grants: [busy] }), { now }).grants;
    for (const field of [
      'dueAt',
      'failures',
      'retryAt',
      'refreshStartedAt',
      'remindedDays',
      'deathNotified',
      'lastError',
    ]) {
      expect(grant).not.toHaveProperty(field);
    }
  });

  it('does not copy fields a stored record grows later', () => {
    const grown = { ...shop(LAZADA_APP, 1), futureField: 'kept at home' };
    const app = { ...LAZADA_APP, futureField: 'kept at home' };
    const contents = buildBackupContents(localState({ apps: [app], grants: [grown] }), { now });
    expect(JSON.stringify(contents)).not.toContain('kept at home');
  });

  it('marks every exported grant as moved at the export time for a Move, and none for a Copy', () => {
    expect(buildBackupContents(localState(), { now }).grants.map((g) => g.movedAt)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(buildBackupContents(localState(), { now, move: true }).grants.map((g) => g.movedAt)).toEqual([
      now,
      now,
      now,
    ]);
  });

  it('leaves out grants already moved to another browser, and grants whose app is gone', () => {
    const moved = shop(LAZADA_APP, 1, { movedAt: T0 + HOUR });
    const orphan = shop({ ...LAZADA_APP, id: 'removed-app' }, 5);
    const kept = shop(LAZADA_APP, 2);
    const contents = buildBackupContents(localState({ grants: [moved, orphan, kept] }), { now });
    expect(contents.grants.map((grant) => grant.id)).toEqual([kept.id]);
  });

  it('keeps tool permissions to exported shops only', () => {
    const moved = shop(LAZADA_APP, 1, { movedAt: T0 + HOUR });
    const kept = shop(LAZADA_APP, 2);
    const permission = {
      caller: { kind: 'origin' as const, origin: 'https://tools.example.com' },
      grantIds: [moved.id, kept.id],
      rawTokens: false,
      grantedAt: T0,
    };
    const contents = buildBackupContents(
      localState({ grants: [moved, kept], toolPermissions: [permission] }),
      {
        now,
      },
    );
    expect(contents.toolPermissions).toEqual([{ ...permission, grantIds: [kept.id] }]);
  });
});
