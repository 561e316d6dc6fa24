import { describe, expect, it } from 'vitest';
import { grantIdFromSearch } from '../../../src/popup/deep-link';
import { reauthorizeCountries, shopLabel } from '../../../src/popup/shop-words';
import { makeGrant } from './fixtures';

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
