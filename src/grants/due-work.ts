/**
 * One wake of the worker: first every reminder that is due (they need no call, so refresh pacing never
 * holds one back), then everything due, in batches read through the `dueAt` index, within a time
 * budget. Per grant: mark it dead when it expired, refresh it when due, send a passed reminder. The
 * store is the only memory: a grant not handled before the budget ends (or the worker dies) is still
 * due, and the caller re-arms the alarm for `nextDueAt`.
 */

import type { Settings } from '../shared/model';
import { recordGrantActivity } from './activity';
import { forEachConcurrently } from './concurrency';
import { SECOND_MS } from './durations';
import { deadlinePassedError, withNeedsAuthorization } from './expiry';
import { type Grant, isMoved } from './model';
import { announceNeedsAuthorization, reminderNotice, sendNotice } from './notices';
import type { Notifier } from './ports';
import { RateLimiter, type Sleep } from './rate-limiter';
import { type RefreshDeps, type RefreshOutcome, refreshGrant } from './refresh-grant';
import { type DueReminder, dueReminder, withRemindedDays } from './reminders';
import { isExpiryDue, isRefreshDue, nextDueAt } from './schedule';
import { updateIf } from './update-if';

export type DueWorkDeps = RefreshDeps & {
  notifier: Notifier;
  /** Waits on the same time as `clock` (tests pass the fake clock's). Defaults to setTimeout. */
  sleep?: Sleep;
  /**
   * The pace to use, so what one wake learned about the gateway's limit carries to the next (see
   * `createPacer`). Without it each run starts a fresh limiter at the configured pace.
   */
  pacer?: Pacer;
};

/** Hands out the rate limiter for a run's settings. */
export type Pacer = (settings: Settings, clock: RefreshDeps['clock'], sleep: Sleep) => RateLimiter;

/**
 * A pacer that keeps one limiter while the pace settings stay the same: a wake that ran into the
 * gateway's limit hands its slower pace to the next wake instead of hitting the limit again.
 * Memory only: a restarted worker starts again from the configured pace, which is safe.
 */
export function createPacer(): Pacer {
  let kept: { key: string; limiter: RateLimiter } | undefined;
  return (settings, clock, sleep) => {
    const burst = concurrencyOf(settings);
    const key = `${settings.maxRefreshesPerMinute}/${burst}`;
    if (kept?.key !== key) {
      kept = {
        key,
        limiter: new RateLimiter({ clock, sleep, perMinute: settings.maxRefreshesPerMinute, burst }),
      };
    }
    return kept.limiter;
  };
}

function concurrencyOf(settings: Settings): number {
  return Math.max(1, Math.floor(settings.maxConcurrentRefreshes) || 1);
}

export interface DueWorkOptions {
  /** Grants read per batch. */
  batchSize?: number;
  /** Stop starting new work after this long; what is left stays due. */
  maxDurationMs?: number;
}

export interface DueWorkSummary {
  refreshed: number;
  failed: number;
  dead: number;
  reminded: number;
  skipped: number;
  rateLimited: number;
  /** The earliest dueAt left in the store: when to set the alarm (undefined: nothing scheduled). */
  nextDueAt: number | undefined;
  /** The time budget ended the run with work possibly left. */
  stoppedEarly: boolean;
}

const DEFAULT_BATCH_SIZE = 25;
/** Well inside what Chrome gives one alarm event before it may stop the worker. */
const DEFAULT_MAX_DURATION_MS = 20 * SECOND_MS;
/** A grant due again this soon (a rate-limited retry) is waited for rather than left to the next alarm. */
const SHORT_WAIT_MS = 5 * SECOND_MS;

type Tally = Omit<DueWorkSummary, 'nextDueAt' | 'stoppedEarly'>;
/** What happened to one grant: a counter to bump, `reminded_only` (counted apart), or `out_of_time`. */
type GrantResult = Exclude<keyof Tally, 'reminded'> | 'reminded_only' | 'out_of_time';

