import { describe, expect, it } from 'vitest';
import {
  DEMO_ALIEXPRESS_APP_KEY,
  DEMO_LAZADA_APP_KEY,
  DEMO_SELLERS,
  type SandboxOptions,
} from '../../sandbox/index';
import { sandboxWithClock, type TokenCaller } from './support';

const { lazadaSg, lazadaCrossBorder, aliexpress } = DEMO_SELLERS;
const LAZADA = DEMO_LAZADA_APP_KEY;

/** A sandbox with one fresh Lazada grant. */
async function withGrant(options: SandboxOptions = {}, appKey = LAZADA, account = lazadaSg.account) {
  const context = await sandboxWithClock(options);
  const code = context.sandbox.issueCode(appKey, account);
  const grant = (await context.call('create', { appKey, credential: code })).json();
  return { ...context, grant };
}

async function refresh(call: TokenCaller, refreshToken: unknown, appKey = LAZADA) {
  return (await call('refresh', { appKey, credential: String(refreshToken) })).json();
}

describe('POST /rest/auth/token/refresh', () => {
  it('rotates: a NEW access token and a NEW refresh token, same seller', async () => {
    const { call, grant } = await withGrant({}, LAZADA, lazadaCrossBorder.account);
    const refreshed = await refresh(call, grant.refresh_token);
    expect(refreshed.code).toBe('0');
    expect(refreshed.access_token).toMatch(/^50000[A-Za-z0-9]{55}$/);
    expect(refreshed.refresh_token).toMatch(/^50001[A-Za-z0-9]{55}$/);
    expect(refreshed.access_token).not.toBe(grant.access_token);
    expect(refreshed.refresh_token).not.toBe(grant.refresh_token);
    expect(refreshed.country).toBe('cb');
    expect(refreshed.country_user_info).toEqual(grant.country_user_info);
  });

  it('refuses the old refresh token after a rotation, and keeps accepting the new one', async () => {
    const { call, grant } = await withGrant();
    const first = await refresh(call, grant.refresh_token);
    const stale = await refresh(call, grant.refresh_token);
    expect(stale).toMatchObject({ type: 'ISV', code: 'IllegalRefreshToken' });
    const second = await refresh(call, first.refresh_token);
    expect(second.code).toBe('0');
  });

  it('lets exactly one of two concurrent refreshes with the same token win', async () => {
    const { call, grant } = await withGrant();
    const answers = await Promise.all([
      refresh(call, grant.refresh_token),
      refresh(call, grant.refresh_token),
    ]);
    expect(answers.map((answer) => answer.code).sort()).toEqual(['0', 'IllegalRefreshToken']);
  });

  it('gives a fresh access lifetime but never moves the refresh deadline', async () => {
    const { call, clock, grant } = await withGrant({ accessTtlSeconds: 600, refreshTtlSeconds: 3600 });
    clock.advance(1000 * 1000);
    const refreshed = await refresh(call, grant.refresh_token);
    expect(refreshed.expires_in).toBe(600);
    expect(refreshed.refresh_expires_in).toBe(3600 - 1000);
  });

  it('keeps AliExpress refresh_token_valid_time fixed and moves expire_time', async () => {
    const { call, clock, grant } = await withGrant(
      { accessTtlSeconds: 600, refreshTtlSeconds: 3600 },
      DEMO_ALIEXPRESS_APP_KEY,
      aliexpress.account,
    );
    clock.advance(500_000);
    const refreshed = await refresh(call, grant.refresh_token, DEMO_ALIEXPRESS_APP_KEY);
    expect(refreshed.refresh_token_valid_time).toBe(grant.refresh_token_valid_time);
    expect(refreshed.expire_time).toBe(clock.now + 600_000);
    expect(refreshed.user_nick).toBe(aliexpress.userNick);
  });

  it('never lets the access token outlive the refresh deadline', async () => {
    const { call, clock, grant } = await withGrant({ accessTtlSeconds: 600, refreshTtlSeconds: 900 });
    clock.advance(700_000);
    const refreshed = await refresh(call, grant.refresh_token);
    expect(refreshed.expires_in).toBe(200);
    expect(refreshed.refresh_expires_in).toBe(200);
  });

  it('refuses a refresh at the deadline with IllegalRefreshToken (lifetimes in seconds)', async () => {
    const { call, clock, grant } = await withGrant({ accessTtlSeconds: 2, refreshTtlSeconds: 5 });
    expect(grant.expires_in).toBe(2);
    clock.advance(4999);
    const last = await refresh(call, grant.refresh_token);
    expect(last.refresh_expires_in).toBe(0);
    clock.advance(1);
    expect((await refresh(call, last.refresh_token)).code).toBe('IllegalRefreshToken');
  });

  it('refuses a refresh token of another app, and it still works for its own app', async () => {
    const { call, grant } = await withGrant();
    expect((await refresh(call, grant.refresh_token, DEMO_ALIEXPRESS_APP_KEY)).code).toBe(
      'IllegalRefreshToken',
    );
    expect((await refresh(call, grant.refresh_token)).code).toBe('0');
  });

  it('refuses an access token or a made-up token in place of the refresh token', async () => {
    const { call, grant } = await withGrant();
    expect((await refresh(call, grant.access_token)).code).toBe('IllegalRefreshToken');
    expect((await refresh(call, '50001madeup')).code).toBe('IllegalRefreshToken');
  });

  it('needs refresh_token (MissingParameter) and the refresh path in the signature', async () => {
    const { call, grant } = await withGrant();
    const missing = await call('refresh', {
      appKey: LAZADA,
      credential: String(grant.refresh_token),
      omit: ['refresh_token'],
    });
    expect(missing.json()).toMatchObject({
      code: 'MissingParameter',
      message: expect.stringContaining('refresh_token'),
    });
    const wrongPath = await call('refresh', {
      appKey: LAZADA,
      credential: String(grant.refresh_token),
      signPath: '/auth/token/create',
    });
    expect(wrongPath.json().code).toBe('IncompleteSignature');
    expect((await refresh(call, grant.refresh_token)).code).toBe('0');
  });

  it('checks the timestamp window on refresh too', async () => {
    const { call, clock, grant } = await withGrant();
    const answer = await call('refresh', {
      appKey: LAZADA,
      credential: String(grant.refresh_token),
      timestamp: clock.now + 7201_000,
    });
    expect(answer.json().code).toBe('InvalidTimestamp');
  });
});

