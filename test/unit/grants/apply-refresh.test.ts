import { describe, expect, it } from 'vitest';
import {
  type ApplyContext,
  withRefreshedTokens,
  withRefreshFailure,
} from '../../../src/grants/apply-refresh';
import { CONFIGURATION_RETRY_MS } from '../../../src/grants/backoff';
import { classifyFailure } from '../../../src/grants/failure-class';
import { NEVER_DUE } from '../../../src/grants/model';
import type { TokenGrant } from '../../../src/platforms/types';
import { type ErrorCode, type ErrorData, SellerAuthError } from '../../../src/shared/errors';
import { aGrant, aSeller, DAY, HOUR, MINUTE, T0 } from '../../support/builders';
import { SETTINGS } from './fixtures';

const NOW = T0 + 7 * DAY - 30 * MINUTE;
const ctx: ApplyContext = { now: NOW, settings: SETTINGS, random: () => 0.5 };

function errorOf(code: ErrorCode, details: Partial<ErrorData> = {}): ErrorData {
  return new SellerAuthError(code, `failed with ${code}`, details).toData();
}

describe('classifyFailure', () => {
  it('backs off an unknown error the platform named (isp.*, SYSTEM) like a transient one', () => {
    expect(classifyFailure(errorOf('platform_error', { platformCode: 'isp.remote-service-error' }))).toBe(
      'transient',
    );
    expect(classifyFailure(errorOf('platform_error', { platformCode: 'SYSTEM' }))).toBe('transient');
    // Refused without a reason (a wrong token URL answering 403): a settings matter.
    expect(classifyFailure(errorOf('platform_error', { httpStatus: 403 }))).toBe('configuration');
  });

  it.each<[ErrorCode, string]>([
    ['rate_limited', 'rate_limited'],
    ['refresh_token_invalid', 'permanent'],
    ['refresh_deadline_passed', 'permanent'],
    ['invalid_code', 'permanent'],
    ['access_token_invalid', 'permanent'],
    ['refresh_unsupported', 'unsupported'],
    ['network', 'transient'],
    ['timeout', 'transient'],
    ['malformed_response', 'transient'],
    ['upstream_unavailable', 'transient'],
    ['service_timeout', 'transient'],
    ['signature_rejected', 'configuration'],
    ['app_rejected', 'configuration'],
    ['missing_parameter', 'configuration'],
    ['platform_error', 'configuration'],
    ['internal', 'configuration'],
  ])('%s is %s', (code, expected) => {
    expect(classifyFailure(errorOf(code))).toBe(expected);
  });
});