interface Run {
  deps: DueWorkDeps;
  settings: Settings;
  random: () => number;
  budgetEndsAt: number;
  limiter: RateLimiter;
  tally: Tally;
  outOfTime: boolean;
  /** Grants whose reminder went out in this run's first pass. */
  reminded: Set<string>;
}

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runDueWork(deps: DueWorkDeps, options: DueWorkOptions = {}): Promise<DueWorkSummary> {
  const settings = await deps.settings();
  const sleep = deps.sleep ?? realSleep;
  const concurrency = concurrencyOf(settings);
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE) || 1);
  const run: Run = {
    deps,
    settings,
    random: deps.random ?? Math.random,
    budgetEndsAt: deps.clock.now() + (options.maxDurationMs ?? DEFAULT_MAX_DURATION_MS),
    limiter: (deps.pacer ?? createPacer())(settings, deps.clock, sleep),
    tally: { refreshed: 0, failed: 0, dead: 0, reminded: 0, skipped: 0, rateLimited: 0 },
    outOfTime: false,
    reminded: new Set(),
  };
  await sendDueReminders(run);
  // The dueAt each grant had when this run took it: a grant comes back only when due again at a new time,
  // so one the store cannot write (and so stays due) is not retried in a loop until the budget ends.
  const taken = new Map<string, number>();

  while (!run.outOfTime) {
    const now = deps.clock.now();
    if (now >= run.budgetEndsAt) {
      run.outOfTime = true;
      break;
    }
    const batch = (await deps.grants.listDue(now, batchSize)).filter(
      (grant) => taken.get(grant.id) !== grant.dueAt,
    );
    if (batch.length === 0) {
      if (await waitForSoonDue(run, sleep)) continue;
      break;
    }
    for (const grant of batch) taken.set(grant.id, grant.dueAt);
    await forEachConcurrently(batch, concurrency, (grant) => handleGrant(run, grant));
  }
  return { ...run.tally, nextDueAt: await deps.grants.earliestDueAt(), stoppedEarly: run.outOfTime };
}

/**
 * Reminders before any refresh: a browser opening after a weekend may face hundreds of due refreshes
 * paced at the configured rate, or a gateway rate-limiting every call for an hour; the person is told
 * about a coming deadline at once all the same. Grants are read once, all that are due.
 */
async function sendDueReminders(run: Run): Promise<void> {
  const now = run.deps.clock.now();
  let due: Grant[];
  try {
    due = await run.deps.grants.listDue(now, Number.POSITIVE_INFINITY);
  } catch {
    return; // Each grant's own turn below tries its reminder again.
  }
  for (const grant of due) {
    try {
      if ((await remindIfDue(run, grant))?.announced) {
        run.tally.reminded += 1;
        run.reminded.add(grant.id);
      }
    } catch {
      // A store that failed: the reminder stays due.
    }
  }
}

async function waitForSoonDue(run: Run, sleep: Sleep): Promise<boolean> {
  const now = run.deps.clock.now();
  const next = await run.deps.grants.earliestDueAt();
  if (next === undefined || next <= now || next - now > SHORT_WAIT_MS || next >= run.budgetEndsAt)
    return false;
  await sleep(next - now);
  return true;
}

async function handleGrant(run: Run, grant: Grant): Promise<void> {
  if (run.outOfTime || run.deps.clock.now() >= run.budgetEndsAt) {
    run.outOfTime = true;
    return;
  }
  let result: GrantResult;
  try {
    result = await processDueGrant(run, grant);
  } catch {
    // A store that failed: the grant stays due as it was, and is looked at again next time.
    result = 'failed';
  }
  if (result === 'out_of_time') run.outOfTime = true;
  else if (result !== 'reminded_only') run.tally[result] += 1;
}

