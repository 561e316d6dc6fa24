/**
 * The stored "Connect shop" attempt: at most one runs at a time. The worker can die mid-login, so an
 * attempt still marked running that this worker instance is not running (or that outlived the flow
 * timeout) was interrupted: it ends as `attempt_expired` instead of blocking every later connect.
 */

import { type ErrorData, SellerAuthError } from '../../shared/errors';
import { type AttemptView, type ConnectAttempt, isAttemptRunning } from '../../shared/model';
import type { ActivityLog, AttemptStore, Clock, LockManager } from '../ports';

/** One lock for every read-then-write of the attempt, so two starts cannot both see "none running". */
export const ATTEMPT_LOCK = 'seller-auth:connect-attempt';

export interface AttemptDeps {
  attempts: AttemptStore;
  activity: ActivityLog;
  clock: Clock;
  locks: LockManager;
  /** Ids of the attempts this worker instance is running right now (memory, so it dies with the worker). */
  live: Set<string>;
  flowTimeoutMs: number;
}

function isInterrupted(attempt: ConnectAttempt, deps: Pick<AttemptDeps, 'live' | 'clock' | 'flowTimeoutMs'>) {
  if (!isAttemptRunning(attempt)) return false;
  return !deps.live.has(attempt.id) || deps.clock.now() - attempt.startedAt > deps.flowTimeoutMs;
}

export function toAttemptView(attempt: ConnectAttempt): AttemptView {
  const { state: _state, ...view } = attempt;
  return view;
}

/** Ends an attempt; the error is logged by code only. */
export async function finishAttempt(
  deps: Pick<AttemptDeps, 'attempts' | 'activity' | 'clock'>,
  attempt: ConnectAttempt,
  outcome: { grantId?: string; error?: ErrorData },
): Promise<ConnectAttempt> {
  const finishedAt = deps.clock.now();
  const finished: ConnectAttempt = { ...attempt, phase: outcome.error ? 'failed' : 'succeeded', finishedAt };
  if (outcome.grantId !== undefined) finished.grantId = outcome.grantId;
  if (outcome.error) finished.error = outcome.error;
  await deps.attempts.put(finished);
  if (outcome.error) {
    await deps.activity.add({
      at: finishedAt,
      kind: 'connect_failed',
      appId: attempt.appId,
      grantId: attempt.reauthorizeGrantId,
      errorCode: outcome.error.code,
    });
  }
  return finished;
}

async function expireIfInterrupted(deps: AttemptDeps, attempt: ConnectAttempt): Promise<ConnectAttempt> {
  if (!isInterrupted(attempt, deps)) return attempt;
  const error = new SellerAuthError('attempt_expired', 'The login was interrupted. Try again.').toData();
  return finishAttempt(deps, attempt, { error });
}

/** The latest attempt, with an interrupted one ended first. Callers hold ATTEMPT_LOCK. */
export async function latestSettledAttempt(deps: AttemptDeps): Promise<ConnectAttempt | undefined> {
  const latest = await deps.attempts.latest();
  return latest ? expireIfInterrupted(deps, latest) : undefined;
}

/** On every worker start: an attempt left running by a dead worker ends as `attempt_expired`. */
export async function expireInterruptedAttempt(deps: AttemptDeps): Promise<void> {
  await deps.locks.withLock(ATTEMPT_LOCK, () => latestSettledAttempt(deps));
}

export async function attemptStatus(deps: AttemptDeps): Promise<AttemptView | null> {
  const latest = await deps.locks.withLock(ATTEMPT_LOCK, () => latestSettledAttempt(deps));
  return latest ? toAttemptView(latest) : null;
}

/** Forgets a finished attempt once the popup has shown it; a login still running is left alone. */
export async function dismissAttempt(deps: AttemptDeps): Promise<void> {
  await deps.locks.withLock(ATTEMPT_LOCK, async () => {
    const latest = await latestSettledAttempt(deps);
    if (latest && !isAttemptRunning(latest)) await deps.attempts.clear();
  });
}