describe('withRefreshFailure', () => {
  const grant = aGrant({ failures: 0, refreshStartedAt: NOW - 5 });

  it.each<ErrorCode>([
    'refresh_token_invalid',
    'refresh_deadline_passed',
    'invalid_code',
    'access_token_invalid',
  ])('%s: the seller must authorize again, nothing more is scheduled', (code) => {
    const error = errorOf(code);
    const effect = withRefreshFailure(grant, error, ctx);
    expect(effect.outcome).toBe('dead');
    expect(effect.grant).toMatchObject({ status: 'needs_authorization', dueAt: NEVER_DUE, lastError: error });
    expect(effect.grant.retryAt).toBeUndefined();
    expect(effect.grant.refreshStartedAt).toBeUndefined();
    // Nothing stored is lost: the tokens stay.
    expect(effect.grant.refreshToken).toBe(grant.refreshToken);
  });

  it.each<ErrorCode>(['network', 'timeout', 'malformed_response', 'upstream_unavailable', 'service_timeout'])(
    '%s: stays connected, counts a failure and retries after the backoff',
    (code) => {
      const once = withRefreshFailure(grant, errorOf(code), ctx);
      expect(once.outcome).toBe('failed');
      expect(once.grant).toMatchObject({
        status: 'connected',
        failures: 1,
        retryAt: NOW + 30_000,
        dueAt: NOW + 30_000,
      });
      expect(once.grant.lastError?.code).toBe(code);
      const twice = withRefreshFailure(once.grant, errorOf(code), { ...ctx, now: NOW + 30_000 });
      expect(twice.grant).toMatchObject({ status: 'connected', failures: 2, retryAt: NOW + 30_000 + 60_000 });
    },
  );

  it('never marks a grant dead for transient failures, however many', () => {
    let current = grant;
    let now = NOW;
    for (let i = 0; i < 40; i++) {
      current = withRefreshFailure(current, errorOf('network'), { ...ctx, now }).grant;
      now = current.retryAt ?? now;
      if (now >= current.refreshExpiresAt) break;
    }
    expect(current.failures).toBeGreaterThan(30);
    expect(current.status).toBe('connected');
  });

  it('keeps transient retries before the refresh deadline', () => {
    const nearDeadline = aGrant({ failures: 9, refreshExpiresAt: NOW + 10 * MINUTE });
    const effect = withRefreshFailure(nearDeadline, errorOf('network'), ctx);
    expect(effect.grant.retryAt).toBe(NOW + 9 * MINUTE);
  });

  it('keeps a grant past the local deadline alive on a transient error, retrying later', () => {
    const late = aGrant({ refreshExpiresAt: NOW - 1 });
    const effect = withRefreshFailure(late, errorOf('timeout'), ctx);
    expect(effect.outcome).toBe('failed');
    expect(effect.grant.status).toBe('connected');
    expect(effect.grant.retryAt).toBeGreaterThan(NOW);
  });

  it('reports the platform refusing a token past its deadline as the deadline', () => {
    const late = aGrant({ refreshExpiresAt: NOW - 1 });
    const effect = withRefreshFailure(late, errorOf('refresh_token_invalid'), ctx);
    expect(effect.outcome).toBe('dead');
    expect(effect.grant.lastError?.code).toBe('refresh_deadline_passed');
  });

  it.each<ErrorCode>(['signature_rejected', 'app_rejected', 'missing_parameter', 'platform_error'])(
    '%s: a configuration error keeps the status and retries only after 6 hours',
    (code) => {
      const effect = withRefreshFailure(grant, errorOf(code), ctx);
      expect(effect.outcome).toBe('failed');
      expect(effect.grant).toMatchObject({
        status: 'connected',
        failures: 1,
        retryAt: NOW + CONFIGURATION_RETRY_MS,
      });
      expect(effect.grant.lastError?.code).toBe(code);
    },
  );

  it('retries a configuration error no later than just before the deadline', () => {
    const effect = withRefreshFailure(
      aGrant({ refreshExpiresAt: NOW + HOUR }),
      errorOf('signature_rejected'),
      ctx,
    );
    expect(effect.grant.retryAt).toBe(NOW + HOUR - MINUTE);
  });

  it('refresh_unsupported: not refreshable, deadline pulled to the access expiry, still connected', () => {
    const effect = withRefreshFailure(aGrant({ failures: 2 }), errorOf('refresh_unsupported'), ctx);
    expect(effect.outcome).toBe('failed');
    expect(effect.grant).toMatchObject({
      status: 'connected',
      refreshable: false,
      refreshExpiresAt: grant.accessExpiresAt,
      failures: 0,
    });
    expect(effect.grant.dueAt).toBeLessThanOrEqual(grant.accessExpiresAt);
  });

  it('rate_limited: no failure counted, no error kept, retried after the hint', () => {
    const effect = withRefreshFailure(grant, errorOf('rate_limited', { retryAfterMs: 4000 }), ctx);
    expect(effect).toMatchObject({ outcome: 'failed', rateLimitedMs: 4000 });
    expect(effect.grant).toMatchObject({ status: 'connected', failures: 0, retryAt: NOW + 4000 });
    expect(effect.grant.lastError).toBeUndefined();
    // People see it waiting on the platform, until the next answer of any kind.
    expect(effect.grant.slowDownUntil).toBe(NOW + 4000);
    expect(withRefreshFailure(effect.grant, errorOf('timeout'), ctx).grant.slowDownUntil).toBeUndefined();
  });

  it('rate_limited: a hint longer than 15 minutes is capped there', () => {
    const effect = withRefreshFailure(grant, errorOf('rate_limited', { retryAfterMs: 6 * HOUR }), ctx);
    expect(effect.rateLimitedMs).toBe(15 * MINUTE);
    expect(effect.grant.retryAt).toBe(NOW + 15 * MINUTE);
  });

  it('rate_limited without a hint waits one second', () => {
    const effect = withRefreshFailure(grant, errorOf('rate_limited'), ctx);
    expect(effect.rateLimitedMs).toBe(1000);
    expect(effect.grant.retryAt).toBe(NOW + 1000);
  });
});

describe('withRefreshedTokens', () => {
  const tokens: TokenGrant = {
    accessToken: 'new-access',
    refreshToken: 'new-refresh',
    accessExpiresAt: NOW + 7 * DAY,
    refreshExpiresAt: NOW + 30 * DAY,
    refreshable: true,
    obtainedAt: NOW,
    seller: aSeller(1),
  };

  it('stores the new pair and never moves the deadline later', () => {
    const failing = aGrant({
      failures: 3,
      retryAt: NOW,
      slowDownUntil: NOW,
      lastError: errorOf('network'),
      refreshStartedAt: NOW - 10,
    });
    const next = withRefreshedTokens(failing, tokens, ctx);
    expect(next).toMatchObject({
      accessToken: 'new-access',
      refreshToken: 'new-refresh',
      accessExpiresAt: NOW + 7 * DAY,
      refreshExpiresAt: failing.refreshExpiresAt,
      failures: 0,
      lastRefreshedAt: NOW,
      status: 'connected',
    });
    expect(next.lastError).toBeUndefined();
    expect(next.retryAt).toBeUndefined();
    expect(next.refreshStartedAt).toBeUndefined();
    expect(next.slowDownUntil).toBeUndefined();
  });

  it('keeps the stored refresh token and deadline when the reply leaves them out (RFC 6749 section 6)', () => {
    const stored = aGrant();
    const { refreshToken: _token, refreshExpiresAt: _deadline, seller: _seller, ...bare } = tokens;
    const next = withRefreshedTokens(stored, bare, ctx);
    expect(next).toMatchObject({
      accessToken: 'new-access',
      refreshToken: stored.refreshToken,
      refreshExpiresAt: stored.refreshExpiresAt,
      refreshable: true,
    });
  });

  it('takes an earlier deadline when the platform gives one', () => {
    const next = withRefreshedTokens(aGrant(), { ...tokens, refreshExpiresAt: NOW + DAY }, ctx);
    expect(next.refreshExpiresAt).toBe(NOW + DAY);
  });

  it('schedules the next refresh from the new expiry', () => {
    const next = withRefreshedTokens(aGrant({ remindedDays: [7, 2, 1] }), tokens, {
      ...ctx,
      random: () => 0,
    });
    expect(next.dueAt).toBe(NOW + 7 * DAY - 30 * MINUTE);
  });
});
