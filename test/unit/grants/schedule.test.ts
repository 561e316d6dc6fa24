import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEVER_DUE } from '../../../src/grants/model';
import {
  awaitsDeadlineCheck,
  isExpiryDue,
  isRefreshDue,
  MIN_REFRESH_GAP_MS,
  nextDueAt,
  refreshCanExtend,
  refreshDueAt,
  refreshMarginMs,
  refreshWindow,
} from '../../../src/grants/schedule';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { aGrant, DAY, HOUR, MINUTE, T0 } from '../../support/builders';
import { seededRandom } from '../../support/fakes/seeded-random';
import { SETTINGS } from './fixtures';

const noJitter = () => 0;
const fullJitter = () => 0.999_999;

describe('refresh time', () => {
  it('is the access expiry minus the lead', () => {
    const grant = aGrant({ accessExpiresAt: T0 + 7 * DAY });
    expect(refreshDueAt(grant, SETTINGS, T0, noJitter)).toBe(T0 + 7 * DAY - 30 * MINUTE);
    expect(refreshDueAt(grant, { ...SETTINGS, refreshLeadMinutes: 90 }, T0, noJitter)).toBe(
      T0 + 7 * DAY - 90 * MINUTE,
    );
  });

  it('jitters earlier by up to 10% of the lead', () => {
    const grant = aGrant();
    const latest = T0 + 7 * DAY - 30 * MINUTE;
    expect(refreshDueAt(grant, SETTINGS, T0, fullJitter)).toBeCloseTo(latest - 3 * MINUTE, -1);
    expect(refreshDueAt(grant, SETTINGS, T0, () => 0.5)).toBe(latest - 1.5 * MINUTE);
  });

  it('never jitters by more than 5 minutes, however long the lead', () => {
    const settings = { ...SETTINGS, refreshLeadMinutes: 240 };
    const latest = T0 + 7 * DAY - 240 * MINUTE;
    expect(refreshWindow(aGrant(), settings)).toEqual({ earliest: latest - 5 * MINUTE, latest });
  });

  it('uses half the lifetime as the lead when the lifetime is shorter than the lead', () => {
    const grant = aGrant({ authorizedAt: T0, accessExpiresAt: T0 + 20 * MINUTE });
    expect(refreshDueAt(grant, SETTINGS, T0, noJitter)).toBe(T0 + 10 * MINUTE);
  });

  it('counts the lifetime from the last refresh, not the first authorization', () => {
    const grant = aGrant({
      authorizedAt: T0,
      lastRefreshedAt: T0 + DAY,
      accessExpiresAt: T0 + DAY + 40 * MINUTE,
    });
    expect(refreshDueAt(grant, SETTINGS, T0 + DAY, noJitter)).toBe(T0 + DAY + 20 * MINUTE);
  });

  it('never plans a refresh sooner than a minute after the last one, even for tokens issued expired', () => {
    const grant = aGrant({ lastRefreshedAt: T0, accessExpiresAt: T0 - MINUTE });
    expect(refreshDueAt(grant, SETTINGS, T0, fullJitter)).toBe(T0 + MIN_REFRESH_GAP_MS);
  });

  it('for any lifetime, lead and days kept, comes at least 45% of the lifetime (and a minute) after the last refresh', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * DAY }),
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (lifetime, leadMinutes, keepAccessDays, jitter) => {
          const grant = aGrant({
            lastRefreshedAt: T0,
            accessExpiresAt: T0 + lifetime,
            refreshExpiresAt: NEVER_DUE,
          });
          const settings = { ...SETTINGS, refreshLeadMinutes: leadMinutes, keepAccessDays };
          const due = refreshDueAt(grant, settings, T0, () => jitter);
          expect(due).toBeDefined();
          expect(due).toBeGreaterThanOrEqual(T0 + Math.max(MIN_REFRESH_GAP_MS, 0.45 * lifetime));
          if (lifetime >= 2 * MIN_REFRESH_GAP_MS) expect(due).toBeLessThanOrEqual(T0 + lifetime);
        },
      ),
    );
  });

  it.each([0, 3])(
    'does not loop on short lifetimes (%i days kept): each cycle moves on by at least half a lifetime',
    (keepAccessDays) => {
      for (const lifetime of [90_000, 5 * MINUTE, 29 * MINUTE, 61 * MINUTE]) {
        const random = seededRandom(lifetime);
        let grant = aGrant({
          authorizedAt: T0,
          accessExpiresAt: T0 + lifetime,
          refreshExpiresAt: NEVER_DUE - 1,
        });
        let now = T0;
        let cycles = 0;
        while (now < T0 + DAY) {
          const due = nextDueAt(grant, { ...SETTINGS, reminderDays: [], keepAccessDays }, now, random);
          expect(due - now).toBeGreaterThanOrEqual(Math.min(0.45 * lifetime, 30 * MINUTE - 3 * MINUTE));
          now = due;
          grant = { ...grant, lastRefreshedAt: now, accessExpiresAt: now + lifetime };
          cycles += 1;
        }
        expect(cycles).toBeLessThanOrEqual(Math.ceil(DAY / (0.45 * lifetime)) + 1);
      }
    },
  );

  it('spreads 1000 grants expiring at the same moment over the jitter span', () => {
    const random = seededRandom(7);
    const grant = aGrant();
    const { earliest, latest } = refreshWindow(grant, SETTINGS);
    const dues = Array.from({ length: 1000 }, () => refreshDueAt(grant, SETTINGS, T0, random) as number);
    expect(Math.min(...dues)).toBeGreaterThanOrEqual(earliest);
    expect(Math.max(...dues)).toBeLessThanOrEqual(latest);
    expect(new Set(dues).size).toBeGreaterThan(990);
    const buckets = new Array<number>(10).fill(0);
    for (const due of dues) {
      const bucket = Math.min(9, Math.floor(((due - earliest) / (latest - earliest)) * 10));
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(60);
    expect(Math.max(...buckets)).toBeLessThan(140);
  });

  it('is a pending retry when one is set', () => {
    const grant = aGrant({ failures: 2, retryAt: T0 + 5 * MINUTE });
    expect(refreshDueAt(grant, SETTINGS, T0, noJitter)).toBe(T0 + 5 * MINUTE);
  });
});