async function processDueGrant(run: Run, grant: Grant): Promise<GrantResult> {
  const { deps, settings } = run;
  const now = deps.clock.now();
  if (isMoved(grant)) {
    // Another browser refreshes it now: never touch its tokens, never announce it; just stop listing it.
    await rescheduleIfStale(run, grant.id);
    return 'skipped';
  }
  if (grant.status !== 'connected') {
    // Should never be listed: fix its schedule, and say it needs a person if nobody did yet.
    await rescheduleIfStale(run, grant.id);
    await announceNeedsAuthorization(deps, grant.id, settings);
    return 'skipped';
  }
  if (isExpiryDue(grant, settings, now)) return markExpired(run, grant.id, now);

  let result: GrantResult = 'skipped';
  // What the store holds now, as far as this run knows: the refresh hands back what it wrote. It lets
  // the reminder and reschedule steps skip their transaction when they would change nothing.
  let known: Grant | undefined = grant;
  if (isRefreshDue(grant, settings, now)) {
    if (!(await run.limiter.acquire(run.budgetEndsAt))) return 'out_of_time';
    const outcome = await refreshGrant(deps, grant.id, { reason: 'scheduled', requestedAt: now });
    result = await afterRefresh(run, outcome, grant.id);
    known = outcome.grant;
  }
  const reminder = known && (await remindIfDue(run, known));
  if (reminder?.announced) run.tally.reminded += 1;
  known = reminder?.grant ?? known;
  if (known && known.dueAt <= deps.clock.now()) await rescheduleIfStale(run, grant.id);
  const reminded = reminder?.announced || run.reminded.has(grant.id);
  return result === 'skipped' && reminded ? 'reminded_only' : result;
}

async function afterRefresh(run: Run, outcome: RefreshOutcome, grantId: string): Promise<GrantResult> {
  switch (outcome.kind) {
    case 'refreshed':
      run.limiter.succeeded();
      return 'refreshed';
    case 'dead':
      await announceNeedsAuthorization(run.deps, grantId, run.settings);
      return 'dead';
    case 'failed':
      if (!outcome.rateLimited) return 'failed';
      run.limiter.slowDown(outcome.rateLimited.retryAfterMs);
      return 'rateLimited';
    case 'skipped':
      return 'skipped';
    case 'pending':
      // Still on the wire, under its lock and keep-awake: its answer lands by itself, the run moves on.
      return 'skipped';
  }
}

async function markExpired(run: Run, grantId: string, now: number): Promise<GrantResult> {
  const { deps, settings } = run;
  const dead = await updateIf(deps.grants, grantId, (current) =>
    current && isExpiryDue(current, settings, now)
      ? withNeedsAuthorization(current, deadlinePassedError(), now)
      : undefined,
  );
  if (!dead) return 'skipped';
  await recordGrantActivity(deps.activity, dead, now, {
    kind: 'needs_authorization',
    errorCode: 'refresh_deadline_passed',
  });
  await announceNeedsAuthorization(deps, grantId, settings);
  return 'dead';
}

/**
 * Claims every passed threshold in one write, then tells the seller about the most urgent one. No
 * transaction when `known` (the grant as last read or written) has no reminder due: the usual case.
 */
async function remindIfDue(
  run: Run,
  known: Grant,
): Promise<{ grant: Grant; announced: boolean } | undefined> {
  const { deps, settings } = run;
  const now = deps.clock.now();
  if (!dueReminder(known, settings, now)) return undefined;
  let due = undefined as DueReminder | undefined;
  const claimed = await updateIf(deps.grants, known.id, (current) => {
    due = current && dueReminder(current, settings, now);
    if (!current || !due) return undefined;
    const next: Grant = {
      ...current,
      remindedDays: withRemindedDays(current.remindedDays, due.passedDays),
      updatedAt: now,
    };
    return { ...next, dueAt: nextDueAt(next, settings, now, run.random) };
  });
  if (!claimed) return undefined;
  if (!due?.announce) return { grant: claimed, announced: false };
  await recordGrantActivity(deps.activity, claimed, now, {
    kind: 'reminded',
    detail: `${due.days} ${due.days === 1 ? 'day' : 'days'} before the deadline`,
  });
  await sendNotice(deps.notifier, settings, reminderNotice(claimed));
  return { grant: claimed, announced: true };
}

/** A grant still due after its work (nothing left to do now, e.g. settings changed) moves to its next time. */
async function rescheduleIfStale(run: Run, grantId: string): Promise<void> {
  const now = run.deps.clock.now();
  await updateIf(run.deps.grants, grantId, (current) => {
    if (!current || current.dueAt > now) return undefined;
    const dueAt = nextDueAt(current, run.settings, now, run.random);
    return dueAt > now ? { ...current, dueAt } : undefined;
  });
}
