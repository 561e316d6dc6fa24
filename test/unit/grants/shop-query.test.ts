/** The list query's search and filters (the worker answers them; here over plain views). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byAttention } from '../../../src/grants/health';
import { firstInOrder, shopCountries } from '../../../src/grants/shop-query';
import { EMPTY_FILTER, isEmptyFilter } from '../../../src/popup/empty-filter';
import type { ShopFilter } from '../../../src/shared/grant-query';
import type { GrantView } from '../../../src/shared/model';
import { aGrantView } from '../../support/builders';
import { queryViews } from '../../support/view-query';

const EMPTY_QUERY = EMPTY_FILTER;
const isEmptyQuery = isEmptyFilter;
/** The matching ids, in the list's order. */
function filterShops(views: GrantView[], filter: ShopFilter): string[] {
  return queryViews(views, { ...filter, offset: 0, limit: 100 }).ids;
}

const singapore = aGrantView({ id: 'sg', appName: 'Order Sync' });
const crossBorder = aGrantView({
  id: 'cb',
  appName: 'Price Bot',
  seller: {
    account: 'global@brand.com',
    country: 'cb',
    countries: [
      { country: 'my', sellerId: '2001', userId: '20101' },
      { country: 'TH', sellerId: '3001', userId: '30101' },
    ],
  },
});
const aliexpress = aGrantView({
  id: 'ae',
  platform: 'aliexpress',
  appName: 'AE Tools',
  health: 'failing',
  seller: { account: 'ae_store', country: 'cn', sellerId: '998877', countries: [] },
});
const dead = aGrantView({
  id: 'dead',
  health: 'needs_authorization',
  status: 'needs_authorization',
  seller: { account: 'old@shop.com', country: 'vn', countries: [{ country: 'vn' }] },
});
const all = [singapore, crossBorder, aliexpress, dead];

const ids = (matched: string[]) => matched;

describe('shop list query: search and filters', () => {
  it('keeps everything for the empty query', () => {
    // In the one order: needs attention first.
    expect(ids(filterShops(all, EMPTY_QUERY))).toEqual(['dead', 'ae', 'cb', 'sg']);
    expect(isEmptyQuery(EMPTY_QUERY)).toBe(true);
    expect(isEmptyQuery({ ...EMPTY_QUERY, text: ' x' })).toBe(false);
  });

  it('finds by account, ignoring case', () => {
    expect(ids(filterShops(all, { ...EMPTY_QUERY, text: 'GLOBAL@' }))).toEqual(['cb']);
  });

  it('finds by seller id, including those of cross-border ventures', () => {
    expect(ids(filterShops(all, { ...EMPTY_QUERY, text: '998877' }))).toEqual(['ae']);
    expect(ids(filterShops(all, { ...EMPTY_QUERY, text: '3001' }))).toEqual(['cb']);
  });

  it('finds by country name and by app name', () => {
    expect(ids(filterShops(all, { ...EMPTY_QUERY, text: 'thailand' }))).toEqual(['cb']);
    expect(ids(filterShops(all, { ...EMPTY_QUERY, text: 'price bot' }))).toEqual(['cb']);
  });

  it('needs every word to match', () => {
    expect(ids(filterShops(all, { ...EMPTY_QUERY, text: 'shop vietnam' }))).toEqual(['dead']);
    expect(filterShops(all, { ...EMPTY_QUERY, text: 'shop nowhere' })).toEqual([]);
  });

  it('filters by platform and by app', () => {
    expect(ids(filterShops(all, { ...EMPTY_QUERY, platform: 'aliexpress' }))).toEqual(['ae']);
    const otherApp = { ...singapore, id: 'other', appId: 'app-2' };
    expect(ids(filterShops([...all, otherApp], { ...EMPTY_QUERY, appId: 'app-2' }))).toEqual(['other']);
  });

  it('filters by status, with "needs attention" meaning anything not plainly connected', () => {
    expect(ids(filterShops(all, { ...EMPTY_QUERY, health: 'needs_authorization' }))).toEqual(['dead']);
    expect(ids(filterShops(all, { ...EMPTY_QUERY, health: 'attention' }))).toEqual(['dead', 'ae']);
  });

  it('leaves moved shops out of "needs attention": another browser looks after them', () => {
    const moved = { ...dead, id: 'moved', health: 'moved' as const, movedAt: 1 };
    expect(ids(filterShops([...all, moved], { ...EMPTY_QUERY, health: 'attention' }))).toEqual([
      'dead',
      'ae',
    ]);
    expect(ids(filterShops([...all, moved], { ...EMPTY_QUERY, health: 'moved' }))).toEqual(['moved']);
  });

  it('filters by country, a cross-border shop matching each venture it covers', () => {
    expect(ids(filterShops(all, { ...EMPTY_QUERY, country: 'th' }))).toEqual(['cb']);
    expect(ids(filterShops(all, { ...EMPTY_QUERY, country: 'cb' }))).toEqual(['cb']);
    expect(ids(filterShops(all, { ...EMPTY_QUERY, country: 'sg' }))).toEqual(['sg']);
  });

  it('combines text and filters', () => {
    expect(filterShops(all, { ...EMPTY_QUERY, text: 'global', platform: 'aliexpress' })).toEqual([]);
  });

  it('lists every venture a shop covers once, lower-case', () => {
    expect(shopCountries(crossBorder.seller)).toEqual(['cb', 'my', 'th']);
    expect(shopCountries(singapore.seller)).toEqual(['sg']);
  });
});

describe('firstInOrder', () => {
  const row = fc.record({
    id: fc.string({ maxLength: 4 }),
    health: fc.constantFrom('connected', 'expiring', 'failing', 'needs_authorization', 'moved' as const),
    refreshExpiresAt: fc.integer({ min: 0, max: 5 }),
    seller: fc.record({ account: fc.constantFrom('a', 'b', 'B', 'é', 'z') }),
  });

  it('keeps the first rows of the full attention order, for any rows and count', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), fc.integer({ min: 0, max: 90 }), (rows, count) => {
        const unique = [...new Map(rows.map((item) => [item.id, item])).values()];
        const full = [...unique].sort(byAttention).slice(0, count);
        expect(firstInOrder(unique, count).map((item) => item.id)).toEqual(full.map((item) => item.id));
      }),
    );
  });
});

describe('search by shop name', () => {
  it('finds a shop by the name and short code the platform answered', () => {
    const named = aGrantView({ id: 'named', shopName: 'Acme Home', shopCode: 'SG4H2K9' });
    const views = [named, singapore];
    expect(filterShops(views, { ...EMPTY_QUERY, text: 'acme' })).toEqual(['named']);
    expect(filterShops(views, { ...EMPTY_QUERY, text: 'sg4h2k9' })).toEqual(['named']);
  });
});
