import { describe, expect, it } from 'vitest';
import { grantIdFromSearch } from '../../../src/popup/deep-link';
import { deadlineLine, reauthorizeCountries, shopLabel } from '../../../src/popup/shop-words';
import { DAY, makeGrant, NOW } from './fixtures';

describe('reauthorizeCountries', () => {
  it('asks Lazada for the venture the shop is in, or cross-border', () => {
    expect(reauthorizeCountries(makeGrant())).toEqual(['sg']);
    const crossBorder = makeGrant({ seller: { account: 'a', country: 'CB', countries: [] } });
    expect(reauthorizeCountries(crossBorder)).toEqual(['cb']);
  });

  it('asks for no country when the platform has none or the venture is unknown', () => {
    expect(reauthorizeCountries(makeGrant({ platform: 'aliexpress' }))).toBeUndefined();
    expect(
      reauthorizeCountries(makeGrant({ seller: { account: 'a', country: 'xx', countries: [] } })),
    ).toBeUndefined();
  });
});

describe('shopLabel', () => {
  it('names the account, the venture and the app', () => {
    expect(shopLabel(makeGrant())).toBe('shop@example.com, Singapore, Order Sync');
    expect(shopLabel(makeGrant({ seller: { account: 'ae', country: 'es', countries: [] } }))).toBe(
      'ae, ES, Order Sync',
    );
  });

  it('leaves out the venture of a shop that has none (AliExpress)', () => {
    const aliexpress = makeGrant({
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
    const line = deadlineLine(makeGrant({ refreshExpiresAt: NOW + 29 * DAY }), NOW);
    expect(line).toMatch(/^Authorize again by .* \(in 29 days\)$/);
  });

  it('says "now" for a shop the platform already refused, whatever the old deadline', () => {
    const dead = makeGrant({ status: 'needs_authorization', refreshExpiresAt: NOW + 29 * DAY });
    expect(deadlineLine(dead, NOW)).toBe('Authorize again now: this authorization has ended');
  });
});
