import { describe, expect, it } from 'vitest';
import {
  COUNTRY_LABELS,
  PLATFORMS,
  resolveEndpoints,
  TOKEN_CREATE_PATH,
  TOKEN_REFRESH_PATH,
} from '../../../src/platforms/descriptors';
import { validUrl } from '../../support/checked';

describe('PLATFORMS', () => {
  it('describes Lazada: ventures, numeric app keys, country param, no uuid', () => {
    const lazada = PLATFORMS.lazada;
    expect(lazada).toMatchObject({
      id: 'lazada',
      label: 'Lazada',
      supportsCountryParam: true,
      supportsUuid: false,
    });
    expect(lazada.countries).toEqual(['sg', 'my', 'th', 'vn', 'ph', 'id', 'cb']);
    expect(lazada.defaultEndpoints.authorizeUrl).toBe('https://auth.lazada.com/oauth/authorize');
    expect(lazada.appKeyPattern.test('123456')).toBe(true);
    for (const bad of ['', '12a456', ' 123456', '123 456', '１２３'])
      expect(lazada.appKeyPattern.test(bad)).toBe(false);
  });

  it('describes AliExpress: no ventures, no country param, uuid allowed', () => {
    const aliexpress = PLATFORMS.aliexpress;
    expect(aliexpress).toMatchObject({ id: 'aliexpress', label: 'AliExpress', supportsCountryParam: false });
    expect(aliexpress.supportsUuid).toBe(true);
    expect(aliexpress.countries).toEqual([]);
    expect(aliexpress.defaultEndpoints.tokenCreateUrl).toBe(
      'https://api-sg.aliexpress.com/rest/auth/token/create',
    );
    expect(aliexpress.appKeyPattern.test('34138766')).toBe(true);
    expect(aliexpress.appKeyPattern.test('341 38766')).toBe(false);
  });

  it('labels every country, cb as Cross-border', () => {
    expect(COUNTRY_LABELS.cb).toBe('Cross-border');
    expect(COUNTRY_LABELS.sg).toBe('Singapore');
  });

  it('fixes the signed token paths independently of the endpoint URLs', () => {
    expect(TOKEN_CREATE_PATH).toBe('/auth/token/create');
    expect(TOKEN_REFRESH_PATH).toBe('/auth/token/refresh');
  });
});

describe('resolveEndpoints', () => {
  it('gives the defaults without overrides, as a copy', () => {
    const endpoints = resolveEndpoints('lazada');
    expect(endpoints).toEqual(PLATFORMS.lazada.defaultEndpoints);
    endpoints.authorizeUrl = validUrl('https://changed.example/');
    expect(PLATFORMS.lazada.defaultEndpoints.authorizeUrl).toBe('https://auth.lazada.com/oauth/authorize');
  });

  it('lets each override (checked at save) win and keeps the defaults for the rest', () => {
    const tokenRefreshUrl = validUrl('https://gw.example.com/x/refresh');
    expect(resolveEndpoints('aliexpress', { tokenRefreshUrl })).toEqual({
      ...PLATFORMS.aliexpress.defaultEndpoints,
      tokenRefreshUrl: 'https://gw.example.com/x/refresh',
    });
  });
});
