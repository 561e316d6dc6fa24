import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY, filterShops, isEmptyQuery, shopCountries } from '../../../src/popup/filter-shops';
import type { GrantView } from '../../../src/shared/model';
import { aGrantView } from '../../support/builders';

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

const ids = (views: GrantView[]) => views.map((view) => view.id);

describe('filterShops', () => {
  it('keeps everything for the empty query', () => {
    expect(ids(filterShops(all, EMPTY_QUERY))).toEqual(ids(all));
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

  it('filters by platform', () => {
    expect(ids(filterShops(all, { ...EMPTY_QUERY, platform: 'aliexpress' }))).toEqual(['ae']);
  });

  it('filters by status, with "needs attention" meaning anything not plainly connected', () => {
    expect(ids(filterShops(all, { ...EMPTY_QUERY, health: 'needs_authorization' }))).toEqual(['dead']);
    expect(ids(filterShops(all, { ...EMPTY_QUERY, health: 'attention' }))).toEqual(['ae', 'dead']);
  });

  it('leaves moved shops out of "needs attention": another browser looks after them', () => {
    const moved = { ...dead, id: 'moved', health: 'moved' as const, movedAt: 1 };
    expect(ids(filterShops([...all, moved], { ...EMPTY_QUERY, health: 'attention' }))).toEqual([
      'ae',
      'dead',
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
    expect(shopCountries(crossBorder)).toEqual(['cb', 'my', 'th']);
    expect(shopCountries(singapore)).toEqual(['sg']);
  });
});

describe('search by shop name', () => {
  it('finds a shop by the name and short code the platform answered', () => {
    const named = aGrantView({ id: 'named', shopName: 'Acme Home', shopCode: 'SG4H2K9' });
    const views = [named, singapore];
    expect(filterShops(views, { ...EMPTY_QUERY, text: 'acme' }).map((view) => view.id)).toEqual(['named']);
    expect(filterShops(views, { ...EMPTY_QUERY, text: 'sg4h2k9' }).map((view) => view.id)).toEqual(['named']);
  });
});
