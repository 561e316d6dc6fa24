import { describe, expect, it } from 'vitest';
import {
  BADGE_DEADLINE_DAYS,
  deadlineSoonCount,
  dueReminder,
  isDeadlineWithin,
  nextReminderAt,
  reminderDaysOf,
  thresholdsPassedAt,
  withRemindedDays,
} from '../../../src/grants/reminders';
import { aGrant, DAY, T0 } from '../../support/builders';
import { SETTINGS } from './fixtures';

const deadline = T0 + 30 * DAY;

describe('reminders', () => {
  it('cleans the configured thresholds: positive, each once, earliest first', () => {
    expect(reminderDaysOf({ ...SETTINGS, reminderDays: [1, 7, 0, -2, 7, Number.NaN, 2] })).toEqual([7, 2, 1]);
  });

  it('is next due at the earliest unsent threshold', () => {
    expect(nextReminderAt(aGrant({ refreshExpiresAt: deadline }), SETTINGS)).toBe(deadline - 7 * DAY);
    expect(nextReminderAt(aGrant({ refreshExpiresAt: deadline, remindedDays: [7] }), SETTINGS)).toBe(
      deadline - 2 * DAY,
    );
    expect(nextReminderAt(aGrant({ remindedDays: [7, 2, 1] }), SETTINGS)).toBeUndefined();
    expect(nextReminderAt(aGrant({ status: 'needs_authorization' }), SETTINGS)).toBeUndefined();
  });

  it('is not due before its threshold', () => {
    expect(
      dueReminder(aGrant({ refreshExpiresAt: deadline }), SETTINGS, deadline - 7 * DAY - 1),
    ).toBeUndefined();
  });

  it('sends one reminder, the most urgent, when several thresholds passed, and counts them all', () => {
    const due = dueReminder(aGrant({ refreshExpiresAt: deadline }), SETTINGS, deadline - 1.5 * DAY);
    expect(due).toEqual({ days: 2, passedDays: [7, 2], announce: true });
  });

  it('stays quiet past the deadline, but still counts the thresholds', () => {
    const due = dueReminder(
      aGrant({ refreshExpiresAt: deadline, remindedDays: [7] }),
      SETTINGS,
      deadline + 1,
    );
    expect(due).toEqual({ days: 1, passedDays: [2, 1], announce: false });
  });

  it('is still due at the next start when the browser was closed over the moment: missed, never skipped', () => {
    const grant = aGrant({ refreshExpiresAt: deadline });
    const nextStart = deadline - 5 * DAY; // closed from before the 7-day moment until two days after it
    expect(nextReminderAt(grant, SETTINGS)).toBeLessThan(nextStart);
    expect(dueReminder(grant, SETTINGS, nextStart)).toEqual({ days: 7, passedDays: [7], announce: true });
  });

  it('knows which thresholds a fresh deadline is already past', () => {
    expect(thresholdsPassedAt(T0 + 3 * DAY, SETTINGS, T0)).toEqual([7]);
    expect(thresholdsPassedAt(T0 + 30 * DAY, SETTINGS, T0)).toEqual([]);
  });

  it('merges sent thresholds without repeats', () => {
    expect(withRemindedDays([7], [7, 2])).toEqual([7, 2]);
  });
});

describe('the badge deadline count', () => {
  const now = T0 + 10 * DAY;

  it('counts the connected shops whose deadline is within 7 days, and not yet passed', () => {
    expect(BADGE_DEADLINE_DAYS).toBe(7);
    const grants = [
      aGrant({ id: 'far', refreshExpiresAt: now + 8 * DAY }),
      aGrant({ id: 'in seven days', refreshExpiresAt: now + 7 * DAY }),
      aGrant({ id: 'tomorrow', refreshExpiresAt: now + DAY }),
      aGrant({ id: 'passed', refreshExpiresAt: now - 1 }),
      aGrant({ id: 'dead', refreshExpiresAt: now + DAY, status: 'needs_authorization' }),
    ];
    expect(grants.map((grant) => isDeadlineWithin(grant, now))).toEqual([false, true, true, false, false]);
    expect(deadlineSoonCount(grants, now)).toBe(2);
    expect(deadlineSoonCount([], now)).toBe(0);
  });
});