describe('the margin: how much access a grant keeps before it is due', () => {
  const keep3 = { ...SETTINGS, keepAccessDays: 3 };

  it('keeps 3 days by default: a 7-day token is due after 4 days, a 30-day one after 27', () => {
    expect(DEFAULT_SETTINGS.keepAccessDays).toBe(3);
    const week = aGrant({ accessExpiresAt: T0 + 7 * DAY, refreshExpiresAt: T0 + 30 * DAY });
    const month = aGrant({ accessExpiresAt: T0 + 30 * DAY, refreshExpiresAt: T0 + 180 * DAY });
    expect(refreshWindow(week, DEFAULT_SETTINGS).latest).toBe(T0 + 4 * DAY);
    expect(refreshWindow(month, DEFAULT_SETTINGS).latest).toBe(T0 + 27 * DAY);
  });

  it('is max(lead, min(days kept, half the lifetime))', () => {
    expect(refreshMarginMs(7 * DAY, keep3)).toBe(3 * DAY);
    expect(refreshMarginMs(4 * DAY, keep3)).toBe(2 * DAY);
    expect(refreshMarginMs(2 * HOUR, keep3)).toBe(HOUR);
    expect(refreshMarginMs(120_000, keep3)).toBe(60_000);
    // The lead still wins where it is longer than what the days allow.
    expect(refreshMarginMs(20 * DAY, { ...SETTINGS, refreshLeadMinutes: 1440, keepAccessDays: 0 })).toBe(DAY);
    expect(refreshMarginMs(7 * DAY, { ...SETTINGS, keepAccessDays: 0 })).toBe(30 * MINUTE);
  });

  it('reads a missing, negative or non-number setting (an older record) as no days kept', () => {
    for (const keepAccessDays of [undefined, -2, Number.NaN, '3' as unknown as number]) {
      expect(refreshMarginMs(7 * DAY, { ...SETTINGS, keepAccessDays })).toBe(30 * MINUTE);
    }
  });

  it('jitters by at most 5 minutes, however many days are kept', () => {
    const { earliest, latest } = refreshWindow(aGrant({ accessExpiresAt: T0 + 7 * DAY }), keep3);
    expect(latest - earliest).toBe(5 * MINUTE);
  });

  it('makes a grant inside its margin due at once, whatever its jitter: a browser start catches it up', () => {
    const grant = aGrant({ accessExpiresAt: T0 + 7 * DAY });
    const startedAt = T0 + 5 * DAY; // the browser was closed when the grant fell due
    for (const jitter of [noJitter, fullJitter]) {
      expect(nextDueAt(grant, { ...keep3, reminderDays: [] }, T0, jitter)).toBeLessThanOrEqual(startedAt);
    }
    expect(isRefreshDue(grant, keep3, startedAt)).toBe(true);
    expect(isRefreshDue(grant, keep3, T0 + 4 * DAY - 5 * MINUTE - 1)).toBe(false);
  });
});

