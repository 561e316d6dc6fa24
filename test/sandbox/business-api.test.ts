/**
 * The sandbox's signed business APIs, driven by the extension's real API client (src/platforms/api-client.ts)
 * over HTTP: the access token is checked, the signature too, and the answers are the platform's JSON.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_LAZADA_APP_KEY, DEMO_SELLERS } from '../../sandbox/index';
import { createApiClient } from '../../src/platforms/api-client';
import { apiGatewayFor } from '../../src/platforms/api-hosts';
import type { SellerAuthError } from '../../src/shared/errors';
import { approvedCode, sandboxWithClock } from './support';

const { lazadaSg } = DEMO_SELLERS;

async function connected() {
  const context = await sandboxWithClock();
  const { sandbox, call, clock } = context;
  const code = await approvedCode(sandbox, {
    appKey: DEMO_LAZADA_APP_KEY,
    account: lazadaSg.account,
    country: 'sg',
  });
  const tokens = (await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code })).json();
  const app = sandbox.credentials(DEMO_LAZADA_APP_KEY);
  const gateway = apiGatewayFor('lazada', 'sg', app.endpoints);
  const client = createApiClient({ clock: { now: () => clock.now } });
  const send = (apiPath: string, accessToken = String(tokens.access_token), params = {}) =>
    client.call(app, { gateway, accessToken, apiPath, params });
  return { ...context, tokens, send };
}

describe('business APIs', () => {
  it('answers /seller/get with the shop behind the access token', async () => {
    const { send } = await connected();
    expect(await send('/seller/get')).toMatchObject({
      code: '0',
      data: { name: 'Sg Seller Shop', seller_id: 1000101, short_code: 'SG4H2K9', email: lazadaSg.account },
    });
  });

  it('answers /orders/get with demo orders', async () => {
    const { send, sandbox } = await connected();
    const answer = (await send('/orders/get', undefined, { created_after: '2025-01-01' })) as {
      data: { count: number; orders: { order_id: number }[] };
    };
    expect(answer.data.count).toBe(3);
    expect(answer.data.orders.map((order) => order.order_id)).toEqual([101001, 101002, 101003]);
    expect(sandbox.log.at(-1)).toMatchObject({ endpoint: 'api', outcome: '0', appKey: DEMO_LAZADA_APP_KEY });
  });

  it('refuses an unknown, revoked or refreshed-away access token with IllegalAccessToken', async () => {
    const { send, sandbox, tokens, call } = await connected();
    const refusal = (promise: Promise<unknown>) => promise.catch((error: SellerAuthError) => error);
    expect(await refusal(send('/seller/get', 'not-a-token'))).toMatchObject({
      code: 'access_token_invalid',
      details: { platformCode: 'IllegalAccessToken' },
    });
    expect(sandbox.revokeAccessToken(String(tokens.access_token))).toBe(true);
    expect(await refusal(send('/seller/get'))).toMatchObject({ code: 'access_token_invalid' });
    // The refresh token still works, and its new access token does too.
    const refreshed = (
      await call('refresh', { appKey: DEMO_LAZADA_APP_KEY, credential: String(tokens.refresh_token) })
    ).json();
    expect(await send('/seller/get', String(refreshed.access_token))).toMatchObject({ code: '0' });
  });

  it('checks the signature like the token endpoints do', async () => {
    const { sandbox, tokens, clock } = await connected();
    const app = { ...sandbox.credentials(DEMO_LAZADA_APP_KEY) };
    const wrongSecret = { ...app, appSecret: 'not-the-secret-at-all-1234' as typeof app.appSecret };
    const client = createApiClient({ clock: { now: () => clock.now } });
    const error = await client
      .call(wrongSecret, {
        gateway: apiGatewayFor('lazada', 'sg', app.endpoints),
        accessToken: String(tokens.access_token),
        apiPath: '/orders/get',
        params: {},
      })
      .catch((e: SellerAuthError) => e);
    expect(error).toMatchObject({ code: 'signature_rejected' });
  });

  it('serves scripted faults on the api endpoint: 5xx and ApiCallLimit become named errors', async () => {
    const { send, sandbox } = await connected();
    sandbox.failNext('api', 1, 'http500');
    sandbox.failNext('api', 1, 'apiCallLimit');
    const refusal = (promise: Promise<unknown>) => promise.catch((error: SellerAuthError) => error.code);
    expect(await refusal(send('/orders/get'))).toBe('upstream_unavailable');
    expect(await refusal(send('/orders/get'))).toBe('rate_limited');
    expect(await send('/orders/get')).toMatchObject({ code: '0' });
  });
});

describe('the demo seller tool page', () => {
  it('is served at /demo-tool and speaks the page protocol', async () => {
    const { sandbox } = await sandboxWithClock();
    const response = await fetch(`${sandbox.url}/demo-tool`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("sellerAuth: 'seller-auth:request'");
    expect(html).toContain("'tools.requestAccess'");
    expect(html).not.toContain('innerHTML');
  });
});
