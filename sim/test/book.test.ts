/** The simulation's own accounting, on hand-made histories: downtime, losses, reminders. */
import { describe, expect, it } from 'vitest';
import type { AccessTokenInfo } from '../../sandbox/types';
import type { Grant } from '../../src/grants/model';
import { availability } from '../availability';
import { Book } from '../book';
import type { Shop } from '../population';
import { population } from '../population';
import { seededRandom } from '../random';
import { DAY_MS, HOUR_MS, MINUTE_MS, SIM_START } from '../time';

const T0 = SIM_START;
const [shop] = population(1, T0, seededRandom(1)) as [Shop];

/** A platform that knows one live access token at a time. */
function platform() {
  const live = new Map<string, AccessTokenInfo>();
  return {
    live,
    issue(token: string, accessExpiresAt: number, refreshExpiresAt: number) {
      live.clear();
      live.set(token, {
        appKey: shop.app.appKey,
        account: shop.seller.account,
        country: undefined,
        accessExpiresAt,
        refreshExpiresAt,
        refreshable: true,
      });
    },
    inspectAccessToken: (token: string) => live.get(token),
  };
}

function grant(accessToken: string, change: Partial<Grant> = {}): Grant {
  return { id: 'g', accessToken, refreshToken: `r-${accessToken}`, status: 'connected', ...change } as Grant;
}

describe('the book', () => {
  it('counts downtime from the expiry of the live token until the next refresh, never past the deadline', () => {
    const gateway = platform();
    const lost = new Map<string, 'dropped' | 'slow'>();
    const book = new Book([shop], gateway, lost);
    gateway.issue('a1', T0 + 7 * DAY_MS, T0 + 30 * DAY_MS);
    book.authorized(shop, grant('a1'), T0);
    // The browser was closed over the expiry: refreshed 5 hours late.
    gateway.issue('a2', T0 + 14 * DAY_MS, T0 + 30 * DAY_MS);
    book.observe(grant('a2'), T0 + 7 * DAY_MS + 5 * HOUR_MS);
    // Never refreshed again: the token ran out a day before the deadline, and the deadline ends the count.
    gateway.issue('a3', T0 + 29 * DAY_MS, T0 + 30 * DAY_MS);
    book.observe(grant('a3'), T0 + 13 * DAY_MS);
    book.close(T0 + 60 * DAY_MS);
    expect(book.downtimeMinutes()).toEqual([{ total: 5 * 60 + 24 * 60, whileDead: 0 }]);
  });

  it('calls a death of a dropped answer before the deadline not avoidable, names it, and counts the time until authorized again', () => {
    const gateway = platform();
    const book = new Book([shop], gateway, new Map([['r-a1', 'dropped']]));
    gateway.issue('a1', T0 + 7 * DAY_MS, T0 + 30 * DAY_MS);
    book.authorized(shop, grant('a1'), T0);
    // The platform rotated the pair, its answer was lost: the stored token is dead, then the grant.
    gateway.live.clear();
    book.observe(grant('a1'), T0 + DAY_MS);
    const died = book.observe(grant('a1', { status: 'needs_authorization' }), T0 + DAY_MS + MINUTE_MS);
    expect(died).toBe(shop);
    gateway.issue('b1', T0 + DAY_MS + 7 * DAY_MS, T0 + 31 * DAY_MS);
    book.authorized(shop, grant('b1'), T0 + DAY_MS + HOUR_MS);
    book.close(T0 + 2 * DAY_MS);

    expect(book.downtimeMinutes()).toEqual([{ total: 60, whileDead: 59 }]);
    const [forced] = book.forcedReauthorizations(
      availability('always_on', { start: T0, days: 60, random: Math.random }),
    );
    expect(forced).toMatchObject({ beforeDeadline: true, avoidable: false, lostAnswer: 'dropped' });
  });

  it('calls a death before the deadline avoidable when no answer was lost, or only a slow one', () => {
    for (const lost of [new Map<string, 'dropped' | 'slow'>(), new Map([['r-a1', 'slow' as const]])]) {
      const gateway = platform();
      const book = new Book([shop], gateway, lost);
      gateway.issue('a1', T0 + 7 * DAY_MS, T0 + 30 * DAY_MS);
      book.authorized(shop, grant('a1'), T0);
      book.observe(grant('a1', { status: 'needs_authorization' }), T0 + DAY_MS);
      const [forced] = book.forcedReauthorizations(
        availability('always_on', { start: T0, days: 60, random: Math.random }),
      );
      expect(forced).toMatchObject({ beforeDeadline: true, avoidable: true });
      expect(forced?.lostAnswer).toBe(lost.get('r-a1'));
    }
  });

  it('calls a death at the deadline forced but not avoidable, and judges its reminders', () => {
    const gateway = platform();
    const book = new Book([shop], gateway, new Map());
    const deadline = T0 + 30 * DAY_MS;
    gateway.issue('a1', deadline, deadline);
    book.authorized(shop, grant('a1'), T0);
    const weekdays = availability('weekdays_9_18', { start: T0, days: 60, random: Math.random });
    // Deadline Wednesday 5 Feb 00:00: the 7-day moment is Wednesday 00:00, the browser opens at 09:00.
    const sevenDays = weekdays.openAtOrAfter(deadline - 7 * DAY_MS) as number;
    book.notice({ at: sevenDays + MINUTE_MS, grantId: 'g', kind: 'reminder' });
    book.notice({
      at: weekdays.openAtOrAfter(deadline - 2 * DAY_MS) as number,
      grantId: 'g',
      kind: 'reminder',
    });
    gateway.live.clear();
    book.observe(grant('a1', { status: 'needs_authorization' }), deadline);
    book.close(T0 + 60 * DAY_MS);

    const [forced] = book.forcedReauthorizations(weekdays);
    expect(forced).toMatchObject({
      beforeDeadline: false,
      avoidable: false,
      warned7DaysAhead: false,
      openInLast7Days: true,
      warnedInLast7Days: true,
    });
    // The 1-day moment went by unannounced although the browser was open after it.
    expect(book.reminders(weekdays, T0 + 60 * DAY_MS)).toEqual({ judged: 3, skipped: 1, repeated: 0 });
    expect(book.downtimeMinutes()).toEqual([{ total: 0, whileDead: 0 }]);
  });

  it('counts two reminders in one wake as repeated', () => {
    const gateway = platform();
    const book = new Book([shop], gateway, new Map());
    const deadline = T0 + 30 * DAY_MS;
    gateway.issue('a1', T0 + 7 * DAY_MS, deadline);
    book.authorized(shop, grant('a1'), T0);
    const at = deadline - 1.5 * DAY_MS;
    book.notice({ at, grantId: 'g', kind: 'reminder' });
    book.notice({ at: at + 1000, grantId: 'g', kind: 'reminder' });
    book.close(deadline - DAY_MS);
    const always = availability('always_on', { start: T0, days: 60, random: Math.random });
    expect(book.reminders(always, deadline - DAY_MS).repeated).toBe(1);
  });
});
