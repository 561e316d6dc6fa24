/**
 * One refresh of one grant, single flight and rotation safe:
 * - everything runs under the grant's lock, and the grant is re-read after the lock is taken;
 * - the rotated pair is written in ONE update before anything else, so the spent refresh token is gone
 *   from the store the moment the new one is in it, and is never sent again;
 * - every write checks the stored refresh token is still the one sent: a grant removed or authorized
 *   again while the call was on the wire is never overwritten, resurrected or killed by a stale answer;
 * - a sent call is never given up: after `waitMs` the caller hears `pending`, while the call goes on
 *   under the lock (nobody sends the spent token meanwhile) and keep-awake, and its answer is applied;
 * - the answer is written ahead to the journal, then committed with retries, then the journal entry goes;
 * - a call that starts while `refreshStartedAt` is left from an attempt that never finished, and meets
 *   `IllegalRefreshToken`, is reported as interrupted (the platform rotated, the answer was lost), not
 *   as a revocation.
 */
import type { StartTimer } from '../platforms/token-client';
import type { AppCredentials, RefreshedTokens, TokenClient } from '../platforms/types';
import { type ErrorData, SellerAuthError, toErrorData } from '../shared/errors';
import type { Settings } from '../shared/model';
import { recordGrantActivity } from './activity';
import { type ApplyContext, withRefreshedTokens, withRefreshFailure } from './apply-refresh';
import { deadlinePassedError } from './expiry';
import { type Grant, isMoved, pastLocalDeadline } from './model';
import type { ActivityLog, Clock, GrantStore, LockManager, RefreshJournal } from './ports';
import { awaitsDeadlineCheck, isRefreshDue } from './schedule';
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
  /** Where a rotated pair waits until IndexedDB has it. Without one, the commit is only retried. */
  journal?: RefreshJournal;
  /** Keeps the worker alive while a call is on the wire, also after the caller stopped waiting. */
  keepAwake?: <T>(task: () => Promise<T>) => Promise<T>;
  /** How long a caller waits for the answer before hearing `pending` (default 15 s). */
  waitMs?: number;
  startTimer?: StartTimer;
  /** Pause between commit attempts (tests pass the fake clock's). */
  sleep?: (ms: number) => Promise<void>;
  /** Called once the call ends after its caller heard `pending`: the alarm and pages must follow it. */
  onLateAnswer?: () => void;
}

export const REFRESH_WAIT_MS = 15_000;
/** Pauses between tries of the success commit: a storage hiccup passes, a broken store does not. */
const COMMIT_RETRY_MS = [50, 250, 1000];
/** Answers that leave open whether the platform acted: the next IllegalRefreshToken means a lost answer. */
const AMBIGUOUS_CODES = new Set(['network', 'timeout']);

export interface RefreshRequest {
  /** `scheduled` refreshes only a grant that is (still) due; `manual` refreshes any live grant. */
  reason: 'scheduled' | 'manual';
  /** When the refresh was asked for: a refresh finished since then makes this one unnecessary. */
  requestedAt: number;
}

export interface RefreshOutcome {
  /** `pending`: the call is still on the wire; its answer will be applied when it comes. */
  kind: 'refreshed' | 'skipped' | 'failed' | 'dead' | 'pending';
  /** The grant as stored afterwards (absent when it is gone). Worker-only: it holds tokens. */
  grant?: Grant;
  error?: ErrorData;
  /** The gateway rate-limited the call: the caller should slow down. */
  rateLimited?: { retryAfterMs: number };
}

export function refreshLockName(grantId: string): string {
  return `seller-auth:refresh:${grantId}`;
}

const realTimer: StartTimer = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const passThrough = <T>(task: () => Promise<T>) => task();

/**
 * Settles with the outcome, or with `pending` after `waitMs` (also while queued behind another call
 * holding the lock): the work itself goes on and still applies its answer.
 */
export function refreshGrant(
  deps: RefreshDeps,
  grantId: string,
  request: RefreshRequest,
): Promise<RefreshOutcome> {
  const keepAwake = deps.keepAwake ?? passThrough;
  const work = keepAwake(() =>
    deps.locks.withLock(refreshLockName(grantId), () => refreshHoldingLock(deps, grantId, request)),
  );
  let cancel: (() => void) | undefined;
  let heardPending = false;
  const late = () => {
    if (heardPending) deps.onLateAnswer?.();
  };
  work.then(late, late);
  const stopWaiting = new Promise<RefreshOutcome>((resolve) => {
    cancel = (deps.startTimer ?? realTimer)(() => {
      heardPending = true;
      void deps.grants.get(grantId).then(
        (grant) => resolve({ kind: 'pending', error: pendingError(), ...(grant ? { grant } : {}) }),
        () => resolve({ kind: 'pending', error: pendingError() }),
      );
    }, deps.waitMs ?? REFRESH_WAIT_MS);
  });
  return Promise.race([work, stopWaiting]).finally(() => cancel?.());
}

