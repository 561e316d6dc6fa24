import { describe, expect, it } from 'vitest';
import { buildBackupContents } from '../../../src/backup/build-contents';
import type { PlannedGrant } from '../../../src/backup/import-plan';
import { restoredGrant } from '../../../src/backup/restore-grant';
import { NEVER_DUE } from '../../../src/grants/model';
import { nextDueAt } from '../../../src/grants/schedule';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { DAY, HOUR, LAZADA_APP, localState, shop, T0 } from './fixtures';

const settings = DEFAULT_SETTINGS;
const noJitter = () => 0;

function planned(overrides: Partial<PlannedGrant> = {}, grant = shop(LAZADA_APP, 1)): PlannedGrant {
  const [incoming] = buildBackupContents(localState({ grants: [grant] }), { now: T0, move: true }).grants;
  return {
    id: 'here-id',
    appId: 'here-app',
    incoming: incoming!,
    takesOver: true,
    reason: 'new',
    ...overrides,
  };
}

describe('restoredGrant', () => {
  it('is the file grant under this browser ids, active, with its refresh planned here', () => {
    const now = T0 + HOUR;
    const grant = restoredGrant(planned(), { now, settings, random: noJitter });
    const source = shop(LAZADA_APP, 1);
    expect(grant).toMatchObject({
      id: 'here-id',
      appId: 'here-app',
      accessToken: source.accessToken,
      refreshToken: source.refreshToken,
      refreshExpiresAt: source.refreshExpiresAt,
      authorizedAt: source.authorizedAt,
      status: 'connected',
      failures: 0,
      updatedAt: now,
    });
    expect(grant).not.toHaveProperty('movedAt');
    expect(grant.dueAt).toBe(nextDueAt(grant, settings, now, noJitter));
    expect(grant.dueAt).toBeLessThan(NEVER_DUE);
  });

  it('keeps the local creation time when it replaces a local grant', () => {
    const local = shop(LAZADA_APP, 1, { createdAt: T0 - 9 * DAY });
    expect(restoredGrant(planned({ local, reason: 'newer_tokens' }), { now: T0, settings }).createdAt).toBe(
      T0 - 9 * DAY,
    );
    expect(restoredGrant(planned(), { now: T0, settings }).createdAt).toBe(shop(LAZADA_APP, 1).createdAt);
  });

  it('counts reminders already behind the deadline as sent, and a dead shop as already announced', () => {
    const nearDeadline = shop(LAZADA_APP, 1, { refreshExpiresAt: T0 + 3 * DAY });
    const grant = restoredGrant(planned({}, nearDeadline), { now: T0, settings });
    expect(grant.remindedDays).toEqual([7]);
    const dead = restoredGrant(planned({}, shop(LAZADA_APP, 1, { status: 'needs_authorization' })), {
      now: T0,
      settings,
    });
    expect(dead).toMatchObject({ status: 'needs_authorization', deathNotified: true, dueAt: NEVER_DUE });
  });
});
