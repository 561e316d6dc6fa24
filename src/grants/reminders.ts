/**
 * "Authorize again by <date>" reminders: one per threshold (settings.reminderDays) before the refresh
 * deadline, each sent at most once. A threshold is a moment in the grant's `dueAt`, so a browser closed
 * over it still finds it due at the next start: a reminder is never skipped because it was missed. A
 * grant that wakes past several thresholds sends only the most urgent one and counts the others as
 * sent, so nothing repeats on every wake.
 */
import type { Settings } from '../shared/model';
import { DAY_MS } from './durations';
import { type Grant, isMoved } from './model';

export interface ReminderThreshold {
  days: number;
  at: number;
}

export interface DueReminder {
  /** The most urgent threshold already passed: the one to tell the seller about. */
  days: number;
  /** Every unsent threshold already passed, to be marked as sent together. */
  passedDays: number[];
  /** False once the deadline itself has passed: too late for "authorize again by <date>". */
  announce: boolean;
}

/** The configured thresholds, cleaned: positive days, each once, largest (earliest) first. */
export function reminderDaysOf(settings: Settings): number[] {
  const days = settings.reminderDays.filter((day) => Number.isFinite(day) && day > 0);
  return [...new Set(days)].sort((a, b) => b - a);
}

/** Thresholds not yet sent for this grant, earliest first. */
function unsentThresholds(grant: Grant, settings: Settings): ReminderThreshold[] {
  return reminderDaysOf(settings)
    .filter((days) => !grant.remindedDays.includes(days))
    .map((days) => ({ days, at: grant.refreshExpiresAt - days * DAY_MS }));
}

/** When the next reminder is due (possibly already past), or undefined when none is left. */
export function nextReminderAt(grant: Grant, settings: Settings): number | undefined {
  if (grant.status !== 'connected' || isMoved(grant)) return undefined;
  return unsentThresholds(grant, settings)[0]?.at;
}

/** The reminder to send now, if a threshold has passed. */
export function dueReminder(grant: Grant, settings: Settings, now: number): DueReminder | undefined {
  if (grant.status !== 'connected' || isMoved(grant)) return undefined;
  const passed = unsentThresholds(grant, settings).filter((threshold) => threshold.at <= now);
  const mostUrgent = passed.at(-1);
  if (!mostUrgent) return undefined;
  return {
    days: mostUrgent.days,
    passedDays: passed.map((threshold) => threshold.days),
    announce: now < grant.refreshExpiresAt,
  };
}

/** Thresholds already behind a deadline at `now`: a fresh authorization starts with these counted as sent. */
export function thresholdsPassedAt(refreshExpiresAt: number, settings: Settings, now: number): number[] {
  return reminderDaysOf(settings).filter((days) => refreshExpiresAt - days * DAY_MS <= now);
}

/** `remindedDays` after sending `days`: each threshold once, in a stable order. */
export function withRemindedDays(remindedDays: readonly number[], days: readonly number[]): number[] {
  return [...new Set([...remindedDays, ...days])].sort((a, b) => b - a);
}

/** The toolbar badge counts every shop whose deadline is this close, whatever the reminder settings. */
export const BADGE_DEADLINE_DAYS = 7;

/** Whether a person must authorize this grant again within `days`: connected, deadline not yet passed. */
export function isDeadlineWithin(grant: Grant, now: number, days: number = BADGE_DEADLINE_DAYS): boolean {
  return (
    grant.status === 'connected' &&
    !isMoved(grant) &&
    now < grant.refreshExpiresAt &&
    grant.refreshExpiresAt - now <= days * DAY_MS
  );
}

/** How many shops must be authorized again within 7 days: the badge's deadline count. */
export function deadlineSoonCount(grants: readonly Grant[], now: number): number {
  return grants.filter((grant) => isDeadlineWithin(grant, now)).length;
}