describe('refresh deadline', () => {
  it('stops planning refreshes that would fall at or after the deadline, and checks expiry instead', () => {
    const accessExpiresAt = T0 + 7 * DAY;
    const grant = aGrant({ accessExpiresAt, refreshExpiresAt: accessExpiresAt - 30 * MINUTE });
    expect(refreshDueAt(grant, SETTINGS, T0, noJitter)).toBeUndefined();
    expect(nextDueAt(grant, { ...SETTINGS, reminderDays: [] }, T0, noJitter)).toBe(accessExpiresAt);
  });

  it('still plans a refresh while the access token ends before the deadline, by the refresh gap or more', () => {
    const accessExpiresAt = T0 + 7 * DAY;
    const grant = aGrant({ accessExpiresAt, refreshExpiresAt: accessExpiresAt + MIN_REFRESH_GAP_MS });
    expect(refreshDueAt(grant, SETTINGS, T0, noJitter)).toBe(accessExpiresAt - 30 * MINUTE);
  });

  it('plans no refresh once the access token lasts to the deadline: no refresh can add access then', () => {
    const deadline = T0 + 30 * DAY;
    // The platform never issues access past the deadline: the last refresh brought the token to it.
    const capped = aGrant({
      lastRefreshedAt: deadline - 3 * DAY,
      accessExpiresAt: deadline,
      refreshExpiresAt: deadline,
    });
    const settings = { ...SETTINGS, keepAccessDays: 3 };
    expect(refreshCanExtend(capped)).toBe(false);
    expect(refreshDueAt(capped, settings, deadline - 3 * DAY, noJitter)).toBeUndefined();
    expect(nextDueAt(capped, { ...settings, reminderDays: [] }, deadline - 3 * DAY, noJitter)).toBe(deadline);
    // Whole seconds on the wire: a token ending a few seconds short of the deadline is at it.
    expect(refreshCanExtend({ ...capped, accessExpiresAt: deadline - 30_000 })).toBe(false);
    expect(refreshCanExtend({ ...capped, accessExpiresAt: deadline - MIN_REFRESH_GAP_MS })).toBe(true);
  });

  it('near the deadline, refreshes once to reach it instead of ever closer to it', () => {
    const settings = { ...SETTINGS, reminderDays: [], keepAccessDays: 3 };
    const deadline = T0 + 30 * DAY;
    let grant = aGrant({
      lastRefreshedAt: T0 + 22 * DAY,
      accessExpiresAt: T0 + 29 * DAY,
      refreshExpiresAt: deadline,
    });
    let now = T0 + 22 * DAY;
    const refreshes: number[] = [];
    for (;;) {
      const due = refreshDueAt(grant, settings, now, noJitter);
      if (due === undefined) break;
      now = due;
      refreshes.push(now);
      // What the platform answers: a fresh 7-day lifetime, cut at the deadline.
      grant = { ...grant, lastRefreshedAt: now, accessExpiresAt: Math.min(now + 7 * DAY, deadline) };
    }
    expect(refreshes).toEqual([T0 + 26 * DAY]);
    expect(grant.accessExpiresAt).toBe(deadline);
  });

  it('checks expiry at the access expiry for a grant that cannot be refreshed', () => {
    const grant = aGrant({ refreshable: false, refreshExpiresAt: T0 + 7 * DAY });
    expect(nextDueAt(grant, { ...SETTINGS, reminderDays: [] }, T0, noJitter)).toBe(T0 + 7 * DAY);
    expect(isExpiryDue(grant, SETTINGS, T0 + 7 * DAY - 1)).toBe(false);
    expect(isExpiryDue(grant, SETTINGS, T0 + 7 * DAY)).toBe(true);
  });

  it('makes one real refresh call, not a death, when the local clock says the deadline passed', () => {
    const grant = aGrant({ refreshExpiresAt: T0 + DAY, accessExpiresAt: T0 + 3 * DAY });
    expect(awaitsDeadlineCheck(grant, T0 + 2 * DAY)).toBe(true);
    expect(isRefreshDue(grant, SETTINGS, T0 + 2 * DAY)).toBe(true);
    expect(isExpiryDue(grant, SETTINGS, T0 + 2 * DAY)).toBe(false);
  });

  it('plans no second check once the platform answered after the deadline', () => {
    const checked = aGrant({
      refreshExpiresAt: T0 + DAY,
      accessExpiresAt: T0 + 3 * DAY,
      lastRefreshedAt: T0 + 2 * DAY,
    });
    expect(awaitsDeadlineCheck(checked, T0 + 2 * DAY + HOUR)).toBe(false);
    expect(isRefreshDue(checked, SETTINGS, T0 + 2 * DAY + HOUR)).toBe(false);
    expect(isExpiryDue(checked, SETTINGS, T0 + 3 * DAY)).toBe(true);
  });

  it('keeps retrying a failing grant past the local deadline instead of expiring it', () => {
    const grant = aGrant({
      failures: 3,
      retryAt: T0 + DAY,
      refreshExpiresAt: T0 + DAY,
      accessExpiresAt: T0 + 2 * DAY,
    });
    expect(nextDueAt(grant, { ...SETTINGS, reminderDays: [] }, T0 + DAY - 1, noJitter)).toBe(T0 + DAY);
    expect(isExpiryDue(grant, SETTINGS, T0 + DAY)).toBe(false);
    expect(isRefreshDue(grant, SETTINGS, T0 + DAY)).toBe(true);
  });

  it('expires a grant that cannot refresh when its access token runs out', () => {
    const grant = aGrant({ refreshable: false, refreshExpiresAt: T0 + DAY, accessExpiresAt: T0 + DAY });
    expect(awaitsDeadlineCheck(grant, T0 + DAY)).toBe(false);
    expect(isExpiryDue(grant, SETTINGS, T0 + DAY)).toBe(true);
  });

  it('puts a dead grant out of the schedule', () => {
    expect(nextDueAt(aGrant({ status: 'needs_authorization' }), SETTINGS, T0)).toBe(NEVER_DUE);
  });
});

