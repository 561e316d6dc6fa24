import { describe, expect, it } from 'vitest';
import {
  attentionCount,
  byAttention,
  grantHealth,
  needsAttention,
  toGrantView,
} from '../../../src/grants/health';
import type { Grant } from '../../../src/grants/model';
import type { GrantHealth, GrantView } from '../../../src/shared/model';
import { aGrant, DAY, MINUTE, T0 } from '../../support/builders';
import { SETTINGS } from './fixtures';

const NOW = T0 + DAY;

describe('grantHealth', () => {
  it('is connected when nothing is wrong and the deadline is far', () => {
    expect(grantHealth(aGrant(), SETTINGS, NOW)).toBe('connected');
  });

  it('is expiring within the first reminder threshold of the deadline', () => {
    const grant = aGrant({ refreshExpiresAt: NOW + 7 * DAY });
    expect(grantHealth(grant, SETTINGS, NOW - 1)).toBe('connected');
    expect(grantHealth(grant, SETTINGS, NOW)).toBe('expiring');
    expect(grantHealth(grant, { ...SETTINGS, reminderDays: [] }, NOW)).toBe('connected');
  });

  it('is failing while refreshes fail, even near the deadline', () => {
    expect(grantHealth(aGrant({ failures: 2 }), SETTINGS, NOW)).toBe('failing');
    const withError = aGrant({
      lastError: { code: 'signature_rejected', message: 'x', retryable: false },
    });
    expect(grantHealth(withError, SETTINGS, NOW)).toBe('failing');
    expect(grantHealth(aGrant({ failures: 1, refreshExpiresAt: NOW + DAY }), SETTINGS, NOW)).toBe('failing');
  });

  it('needs authorization when dead, past the deadline, or expired without a way to refresh', () => {
    expect(grantHealth(aGrant({ status: 'needs_authorization' }), SETTINGS, NOW)).toBe('needs_authorization');
    const answeredPastDeadline = aGrant({ refreshExpiresAt: NOW, lastRefreshedAt: NOW });
    expect(grantHealth(answeredPastDeadline, SETTINGS, NOW)).toBe('needs_authorization');
    const unrefreshable = aGrant({
      refreshable: false,
      accessExpiresAt: NOW,
      refreshExpiresAt: NOW + DAY,
    });
    expect(grantHealth(unrefreshable, SETTINGS, NOW)).toBe('needs_authorization');
    expect(grantHealth(unrefreshable, SETTINGS, NOW - 1)).toBe('expiring');
  });
});

describe('grantHealth past the deadline by the local clock alone', () => {
  it('is expiring, not dead, until the platform has answered one refresh call', () => {
    expect(grantHealth(aGrant({ refreshExpiresAt: NOW }), SETTINGS, NOW)).toBe('expiring');
  });
});