function pendingError(): ErrorData {
  return new SellerAuthError(
    'refresh_pending',
    'Still waiting for the platform to answer. The answer is saved when it arrives.',
  ).toData();
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

  // Left behind by an attempt that never finished (worker killed, answer lost): the platform may have
  // rotated already, and only then is an IllegalRefreshToken not the seller's doing.
  const afterInterruption = grant.refreshStartedAt !== undefined;
  const started = await updateIf(deps.grants, grantId, (current) =>
    holdsSameTokens(current, grant) ? { ...current, refreshStartedAt: deps.clock.now() } : undefined,
  );
  if (!started) return { kind: 'skipped', grant: await deps.grants.get(grantId) };

  let tokens: RefreshedTokens;
  try {
    tokens = await deps.tokens.refresh(app, grant.refreshToken);
  } catch (error) {
    const data = toErrorData(error);
    // Past the deadline, the deadline explains a refusal better than a lost answer does.
    const interrupted =
      afterInterruption &&
      data.code === 'refresh_token_invalid' &&
      !pastLocalDeadline(grant, deps.clock.now());
    const reported = interrupted ? interruptedError(data) : data;
    return recordFailure(deps, started, reported, context());
  }
  return recordSuccess(deps, grant, tokens, context());
}

function interruptedError(cause: ErrorData): ErrorData {
  const error = new SellerAuthError(
    'refresh_interrupted',
    "A refresh was interrupted and the platform has already replaced this shop's token. The seller must authorize again.",
  ).toData();
  return cause.platformCode ? { ...error, platformCode: cause.platformCode } : error;
}

/**
 * Someone refreshed (or authorized) it since the request, it is dead, a scheduled one is no longer due,
 * or it moved to another browser (which refreshes it now: a refresh here would spend its token).
 */
function isUnneeded(grant: Grant, request: RefreshRequest, settings: Settings, now: number): boolean {
  if (grant.status !== 'connected' || isMoved(grant)) return true;
  const renewedAt = Math.max(grant.authorizedAt, grant.lastRefreshedAt ?? grant.authorizedAt);
  // A renewal stamped after `now` is from before the clock stepped back, not one that answers this request.
  if (renewedAt >= request.requestedAt && renewedAt <= now) return true;
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
  return pastLocalDeadline(grant, now) && !awaitsDeadlineCheck(grant, now)
    ? deadlinePassedError()
    : undefined;
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
  tokens: RefreshedTokens,
  ctx: ApplyContext,
): Promise<RefreshOutcome> {
  const entry = { grantId: sent.id, sentRefreshToken: sent.refreshToken, tokens, receivedAt: ctx.now };
  // Best effort: without the write-ahead the commit below is still tried, only nothing outlives the worker.
  const journaled = await deps.journal?.put(entry).then(
    () => true,
    () => false,
  );
  const saved = await commitWithRetries(deps, () =>
    updateIf(deps.grants, sent.id, (current) =>
      holdsSameTokens(current, sent) ? withRefreshedTokens(current, tokens, ctx) : undefined,
    ),
  );
  // Committed, or refused because the grant changed meanwhile: either way the entry has done its job.
  if (journaled) await deps.journal?.delete(sent.id).catch(() => {});
  if (!saved) return { kind: 'skipped', grant: await deps.grants.get(sent.id) };
  await recordGrantActivity(deps.activity, saved, ctx.now, { kind: 'refreshed' });
  return { kind: 'refreshed', grant: saved };
}

/**
 * The commit of a pair the platform already rotated to: a transaction that fails is tried again. When
 * every try fails, the error goes up with the write-ahead left in the journal for the next start.
 */
async function commitWithRetries<T>(deps: RefreshDeps, commit: () => Promise<T>): Promise<T> {
  const sleep = deps.sleep ?? realSleep;
  for (const pauseMs of COMMIT_RETRY_MS) {
    try {
      return await commit();
    } catch {
      await sleep(pauseMs);
    }
  }
  return commit();
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
    // The call may have reached the platform: keep the evidence for the next attempt to read.
    if (AMBIGUOUS_CODES.has(error.code) && sent.refreshStartedAt !== undefined) {
      return { ...effect.grant, refreshStartedAt: sent.refreshStartedAt };
    }
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