describe('due time with reminders', () => {
  it('is the next reminder when it comes before the refresh', () => {
    const grant = aGrant({ accessExpiresAt: T0 + 7 * DAY, refreshExpiresAt: T0 + 10 * DAY });
    expect(nextDueAt(grant, SETTINGS, T0, noJitter)).toBe(T0 + 3 * DAY);
    const reminded = { ...grant, remindedDays: [7] };
    expect(nextDueAt(reminded, SETTINGS, T0, noJitter)).toBe(T0 + 7 * DAY - 30 * MINUTE);
  });

  it('does not bring a pending retry forward when a reminder wakes the grant', () => {
    const grant = aGrant({ failures: 1, retryAt: T0 + 6 * HOUR, refreshExpiresAt: T0 + 7 * DAY + HOUR });
    expect(nextDueAt(grant, SETTINGS, T0, noJitter)).toBe(T0 + HOUR);
    expect(isRefreshDue(grant, SETTINGS, T0 + HOUR)).toBe(false);
    expect(isRefreshDue(grant, SETTINGS, T0 + 6 * HOUR)).toBe(true);
  });
});

describe('whether a refresh is due', () => {
  it('counts from the start of the jitter span, whatever the stored dueAt', () => {
    const grant = aGrant();
    const { earliest } = refreshWindow(grant, SETTINGS);
    expect(isRefreshDue(grant, SETTINGS, earliest - 1)).toBe(false);
    expect(isRefreshDue(grant, SETTINGS, earliest)).toBe(true);
  });

  it('is never true for a grant that cannot be refreshed', () => {
    const late = T0 + 30 * DAY;
    expect(isRefreshDue(aGrant({ refreshable: false }), SETTINGS, T0 + 7 * DAY)).toBe(false);
    expect(isRefreshDue(aGrant({ status: 'needs_authorization' }), SETTINGS, T0 + 7 * DAY)).toBe(false);
    // Past the deadline and answered by the platform since: nothing left that a refresh could do.
    const answered = aGrant({ accessExpiresAt: late + DAY, lastRefreshedAt: late });
    expect(isRefreshDue(answered, SETTINGS, late)).toBe(false);
  });
});
