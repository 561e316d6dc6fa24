import { describe, expect, it } from 'vitest';
import { customGatewayNeeded, validateAppInput } from '../../../src/platforms/app-input';
import { isPlatformHost } from '../../../src/platforms/gateway-hosts';
import type { AppInput } from '../../../src/shared/model';

const INPUT: AppInput = {
  name: 'Main app',
  platform: 'lazada',
  appKey: '100132',
  appSecret: 'a1b2c3d4e5f6-app-secret',
  callbackUrl: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
};

const withRefreshUrl = (url: string, customGateway?: boolean): AppInput => ({
  ...INPUT,
  endpoints: { tokenRefreshUrl: url },
  ...(customGateway === undefined ? {} : { customGateway }),
});

describe('isPlatformHost', () => {
  it.each([
    'https://auth.lazada.com/rest',
    'https://api.lazada.sg/rest',
    'https://api.lazada.co.th/rest',
    'https://api.lazada.com.my/rest',
    'https://api.lazada.vn/rest',
    'https://api.lazada.com.ph/rest',
    'https://api.lazada.co.id/rest',
    'https://api-sg.aliexpress.com/rest',
    'https://api.aliexpress.ru/rest',
    'https://AUTH.LAZADA.COM/rest',
  ])('accepts %s', (url) => {
    expect(isPlatformHost(new URL(url))).toBe(true);
  });

  it.each([
    'http://auth.lazada.com/rest',
    'https://auth.lazada.com:8443/rest',
    'https://lazada.com.evil.example/rest',
    'https://evillazada.com/rest',
    'https://lazada.example/rest',
    'https://aliexpress.com.cn.example/rest',
  ])('refuses %s', (url) => {
    expect(isPlatformHost(new URL(url))).toBe(false);
  });
});

describe('validateAppInput: endpoint hosts', () => {
  it('refuses a host outside the platform families unless custom gateway is ticked', () => {
    const refused = validateAppInput(withRefreshUrl('https://gw.example.com/token/refresh'), {
      secretRequired: true,
    });
    expect(refused).toEqual({ ok: false, problems: { tokenRefreshUrl: customGatewayNeeded() } });

    const vouched = validateAppInput(withRefreshUrl('https://gw.example.com/token/refresh', true), {
      secretRequired: true,
    });
    expect(vouched).toMatchObject({ ok: true, app: { customGateway: true } });
  });

  it('accepts a regional platform host and the loopback sandbox without the tick', () => {
    for (const url of ['https://api.lazada.vn/rest/auth/token/refresh', 'http://127.0.0.1:8787/r']) {
      const checked = validateAppInput(withRefreshUrl(url), { secretRequired: true });
      expect(checked).toMatchObject({ ok: true });
      expect(checked.ok && checked.app.customGateway).toBeFalsy();
    }
  });

  it('still refuses plain http to a remote host, even with custom gateway ticked', () => {
    const checked = validateAppInput(withRefreshUrl('http://gw.example.com/r', true), {
      secretRequired: true,
    });
    expect(checked.ok).toBe(false);
  });
});