describe('toGrantView', () => {
  const grant = aGrant({
    accessToken: 'ACCESS-TOKEN-MUST-NOT-LEAK',
    refreshToken: 'REFRESH-TOKEN-MUST-NOT-LEAK',
    lastRefreshedAt: T0,
    lastError: { code: 'network', message: 'Offline.', retryable: true },
    failures: 1,
    retryAt: NOW + MINUTE,
  });

  it('never carries a token', () => {
    const view = toGrantView(grant, 'Order sync', SETTINGS, NOW);
    const text = JSON.stringify(view);
    expect(text).not.toContain('MUST-NOT-LEAK');
    expect(Object.keys(view)).not.toContain('accessToken');
    expect(Object.keys(view)).not.toContain('refreshToken');
  });

  it('shows the state, both clocks and the next refresh', () => {
    expect(toGrantView(grant, 'Order sync', SETTINGS, NOW)).toEqual({
      id: grant.id,
      appId: grant.appId,
      appName: 'Order sync',
      platform: 'lazada',
      seller: grant.seller,
      status: 'connected',
      health: 'failing',
      accessExpiresAt: grant.accessExpiresAt,
      refreshExpiresAt: grant.refreshExpiresAt,
      refreshable: true,
      authorizedAt: T0,
      lastRefreshedAt: T0,
      nextRefreshAt: NOW + MINUTE,
      failures: 1,
      lastError: grant.lastError,
    });
  });

  it('says the platform asked to slow down only while that wait lasts', () => {
    const waiting = aGrant({ retryAt: NOW + MINUTE, slowDownUntil: NOW + MINUTE });
    expect(toGrantView(waiting, 'A', SETTINGS, NOW).slowDownUntil).toBe(NOW + MINUTE);
    expect(toGrantView(waiting, 'A', SETTINGS, NOW + MINUTE)).not.toHaveProperty('slowDownUntil');
  });

  it('shows the planned refresh time for a healthy grant, and none for a dead one', () => {
    const healthy = aGrant({ dueAt: T0 + 7 * DAY - 31 * MINUTE });
    expect(toGrantView(healthy, 'A', SETTINGS, NOW).nextRefreshAt).toBe(T0 + 7 * DAY - 31 * MINUTE);
    const wokenForReminder = aGrant({ dueAt: NOW });
    expect(toGrantView(wokenForReminder, 'A', SETTINGS, NOW).nextRefreshAt).toBe(T0 + 7 * DAY - 33 * MINUTE);
    expect(
      toGrantView(aGrant({ status: 'needs_authorization' }), 'A', SETTINGS, NOW).nextRefreshAt,
    ).toBeUndefined();
  });

  it('says how much access the planned refresh keeps, and nothing for a retry or a dead grant', () => {
    const healthy = aGrant({ dueAt: T0 + 4 * DAY });
    expect(toGrantView(healthy, 'A', SETTINGS, NOW).refreshKeepsMs).toBe(30 * MINUTE);
    expect(toGrantView(healthy, 'A', { ...SETTINGS, keepAccessDays: 3 }, NOW).refreshKeepsMs).toBe(3 * DAY);
    expect(toGrantView(grant, 'A', { ...SETTINGS, keepAccessDays: 3 }, NOW).refreshKeepsMs).toBeUndefined();
    const dead = aGrant({ status: 'needs_authorization' });
    expect(toGrantView(dead, 'A', { ...SETTINGS, keepAccessDays: 3 }, NOW).refreshKeepsMs).toBeUndefined();
  });

  it('is a copy: changing the view does not change the grant', () => {
    const view = toGrantView(grant, 'A', SETTINGS, NOW);
    view.seller.account = 'changed';
    expect(grant.seller.account).toBe('seller-1@example.com');
  });
});

describe('attention', () => {
  it('counts every grant that is not simply connected', () => {
    const grants: Grant[] = [
      aGrant({ id: 'ok' }),
      aGrant({ id: 'expiring', refreshExpiresAt: NOW + DAY }),
      aGrant({ id: 'failing', failures: 1 }),
      aGrant({ id: 'dead', status: 'needs_authorization' }),
    ];
    expect(attentionCount(grants, SETTINGS, NOW)).toBe(3);
    expect(attentionCount([], SETTINGS, NOW)).toBe(0);
  });

  it('counts a shop whose deadline is within 7 days even when the first reminder is set closer', () => {
    const settings = { ...SETTINGS, reminderDays: [2] };
    const soon = aGrant({ id: 'soon', refreshExpiresAt: NOW + 5 * DAY });
    expect(grantHealth(soon, settings, NOW)).toBe('connected');
    expect(
      attentionCount([soon, aGrant({ id: 'far', refreshExpiresAt: NOW + 20 * DAY })], settings, NOW),
    ).toBe(1);
    expect(attentionCount([soon], { ...settings, reminderDays: [] }, NOW)).toBe(1);
  });

  it('needsAttention follows the health', () => {
    expect(needsAttention({ health: 'connected' })).toBe(false);
    expect(needsAttention({ health: 'expiring' })).toBe(true);
    expect(needsAttention({ health: 'failing' })).toBe(true);
    expect(needsAttention({ health: 'needs_authorization' })).toBe(true);
  });
});

describe('byAttention', () => {
  const view = (id: string, health: GrantHealth, refreshExpiresAt: number, account = 'a@example.com') => {
    const grant = aGrant({ id, refreshExpiresAt, seller: { ...aGrant().seller, account } });
    return { ...toGrantView(grant, 'App', SETTINGS, NOW), health };
  };
  const ids = (views: GrantView[]) => views.map((v) => v.id);

  it('puts shops needing a person first, then the nearest deadline, then account and id', () => {
    const input = [
      view('later', 'connected', NOW + 90 * DAY),
      view('soon-b', 'connected', NOW + DAY, 'b@example.com'),
      view('soon-a2', 'connected', NOW + DAY),
      view('soon-a1', 'connected', NOW + DAY),
      view('failing', 'failing', NOW + 50 * DAY),
      view('expiring', 'expiring', NOW + 2 * DAY),
      view('dead', 'needs_authorization', NOW + 80 * DAY),
    ];
    expect(ids([...input].sort(byAttention))).toEqual([
      'dead',
      'failing',
      'expiring',
      'soon-a1',
      'soon-a2',
      'soon-b',
      'later',
    ]);
  });
});
