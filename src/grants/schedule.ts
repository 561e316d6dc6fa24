/**
 * When a grant next needs the worker: its refresh (access expiry minus the margin, jittered), a pending
 * retry, its next reminder, or, once it cannot be refreshed any more, the moment it expires.
 * Pure functions of the grant, the settings and the time: every write recomputes `dueAt` with them.
 */
import type { Settings } from '../shared/model';
import { DAY_MS, MINUTE_MS } from './durations';
import { type Grant, isMoved, NEVER_DUE, pastLocalDeadline } from './model';
import { nextReminderAt } from './reminders';

/** Never plan two refreshes closer than this, whatever lifetimes the platform hands out. */
export const MIN_REFRESH_GAP_MS = MINUTE_MS;
/** Jitter spreads grants due at one moment over up to 10% of the margin, and never more than 5 minutes. */
const JITTER_SHARE_OF_LEAD = 0.1;
const MAX_JITTER_MS = 5 * MINUTE_MS;

/** The span the next planned refresh falls in: `latest` is expiry minus the margin, jitter pulls it earlier. */
export interface RefreshWindow {
  earliest: number;
  latest: number;
}

/**
 * How much access life a grant keeps before it is due: max(lead, min(N days, half the lifetime)), where N
 * is "keep at least N days of access". The lead is the platform's advice for servers that never sleep;
 * the days outlast a browser closed over a night, a weekend or a short trip. Never more than half the
 * lifetime, so a short-lived token is refreshed at most once per half lifetime and never loops.
 */
export function refreshMarginMs(lifetimeMs: number, settings: Settings): number {
  const half = Math.max(0, lifetimeMs / 2);
  const lead = Math.min(nonNegative(settings.refreshLeadMinutes) * MINUTE_MS, half);
  const keep = Math.min(nonNegative(settings.keepAccessDays) * DAY_MS, half);
  return Math.max(lead, keep);
}

/** A setting read as a duration: anything but a positive number (older records lack a field) is 0. */
function nonNegative(value: number | undefined): number {
  return typeof value === 'number' && value > 0 ? value : 0;
}

export function refreshWindow(grant: Grant, settings: Settings): RefreshWindow {
  const since = grant.lastRefreshedAt ?? grant.authorizedAt;
  const margin = refreshMarginMs(grant.accessExpiresAt - since, settings);
  const jitter = Math.min(margin * JITTER_SHARE_OF_LEAD, MAX_JITTER_MS);
  const floor = since + MIN_REFRESH_GAP_MS;
  const latest = Math.max(grant.accessExpiresAt - margin, floor);
  return { earliest: Math.max(latest - jitter, floor), latest };
}

/**
 * Whether a refresh could still give the grant more access: the platform never issues access past the
 * refresh deadline, so once the access token lasts (to within the refresh gap) to the deadline, another
 * refresh only spends a call. Without this, each refresh near the deadline gets a shorter lifetime back,
 * and a margin of half that lifetime brings the next one ever closer: a dozen calls in the last days.
 */
export function refreshCanExtend(grant: Grant): boolean {
  return grant.refreshExpiresAt - grant.accessExpiresAt >= MIN_REFRESH_GAP_MS;
}

/** When the grant last got a pair from the platform: authorized or refreshed. */
function renewedAt(grant: Grant): number {
  return Math.max(grant.authorizedAt, grant.lastRefreshedAt ?? grant.authorizedAt);
}

/**
 * The local clock says the refresh deadline has passed, but no answer from the platform since then has
 * said so: a clock that jumped forward must not kill a shop. One real refresh call decides (the
 * platform refuses a spent deadline with `IllegalRefreshToken`); until it answers, the grant lives.
 */
export function awaitsDeadlineCheck(grant: Grant, now: number): boolean {
  return (
    !isMoved(grant) &&
    grant.status === 'connected' &&
    grant.refreshable &&
    pastLocalDeadline(grant, now) &&
    renewedAt(grant) < grant.refreshExpiresAt
  );
}

/**
 * Whether a refresh can still happen at `now`: connected, refreshable, before the deadline (or past it
 * by the local clock alone, see `awaitsDeadlineCheck`), and either a retry is pending or the planned
 * refresh falls before the deadline and can extend the access.
 */
function canRefreshAt(grant: Grant, settings: Settings, now: number): boolean {
  if (isMoved(grant) || grant.status !== 'connected' || !grant.refreshable) return false;
  if (pastLocalDeadline(grant, now)) return awaitsDeadlineCheck(grant, now);
  if (grant.retryAt !== undefined) return true;
  return refreshCanExtend(grant) && refreshWindow(grant, settings).latest < grant.refreshExpiresAt;
}

/** The time of the next refresh attempt (a pending retry, else the jittered plan), or undefined if none. */
export function refreshDueAt(
  grant: Grant,
  settings: Settings,
  now: number,
  random: () => number = Math.random,
): number | undefined {
  if (!canRefreshAt(grant, settings, now)) return undefined;
  if (grant.retryAt !== undefined) return grant.retryAt;
  if (awaitsDeadlineCheck(grant, now)) return grant.refreshExpiresAt;
  const { earliest, latest } = refreshWindow(grant, settings);
  return latest - random() * (latest - earliest);
}

/**
 * Whether the refresh is due at `now`. Deterministic: a planned refresh counts from the window's start,
 * so a grant woken for another reason inside its jitter span refreshes then instead of waking again.
 */
export function isRefreshDue(grant: Grant, settings: Settings, now: number): boolean {
  if (!canRefreshAt(grant, settings, now)) return false;
  if (grant.retryAt === undefined && awaitsDeadlineCheck(grant, now)) return true;
  return now >= (grant.retryAt ?? refreshWindow(grant, settings).earliest);
}

/** When the refresh is expected, for people: the stored plan clamped to its window, or the pending retry. */
export function plannedRefreshAt(grant: Grant, settings: Settings, now: number): number | undefined {
  if (!canRefreshAt(grant, settings, now)) return undefined;
  if (grant.retryAt !== undefined) return grant.retryAt;
  if (awaitsDeadlineCheck(grant, now)) return grant.dueAt;
  const { earliest, latest } = refreshWindow(grant, settings);
  return Math.min(Math.max(grant.dueAt, earliest), latest);
}

/**
 * When a grant that can no longer be refreshed must be marked "needs authorization": when its access
 * token expires, or, for one still retrying a failed refresh, when the refresh deadline passes.
 */
function expiryCheckAt(grant: Grant): number {
  return grant.retryAt === undefined
    ? grant.accessExpiresAt
    : Math.min(grant.accessExpiresAt, grant.refreshExpiresAt);
}

export function isExpiryDue(grant: Grant, settings: Settings, now: number): boolean {
  return (
    !isMoved(grant) &&
    grant.status === 'connected' &&
    !canRefreshAt(grant, settings, now) &&
    now >= expiryCheckAt(grant)
  );
}

/**
 * The grant's next `dueAt`: the earliest of its refresh (or expiry check) and its next reminder. A grant
 * moved to another browser is never due here.
 */
export function nextDueAt(
  grant: Grant,
  settings: Settings,
  now: number,
  random: () => number = Math.random,
): number {
  if (grant.status !== 'connected' || isMoved(grant)) return NEVER_DUE;
  const work = refreshDueAt(grant, settings, now, random) ?? expiryCheckAt(grant);
  return Math.min(work, nextReminderAt(grant, settings) ?? NEVER_DUE);
}
