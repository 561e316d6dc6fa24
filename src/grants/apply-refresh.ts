/**
 * How the answer to a refresh changes a grant: pure, so the store can apply it inside one atomic update.
 * Every result carries its recomputed `dueAt` and clears `refreshStartedAt` (the call is over).
 */

import type { RefreshedTokens } from '../platforms/types';
import type { ErrorData } from '../shared/errors';
import type { Settings } from '../shared/model';
import {
  CONFIGURATION_RETRY_MS,
  DEFAULT_RATE_LIMIT_WAIT_MS,
  MAX_RATE_LIMIT_WAIT_MS,
  retryBeforeDeadline,
  transientBackoffMs,
} from './backoff';
import { deadlinePassedError, withNeedsAuthorization } from './expiry';
import { classifyFailure } from './failure-class';
import { type Grant, pastLocalDeadline } from './model';
import { nextDueAt } from './schedule';

export interface ApplyContext {
  now: number;
  settings: Settings;
  random: () => number;
}

export interface FailureEffect {
  grant: Grant;
  outcome: 'failed' | 'dead';
  /** Set when the gateway rate-limited the call: how long this grant waits. */
  rateLimitedMs?: number;
}

function scheduled(grant: Grant, ctx: ApplyContext): Grant {
  return { ...grant, dueAt: nextDueAt(grant, ctx.settings, ctx.now, ctx.random) };
}

/**
 * The rotated pair replaces the spent one. The deadline never moves later (a refresh does not extend
 * it), and a success ends any failure streak. A grant marked expired while the call was on the wire is
 * alive again: the platform just accepted its refresh token.
 */
export function withRefreshedTokens(grant: Grant, tokens: RefreshedTokens, ctx: ApplyContext): Grant {
  return scheduled(
    {
      ...grant,
      accessToken: tokens.accessToken,
      // What the reply leaves out keeps its stored value (RFC 6749 section 6).
      refreshToken: tokens.refreshToken ?? grant.refreshToken,
      accessExpiresAt: tokens.accessExpiresAt,
      refreshExpiresAt: refreshDeadlineAfter(grant, tokens, ctx.now),
      refreshable: grant.refreshable && tokens.refreshable,
      status: 'connected',
      failures: 0,
      lastError: undefined,
      retryAt: undefined,
      slowDownUntil: undefined,
      refreshStartedAt: undefined,
      lastRefreshedAt: ctx.now,
      updatedAt: ctx.now,
    },
    ctx,
  );
}

/**
 * The deadline never moves later, except when the platform accepted a refresh the local clock had
 * already called too late: then the stored deadline came from a clock that jumped, and the reply's own
 * (or, without one, the new access expiry, which the next check call revisits) is the best we know.
 */
function refreshDeadlineAfter(grant: Grant, tokens: RefreshedTokens, now: number): number {
  if (pastLocalDeadline(grant, now)) {
    return tokens.refreshExpiresAt ?? Math.max(grant.refreshExpiresAt, tokens.accessExpiresAt);
  }
  return Math.min(grant.refreshExpiresAt, tokens.refreshExpiresAt ?? grant.refreshExpiresAt);
}

export function withRefreshFailure(grant: Grant, error: ErrorData, ctx: ApplyContext): FailureEffect {
  const { now } = ctx;
  const base: Grant = { ...grant, refreshStartedAt: undefined, slowDownUntil: undefined, updatedAt: now };
  // Past the deadline by the local clock, only the platform's own refusal ends the grant: the clock may be
  // wrong. Retries then back off as usual instead of crowding onto the deadline.
  const pastDeadline = pastLocalDeadline(grant, now);
  const retryAt = (delayMs: number) =>
    pastDeadline ? now + delayMs : retryBeforeDeadline(now + delayMs, grant.refreshExpiresAt, now);
  const failure = classifyFailure(error);
  if (failure === 'permanent') {
    // The platform refusing a token whose deadline passed is the deadline, not the seller revoking it.
    const reported = pastDeadline && error.code === 'refresh_token_invalid' ? deadlinePassedError() : error;
    return { grant: withNeedsAuthorization(base, reported, now), outcome: 'dead' };
  }

  switch (failure) {
    case 'rate_limited': {
      const hintMs =
        error.retryAfterMs && error.retryAfterMs > 0 ? error.retryAfterMs : DEFAULT_RATE_LIMIT_WAIT_MS;
      const waitMs = Math.min(hintMs, MAX_RATE_LIMIT_WAIT_MS);
      const until = retryAt(waitMs);
      return {
        grant: scheduled({ ...base, retryAt: until, slowDownUntil: until }, ctx),
        outcome: 'failed',
        rateLimitedMs: waitMs,
      };
    }
    case 'unsupported': {
      // A known state, not a failure: the grant lives until its access token expires, then needs a person.
      const unsupported: Grant = {
        ...base,
        refreshable: false,
        refreshExpiresAt: Math.min(grant.refreshExpiresAt, grant.accessExpiresAt),
        failures: 0,
        lastError: undefined,
        retryAt: undefined,
      };
      return { grant: scheduled(unsupported, ctx), outcome: 'failed' };
    }
    case 'transient': {
      const failures = grant.failures + 1;
      const delayMs = transientBackoffMs(failures, ctx.random);
      return {
        grant: scheduled({ ...base, failures, lastError: error, retryAt: retryAt(delayMs) }, ctx),
        outcome: 'failed',
      };
    }
    case 'configuration': {
      const failing: Grant = {
        ...base,
        failures: grant.failures + 1,
        lastError: error,
        retryAt: retryAt(CONFIGURATION_RETRY_MS),
      };
      return { grant: scheduled(failing, ctx), outcome: 'failed' };
    }
  }
}
