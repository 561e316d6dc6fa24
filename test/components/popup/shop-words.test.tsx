import { describe, expect, it } from 'vitest';
import { grantIdFromSearch } from '../../../src/popup/deep-link';
import {
  clockNotice,
  deadlineLine,
  nextRefreshLine,
  reauthorizeCountries,
  shopLabel,
} from '../../../src/popup/shop-words';
import { formatDate } from '../../../src/ui/time-words';
import { aGrantView, DAY, HOUR, MINUTE, PAGE_NOW } from '../../support/builders';

describe('reauthorizeCountries', () => {
  it('asks Lazada for the venture the shop is in, or cross-border', () => {
    expect(reauthorizeCountries(aGrantView())).toEqual(['sg']);
    const crossBorder = aGrantView({ seller: { account: 'a', country: 'CB', countries: [] } });
    expect(reauthorizeCountries(crossBorder)).toEqual(['cb']);
  });

  it('asks for no country when the platform has none or the venture is unknown', () => {
    expect(reauthorizeCountries(aGrantView({ platform: 'aliexpress' }))).toBeUndefined();
    expect(
      reauthorizeCountries(aGrantView({ seller: { account: 'a', country: 'xx', countries: [] } })),
    ).toBeUndefined();
  });
});

describe('shopLabel', () => {
  it('names the account, the venture and the app', () => {
    expect(shopLabel(aGrantView())).toBe('shop@example.com, Singapore, Order Sync');
    expect(shopLabel(aGrantView({ seller: { account: 'ae', country: 'es', countries: [] } }))).toBe(
      'ae, ES, Order Sync',
    );
  });

  it('leaves out the venture of a shop that has none (AliExpress)', () => {
    const aliexpress = aGrantView({
      platform: 'aliexpress',
      seller: { account: 'nick', country: '', countries: [] },
    });
    expect(shopLabel(aliexpress)).toBe('nick, Order Sync');
  });
});

describe('grantIdFromSearch', () => {
  it('reads the grant a notification linked to', () => {
    expect(grantIdFromSearch('?grant=app-1%7Cu%3A10101%7Csg')).toBe('app-1|u:10101|sg');
  });

  it('is undefined without one', () => {
    expect(grantIdFromSearch('')).toBeUndefined();
    expect(grantIdFromSearch('?grant=')).toBeUndefined();
  });
});

describe('deadlineLine', () => {
  it('gives the date to authorize again by, in words', () => {
    const line = deadlineLine(aGrantView({ refreshExpiresAt: PAGE_NOW + 29 * DAY }), PAGE_NOW);
    expect(line).toMatch(/^Authorize again by .* \(in 29 days\)$/);
  });

  it('says "now" for a shop the platform already refused, whatever the old deadline', () => {
    const dead = aGrantView({ status: 'needs_authorization', refreshExpiresAt: PAGE_NOW + 29 * DAY });
    expect(deadlineLine(dead, PAGE_NOW)).toBe('Authorize again now: this authorization has ended');
  });
});

describe('nextRefreshLine', () => {
  it('gives the planned time and the access it keeps, and the next browser start if closed then', () => {
    const view = aGrantView({ nextRefreshAt: PAGE_NOW + 3 * DAY + 2 * HOUR, refreshKeepsMs: 3 * DAY });
    expect(nextRefreshLine(view, PAGE_NOW)).toBe(
      'Next refresh 17 Dec 2026, 16:05 (keeps 3 days of access); if the browser is closed then, on its next start',
    );
    expect(nextRefreshLine({ ...view, refreshKeepsMs: 30 * MINUTE }, PAGE_NOW)).toContain(
      'keeps 30 minutes of access',
    );
    expect(nextRefreshLine({ ...view, refreshKeepsMs: 2 * HOUR + MINUTE }, PAGE_NOW)).toContain(
      'keeps 2 hours of',
    );
    expect(nextRefreshLine({ ...view, refreshKeepsMs: DAY }, PAGE_NOW)).toContain('keeps 1 day of access');
  });

  it('never promises a time already past: a due refresh runs while the browser is open', () => {
    const view = aGrantView({ nextRefreshAt: PAGE_NOW - 2 * DAY, refreshKeepsMs: 3 * DAY });
    expect(nextRefreshLine(view, PAGE_NOW)).toBe(
      'Refresh due since 12 Dec 2026, 14:05: runs within 30 minutes while the browser is open',
    );
    expect(nextRefreshLine({ ...view, nextRefreshAt: PAGE_NOW }, PAGE_NOW)).toMatch(/^Refresh due since/);
  });

  it('calls a pending retry an attempt, and says nothing when no refresh is planned', () => {
    const retry = aGrantView({ health: 'failing', failures: 1, nextRefreshAt: PAGE_NOW + 5 * MINUTE });
    expect(nextRefreshLine(retry, PAGE_NOW)).toBe(
      'Next refresh attempt in 5 minutes (14 Dec 2026, 14:10); if the browser is closed then, on its next start',
    );
    expect(nextRefreshLine(aGrantView(), PAGE_NOW)).toBeUndefined();
    const dead = aGrantView({
      status: 'needs_authorization',
      nextRefreshAt: PAGE_NOW + DAY,
      refreshKeepsMs: DAY,
    });
    expect(nextRefreshLine(dead, PAGE_NOW)).toBeUndefined();
  });
});

describe("a computer clock off the platform's", () => {
  const deadline = PAGE_NOW + 29 * DAY;

  it("shows calendar dates on the platform's clock, and the span from now as it is", () => {
    const behind = aGrantView({ refreshExpiresAt: deadline, clockOffsetMs: 3 * HOUR });
    expect(deadlineLine(behind, PAGE_NOW)).toBe(
      `Authorize again by ${formatDate(deadline + 3 * HOUR)} (in 29 days)`,
    );
    expect(deadlineLine(aGrantView({ refreshExpiresAt: deadline }), PAGE_NOW)).toBe(
      `Authorize again by ${formatDate(deadline)} (in 29 days)`,
    );
  });

  it('says so once, with how far and which way', () => {
    // Measured a little under the whole hour it is.
    const behind = aGrantView({ clockOffsetMs: 3 * HOUR - 700 });
    expect(clockNotice([aGrantView(), behind])).toBe(
      "This computer's clock is 3 hours behind the platform's. Dates below follow the platform's " +
        "clock; set this computer's clock right.",
    );
    expect(clockNotice([aGrantView({ clockOffsetMs: -2 * DAY })])).toMatch(
      /is 2 days ahead of the platform's/,
    );
    expect(clockNotice([aGrantView()])).toBeUndefined();
  });
});
