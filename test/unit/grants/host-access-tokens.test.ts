import { describe, expect, it } from 'vitest';
import type { OriginAccess } from '../../../src/grants/connect/ports';
import { withHostAccess } from '../../../src/grants/host-access-tokens';
import { resolveEndpoints } from '../../../src/platforms/descriptors';
import { createTokenClient } from '../../../src/platforms/token-client';
import type { AppCredentials } from '../../../src/platforms/types';
import { SellerAuthError } from '../../../src/shared/errors';
import { appSecret, validUrl } from '../../support/checked';

const app: AppCredentials = {
  platform: 'lazada',
  appKey: '123456',
  appSecret: appSecret('sEcReT-0f9a8b7c6d5e4f3a2b1c'),
  endpoints: resolveEndpoints('lazada', {
    tokenCreateUrl: validUrl('https://create.lazada.test/token/create'),
    tokenRefreshUrl: validUrl('https://refresh.lazada.test/token/refresh'),
  }),
};

const tokenBody = {
  access_token: 'ACCESS',
  refresh_token: 'REFRESH-NEW',
  expires_in: 3600,
  refresh_expires_in: 7200,
  country: 'sg',
  account: 'seller@example.com',
  country_user_info: [{ country: 'sg', seller_id: 'SG1', user_id: 11 }],
  code: '0',
};

/** Host access for the listed origins only; remembers every URL asked about. */
function grantedOrigins(...origins: string[]): OriginAccess & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    has: async (url) => {
      asked.push(url);
      return origins.includes(new URL(url).origin);
    },
  };
}

function countingClient() {
  const sent: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    sent.push(String(input));
    return new Response(JSON.stringify(tokenBody), { headers: { 'Content-Type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { sent, client: createTokenClient({ fetch, clock: { now: () => 1_700_000_000_000 } }) };
}

async function failure(promise: Promise<unknown>): Promise<SellerAuthError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SellerAuthError)) throw new Error('expected a SellerAuthError');
  return error;
}

describe('withHostAccess', () => {
  it('sends nothing without access to the endpoint origin, and fails with permission_denied', async () => {
    const { sent, client } = countingClient();
    const access = grantedOrigins();
    const guarded = withHostAccess(client, access);

    const refreshError = await failure(guarded.refresh(app, 'REFRESH-OLD'));
    const createError = await failure(guarded.create(app, 'CODE'));

    expect(sent).toEqual([]);
    expect(refreshError.code).toBe('permission_denied');
    expect(createError.code).toBe('permission_denied');
    expect(refreshError.message).not.toContain('REFRESH-OLD');
    // What "Allow access" asks Chrome for: the endpoint's origin, as a host pattern.
    const { protocol, hostname } = new URL(app.endpoints.tokenRefreshUrl);
    expect(refreshError.details.origin).toBe(`${protocol}//${hostname}/*`);
    expect(access.asked).toEqual([app.endpoints.tokenRefreshUrl, app.endpoints.tokenCreateUrl]);
  });

  it('checks the origin of the URL each call goes to', async () => {
    const { sent, client } = countingClient();
    const guarded = withHostAccess(client, grantedOrigins('https://refresh.lazada.test'));

    await guarded.refresh(app, 'REFRESH-OLD');
    expect((await failure(guarded.create(app, 'CODE'))).code).toBe('permission_denied');
    expect(sent).toEqual(['https://refresh.lazada.test/token/refresh']);
  });
});
