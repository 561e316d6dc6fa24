import { describe, expect, it } from 'vitest';
import { iopSign } from '../../../sandbox/iop-signature';
import { createApiClient, interpretApiReply } from '../../../src/platforms/api-client';
import { apiGatewayFor } from '../../../src/platforms/api-hosts';
import { signedApiRequest } from '../../../src/platforms/api-request';
import type { AppCredentials } from '../../../src/platforms/types';
import type { SellerAuthError } from '../../../src/shared/errors';
import { appSecret } from '../../support/checked';

const SECRET = 'api-secret-for-tests-1234';
const app = { appKey: '100132', appSecret: appSecret(SECRET) };

describe('apiGatewayFor', () => {
  it("sends a Lazada shop's calls to its venture's regional host", () => {
    expect(apiGatewayFor('lazada', 'sg').rest).toBe('https://api.lazada.sg/rest');
    expect(apiGatewayFor('lazada', 'my').rest).toBe('https://api.lazada.com.my/rest');
    expect(apiGatewayFor('lazada', 'th').rest).toBe('https://api.lazada.co.th/rest');
    expect(apiGatewayFor('lazada', 'vn').rest).toBe('https://api.lazada.vn/rest');
    expect(apiGatewayFor('lazada', 'id').rest).toBe('https://api.lazada.co.id/rest');
    expect(apiGatewayFor('lazada', 'PH').rest).toBe('https://api.lazada.com.ph/rest');
  });

  it('sends AliExpress calls to api-sg.aliexpress.com, /sync for dotted methods', () => {
    expect(apiGatewayFor('aliexpress', 'cb')).toEqual({
      rest: 'https://api-sg.aliexpress.com/rest',
      sync: 'https://api-sg.aliexpress.com/sync',
    });
  });

  it("follows an app's overridden token endpoint (the sandbox, another gateway)", () => {
    const overrides = { tokenCreateUrl: 'http://127.0.0.1:9000/gw/rest/auth/token/create' as never };
    expect(apiGatewayFor('lazada', 'my', overrides)).toEqual({
      rest: 'http://127.0.0.1:9000/gw/rest',
      sync: 'http://127.0.0.1:9000/sync',
    });
  });
});

describe('signedApiRequest', () => {
  const gateway = { rest: 'https://api.lazada.sg/rest', sync: 'https://api-sg.aliexpress.com/sync' };

  it('signs a path-style call with its path, the access token and the params', async () => {
    const { url, form } = await signedApiRequest(app, gateway, {
      accessToken: 'token-1',
      apiPath: '/orders/get',
      params: { created_after: '2025-01-01T00:00:00+08:00', empty: '' },
      timestamp: 1700000000000,
    });
    expect(url).toBe('https://api.lazada.sg/rest/orders/get');
    const params = new Map(form);
    expect(params.has('empty')).toBe(false);
    expect(params.get('access_token')).toBe('token-1');
    expect(params.get('sign')).toBe(iopSign('/orders/get', params, SECRET));
  });

  it('signs a dotted method without a prefix and sends it to /sync with method', async () => {
    const { url, form } = await signedApiRequest(app, gateway, {
      accessToken: 'token-1',
      apiPath: 'aliexpress.solution.order.get',
      params: {},
      timestamp: 1700000000000,
    });
    expect(url).toBe('https://api-sg.aliexpress.com/sync');
    const params = new Map(form);
    expect(params.get('method')).toBe('aliexpress.solution.order.get');
    expect(params.get('sign')).toBe(iopSign('', params, SECRET));
  });

  it('keeps the params Seller Auth sets out of reach of the tool', async () => {
    const { form } = await signedApiRequest(app, gateway, {
      accessToken: 'token-1',
      apiPath: '/orders/get',
      params: { app_key: 'other', access_token: 'stolen' },
      timestamp: 1,
    });
    expect(form.get('app_key')).toBe('100132');
    expect(form.get('access_token')).toBe('token-1');
  });
});

describe('interpretApiReply', () => {
  const codeOf = (status: number, text: string) => {
    try {
      interpretApiReply(status, text);
      return 'ok';
    } catch (error) {
      return (error as SellerAuthError).code;
    }
  };

  it('answers the JSON of a success and names each failure', () => {
    expect(interpretApiReply(200, '{"code":"0","data":{"a":1}}')).toEqual({ code: '0', data: { a: 1 } });
    expect(codeOf(200, '{"code":"IllegalAccessToken","message":"x"}')).toBe('access_token_invalid');
    expect(codeOf(200, '{"code":"ApiCallLimit","message":"this ban will last 1 seconds"}')).toBe(
      'rate_limited',
    );
    expect(codeOf(429, '')).toBe('rate_limited');
    expect(codeOf(503, '<html>')).toBe('upstream_unavailable');
    expect(codeOf(200, '<html>')).toBe('malformed_response');
    expect(codeOf(404, '{}')).toBe('platform_error');
  });
});

describe('createApiClient', () => {
  const credentials = { ...app, platform: 'lazada' } as unknown as AppCredentials;
  const call = {
    gateway: { rest: 'https://api.lazada.sg/rest', sync: '' },
    accessToken: 't',
    apiPath: '/seller/get',
    params: {},
  };

  it('times out a call that does not answer, with a named error', async () => {
    let fire: () => void = () => {};
    const client = createApiClient({
      clock: { now: () => 1 },
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
          fire();
        }),
      startTimer: (callback) => {
        fire = callback;
        return () => {};
      },
    });
    await expect(client.call(credentials, call)).rejects.toMatchObject({ code: 'timeout' });
  });

  it('says network, never the transport text, when fetch fails', async () => {
    const client = createApiClient({
      clock: { now: () => 1 },
      fetch: async () => {
        throw new Error('secret-bearing transport text');
      },
    });
    const error = await client.call(credentials, call).catch((e: SellerAuthError) => e);
    expect(error).toMatchObject({ code: 'network' });
    expect((error as Error).message).not.toContain('secret-bearing');
  });
});
