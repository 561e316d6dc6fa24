/**
 * One refresh of one grant, single flight and rotation safe:
 * - everything runs under the grant's lock, and the grant is re-read after the lock is taken;
 * - the rotated pair is written in ONE update before anything else, so the spent refresh token is gone
 *   from the store the moment the new one is in it, and is never sent again;
 * - every write checks the stored refresh token is still the one sent: a grant removed or authorized
 *   again while the call was on the wire is never overwritten, resurrected or killed by a stale answer.
 */
import type { AppCredentials, TokenClient, TokenGrant } from '../platforms/types';
import { type ErrorData, SellerAuthError, toErrorData } from '../shared/errors';
import type { Settings } from '../shared/model';
import { recordGrantActivity } from './activity';
import { type ApplyContext, withRefreshedTokens, withRefreshFailure } from './apply-refresh';
import { deadlinePassedError } from './expiry';
import type { Grant } from './model';
import type { ActivityLog, Clock, GrantStore, LockManager } from './ports';
import { isRefreshDue } from './schedule';
import { updateIf } from './update-if';

export interface RefreshDeps {
  grants: GrantStore;
  credentials(appId: string): Promise<AppCredentials | undefined>;
  tokens: TokenClient;
  locks: LockManager;
  clock: Clock;
  activity: ActivityLog;
  settings(): Promise<Settings>;
  random?: () => number;
}

export interface RefreshRequest {
  /** `scheduled` refreshes only a grant that is (still) due; `manual` refreshes any live grant. */
  reason: 'scheduled' | 'manual';
  /** When the refresh was asked for: a refresh finished since then makes this one unnecessary. */
  requestedAt: number;
}

export interface RefreshOutcome {
  kind: 'refreshed' | 'skipped' | 'failed' | 'dead';
  /** The grant as stored afterwards (absent when it is gone). Worker-only: it holds tokens. */
  grant?: Grant;
  error?: ErrorData;
  /** The gateway rate-limited the call: the caller should slow down. */
  rateLimited?: { retryAfterMs: number };
}

export function refreshLockName(grantId: string): string {
  return `seller-auth:refresh:${grantId}`;
}

export function refreshGrant(
  deps: RefreshDeps,
  grantId: string,
  request: RefreshRequest,
): Promise<RefreshOutcome> {
  return deps.locks.withLock(refreshLockName(grantId), () => refreshHoldingLock(deps, grantId, request));
}

async function refreshHoldingLock(
  deps: RefreshDeps,
  grantId: string,
  request: RefreshRequest,
): Promise<RefreshOutcome> {
  const settings = await deps.settings();
  const grant = await deps.grants.get(grantId);
  const context = (): ApplyContext => ({
    now: deps.clock.now(),
    settings,
    random: deps.random ?? Math.random,
  });
  if (!grant || isUnneeded(grant, request, settings, deps.clock.now())) return { kind: 'skipped', grant };

  const blocked = refreshBlocker(grant, deps.clock.now());
  if (blocked) return recordFailure(deps, grant, blocked, context());
  const app = await deps.credentials(grant.appId);
  if (!app) return recordFailure(deps, grant, missingAppError(), context());

  const started = await updateIf(deps.grants, grantId, (current) =>
    holdsSameTokens(current, grant) ? { ...current, refreshStartedAt: deps.clock.now() } : undefined,
  );
  if (!started) return { kind: 'skipped', grant: await deps.grants.get(grantId) };

  let tokens: TokenGrant;
  try {
    tokens = await deps.tokens.refresh(app, grant.refreshToken);
  } catch (error) {
    return recordFailure(deps, grant, toErrorData(error), context());
  }
  return recordSuccess(deps, grant, tokens, context());
}

/** Someone refreshed (or authorized) it since the request, it is dead, or a scheduled one is no longer due. */
function isUnneeded(grant: Grant, request: RefreshRequest, settings: Settings, now: number): boolean {
  if (grant.status !== 'connected') return true;
  const renewedAt = Math.max(grant.authorizedAt, grant.lastRefreshedAt ?? grant.authorizedAt);
  if (renewedAt >= request.requestedAt) return true;
  return request.reason === 'scheduled' && !isRefreshDue(grant, settings, now);
}

/** Refreshes the platform would refuse anyway: answered without a call. */
function refreshBlocker(grant: Grant, now: number): ErrorData | undefined {
  if (!grant.refreshable) {
    return new SellerAuthError(
      'refresh_unsupported',
      'This app cannot refresh its authorizations. Authorize the shop again before it expires.',
    ).toData();
  }
  return now >= grant.refreshExpiresAt ? deadlinePassedError() : undefined;
}

function missingAppError(): ErrorData {
  return new SellerAuthError(
    'app_rejected',
    'The app this shop was connected through has no saved key or secret. Check it in the settings.',
  ).toData();
}

/** The stored grant still holds the pair this refresh started from (not removed, not re-authorized). */
function holdsSameTokens(current: Grant | undefined, sent: Grant): current is Grant {
  return current !== undefined && current.refreshToken === sent.refreshToken;
}

async function recordSuccess(
  deps: RefreshDeps,
  sent: Grant,
  tokens: TokenGrant,
  ctx: ApplyContext,
): Promise<RefreshOutcome> {
  const saved = await updateIf(deps.grants, sent.id, (current) =>
    holdsSameTokens(current, sent) ? withRefreshedTokens(current, tokens, ctx) : undefined,
  );
  if (!saved) return { kind: 'skipped', grant: await deps.grants.get(sent.id) };
  await recordGrantActivity(deps.activity, saved, ctx.now, { kind: 'refreshed' });
  return { kind: 'refreshed', grant: saved };
}

async function recordFailure(
  deps: RefreshDeps,
  sent: Grant,
  error: ErrorData,
  ctx: ApplyContext,
): Promise<RefreshOutcome> {
  let effect: ReturnType<typeof withRefreshFailure> | undefined;
  const saved = await updateIf(deps.grants, sent.id, (current) => {
    if (!holdsSameTokens(current, sent)) return undefined;
    effect = withRefreshFailure(current, error, ctx);
    return effect.grant;
  });
  if (!saved || !effect) return { kind: 'skipped', grant: await deps.grants.get(sent.id) };

  if (effect.outcome === 'dead') {
    const code = saved.lastError?.code ?? error.code;
    await recordGrantActivity(deps.activity, saved, ctx.now, {
      kind: 'needs_authorization',
      errorCode: code,
    });
  } else if (effect.rateLimitedMs === undefined) {
    // Rate limits are the gateway pacing us, not a failure of this grant: they stay out of its log.
    await recordGrantActivity(deps.activity, saved, ctx.now, {
      kind: 'refresh_failed',
      errorCode: error.code,
    });
  }
  // A retry that found the deadline passed reports why the grant died, not the transport error.
  const reported = effect.outcome === 'dead' ? (saved.lastError ?? error) : error;
  const outcome: RefreshOutcome = { kind: effect.outcome, grant: saved, error: reported };
  if (effect.rateLimitedMs !== undefined) outcome.rateLimited = { retryAfterMs: effect.rateLimitedMs };
  return outcome;
}
