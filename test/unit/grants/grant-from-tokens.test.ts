import { describe, expect, it } from 'vitest';
import { grantFromTokens } from '../../../src/grants/grant-from-tokens';
import { grantIdFor } from '../../../src/grants/model';
import type { TokenGrant } from '../../../src/platforms/types';
import { APP_ID, aGrant, aSeller, DAY, MINUTE, T0 } from '../../support/builders';
import { SETTINGS } from './fixtures';

const NOW = T0 + 100 * DAY;

function tokens(overrides: Partial<TokenGrant> = {}): TokenGrant {
  return {
    accessToken: 'access-new',
    refreshToken: 'refresh-new',
    accessExpiresAt: NOW + 7 * DAY,
    refreshExpiresAt: NOW + 30 * DAY,
    refreshable: true,
    obtainedAt: NOW,
    seller: aSeller(1),
    ...overrides,
  };
}

const ctx = { appId: APP_ID, platform: 'lazada' as const, now: NOW, settings: SETTINGS, random: () => 0 };

describe('grantFromTokens', () => {
  it('builds a connected grant with the stable id and its first refresh scheduled', () => {
    const grant = grantFromTokens(tokens(), ctx);
    expect(grant).toMatchObject({
      id: grantIdFor(APP_ID, aSeller(1)),
      appId: APP_ID,
      platform: 'lazada',
      accessToken: 'access-new',
      refreshToken: 'refresh-new',
      status: 'connected',
      failures: 0,
      authorizedAt: NOW,
      createdAt: NOW,
      updatedAt: NOW,
      remindedDays: [],
      deathNotified: false,
      dueAt: NOW + 7 * DAY - 30 * MINUTE,
    });
    expect(grant.lastRefreshedAt).toBeUndefined();
  });

  it('authorizing again starts the life over but keeps createdAt', () => {
    const existing = aGrant({
      id: grantIdFor(APP_ID, aSeller(1)),
      status: 'needs_authorization',
      failures: 5,
      lastError: { code: 'refresh_token_invalid', message: 'x', retryable: false },
      retryAt: T0 + 5,
      remindedDays: [7, 2, 1],
      deathNotified: true,
      lastRefreshedAt: T0 + DAY,
      createdAt: T0 - DAY,
    });
    const grant = grantFromTokens(tokens(), { ...ctx, existing });
    expect(grant).toMatchObject({
      status: 'connected',
      failures: 0,
      remindedDays: [],
      deathNotified: false,
      createdAt: T0 - DAY,
    });
    expect(grant.lastError).toBeUndefined();
    expect(grant.retryAt).toBeUndefined();
    expect(grant.lastRefreshedAt).toBeUndefined();
  });

  it('ignores an existing grant that is another seller', () => {
    const other = aGrant({ id: 'someone-else', createdAt: T0 - DAY });
    expect(grantFromTokens(tokens(), { ...ctx, existing: other }).createdAt).toBe(NOW);
  });

  it('counts reminder thresholds the new deadline is already past as sent', () => {
    const grant = grantFromTokens(tokens({ refreshExpiresAt: NOW + 36 * 60 * MINUTE }), ctx);
    expect(grant.remindedDays).toEqual([7, 2]);
    expect(grant.dueAt).toBe(NOW + 12 * 60 * MINUTE);
  });

  it('schedules a grant that cannot be refreshed for its expiry', () => {
    const grant = grantFromTokens(tokens({ refreshable: false, refreshExpiresAt: NOW + 7 * DAY }), {
      ...ctx,
      settings: { ...SETTINGS, reminderDays: [] },
    });
    expect(grant.dueAt).toBe(NOW + 7 * DAY);
  });
});