describe('refresh-disabled mode', () => {
  it('grants refresh_expires_in 0 and refuses the refresh with AUTH_TYPE_UNSUPPORTED', async () => {
    const { call, grant } = await withGrant({ refreshDisabled: true, accessTtlSeconds: 600 });
    expect(grant.refresh_expires_in).toBe(0);
    expect(grant.expires_in).toBe(600);
    expect((await refresh(call, grant.refresh_token)).code).toBe('AUTH_TYPE_UNSUPPORTED');
  });

  it('gives AliExpress a refresh_token_valid_time equal to expire_time', async () => {
    const { grant } = await withGrant({ refreshDisabled: true }, DEMO_ALIEXPRESS_APP_KEY, aliexpress.account);
    expect(grant.refresh_expires_in).toBe(0);
    expect(grant.refresh_token_valid_time).toBe(grant.expire_time);
  });

  it('switched on at runtime: refuses grants made before, and they refresh again once it is off', async () => {
    const { sandbox, call, grant } = await withGrant();
    sandbox.configure({ refreshDisabled: true });
    expect((await refresh(call, grant.refresh_token)).code).toBe('AUTH_TYPE_UNSUPPORTED');
    sandbox.configure({ refreshDisabled: false });
    expect((await refresh(call, grant.refresh_token)).code).toBe('0');
  });
});

describe('inspectAccessToken', () => {
  it('knows the current access token and forgets the rotated one', async () => {
    const { sandbox, call, grant } = await withGrant({ accessTtlSeconds: 600 });
    expect(sandbox.inspectAccessToken(String(grant.access_token))).toMatchObject({
      appKey: LAZADA,
      account: lazadaSg.account,
      country: 'sg',
      refreshable: true,
    });
    const refreshed = await refresh(call, grant.refresh_token);
    expect(sandbox.inspectAccessToken(String(grant.access_token))).toBeUndefined();
    expect(sandbox.inspectAccessToken(String(refreshed.access_token))?.account).toBe(lazadaSg.account);
  });

  it('reports an expired access token as unknown', async () => {
    const { sandbox, clock, grant } = await withGrant({ accessTtlSeconds: 60 });
    clock.advance(60_000);
    expect(sandbox.inspectAccessToken(String(grant.access_token))).toBeUndefined();
  });
});
