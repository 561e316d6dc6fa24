/**
 * The extension's real token client (src/platforms/token-client.ts) against the sandbox over HTTP:
 * the two sides were written apart, so this is where a disagreement about the wire would show.
 */
import { describe, expect, it } from 'vitest';
import {
  DEMO_ALIEXPRESS_APP_KEY,
  DEMO_LAZADA_APP_KEY,
  DEMO_SELLERS,
  type FaultKind,
  type Sandbox,
  type SandboxOptions,
} from '../../sandbox/index';
import { resolveEndpoints } from '../../src/platforms/descriptors';
import { createTokenClient } from '../../src/platforms/token-client';
import type { AppCredentials } from '../../src/platforms/types';
import { type ErrorCode, SellerAuthError } from '../../src/shared/errors';
import { appSecret } from '../support/checked';
import { sandboxWithClock } from './support';

const { lazadaSg, lazadaCrossBorder, aliexpress } = DEMO_SELLERS;
const LAZADA = DEMO_LAZADA_APP_KEY;

/** The app as the extension would hold it: endpoints through the extension's own resolver. */
function appFor(sandbox: Sandbox, appKey: string, change: Partial<AppCredentials> = {}): AppCredentials {
  const credentials = sandbox.credentials(appKey);
  return {
    ...credentials,
    endpoints: resolveEndpoints(credentials.platform, credentials.endpoints),
    ...change,
  };
}

async function setup(options: SandboxOptions = {}, timeoutMs?: number) {
  const context = await sandboxWithClock(options);
  const client = createTokenClient({ clock: { now: () => context.clock.now }, timeoutMs });
  return { ...context, client };
}

async function failure(promise: Promise<unknown>): Promise<SellerAuthError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof SellerAuthError))
    throw new Error(`expected a SellerAuthError, got ${String(error)}`);
  return error;
}

/** What crosses to pages must never carry the secret, the code or a token. */
function expectNothingSecret(error: SellerAuthError, ...secrets: string[]) {
  const text = `${error.message} ${JSON.stringify(error.toData())}`;
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('token client x sandbox: create', () => {
  it('turns a Lazada single-venture grant into absolute deadlines and the seller identity', async () => {
    const { sandbox, client, clock } = await setup({ accessTtlSeconds: 600, refreshTtlSeconds: 3600 });
    const grant = await client.create(appFor(sandbox, LAZADA), sandbox.issueCode(LAZADA, lazadaSg.account));
    expect(grant).toMatchObject({
      accessExpiresAt: clock.now + 600_000,
      refreshExpiresAt: clock.now + 3_600_000,
      refreshable: true,
      obtainedAt: clock.now,
      seller: {
        account: lazadaSg.account,
        country: 'sg',
        sellerId: '1000101',
        userId: '2000101',
        countries: [{ country: 'sg', sellerId: '1000101', userId: '2000101', shortCode: 'SG4H2K9' }],
      },
    });
    expect(sandbox.inspectAccessToken(grant.accessToken)?.account).toBe(lazadaSg.account);
  });

  it('reads the cross-border seller as cb with one account per venture', async () => {
    const { sandbox, client } = await setup();
    const grant = await client.create(
      appFor(sandbox, LAZADA),
      sandbox.issueCode(LAZADA, lazadaCrossBorder.account),
    );
    expect(grant.seller.country).toBe('cb');
    expect(grant.seller.countries).toEqual(
      lazadaCrossBorder.ventures.map((venture) => ({
        country: venture.country,
        sellerId: venture.sellerId,
        userId: String(venture.userId),
        shortCode: venture.shortCode,
      })),
    );
  });

  it('reads the string-number, country_user_info_list variant the same way', async () => {
    const { sandbox, client, clock } = await setup({
      numbersAsStrings: true,
      countryListName: 'country_user_info_list',
      accessTtlSeconds: 90,
    });
    const grant = await client.create(
      appFor(sandbox, LAZADA),
      sandbox.issueCode(LAZADA, lazadaCrossBorder.account),
    );
    expect(grant.accessExpiresAt).toBe(clock.now + 90_000);
    expect(grant.seller.countries).toHaveLength(6);
  });

  it('takes the AliExpress absolute deadlines', async () => {
    const { sandbox, client, clock } = await setup({ accessTtlSeconds: 600, refreshTtlSeconds: 3600 });
    const app = appFor(sandbox, DEMO_ALIEXPRESS_APP_KEY);
    const grant = await client.create(app, sandbox.issueCode(DEMO_ALIEXPRESS_APP_KEY, aliexpress.account));
    expect(grant).toMatchObject({
      accessExpiresAt: clock.now + 600_000,
      refreshExpiresAt: clock.now + 3_600_000,
      refreshable: true,
      seller: { account: aliexpress.userNick, userId: aliexpress.userId, sellerId: aliexpress.sellerId },
    });
  });

  it('marks a grant from refresh-disabled mode not refreshable, and its refresh as refresh_unsupported', async () => {
    const { sandbox, client, clock } = await setup({ refreshDisabled: true, accessTtlSeconds: 600 });
    const app = appFor(sandbox, LAZADA);
    const grant = await client.create(app, sandbox.issueCode(LAZADA, lazadaSg.account));
    expect(grant).toMatchObject({ refreshable: false, refreshExpiresAt: clock.now + 600_000 });
    const error = await failure(client.refresh(app, grant.refreshToken));
    expect(error).toMatchObject({
      code: 'refresh_unsupported',
      details: { platformCode: 'AUTH_TYPE_UNSUPPORTED' },
    });
  });
});

describe('token client x sandbox: refresh', () => {
  it('rotates the pair, keeps the deadline, and refuses the spent refresh token', async () => {
    const { sandbox, client, clock } = await setup({ accessTtlSeconds: 600, refreshTtlSeconds: 3600 });
    const app = appFor(sandbox, LAZADA);
    const first = await client.create(app, sandbox.issueCode(LAZADA, lazadaSg.account));
    clock.advance(500_000);
    const second = await client.refresh(app, first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.accessExpiresAt).toBe(clock.now + 600_000);
    expect(second.refreshExpiresAt).toBe(first.refreshExpiresAt);

    const spent = await failure(client.refresh(app, first.refreshToken));
    expect(spent).toMatchObject({ code: 'refresh_token_invalid', retryable: false });
    expectNothingSecret(spent, first.refreshToken, app.appSecret);
    expect((await client.refresh(app, second.refreshToken ?? '')).refreshExpiresAt).toBe(
      first.refreshExpiresAt,
    );
  });

  it('refuses a refresh after the deadline with refresh_token_invalid', async () => {
    const { sandbox, client, clock } = await setup({ accessTtlSeconds: 5, refreshTtlSeconds: 10 });
    const app = appFor(sandbox, LAZADA);
    const grant = await client.create(app, sandbox.issueCode(LAZADA, lazadaSg.account));
    clock.advance(10_000);
    expect((await failure(client.refresh(app, grant.refreshToken))).code).toBe('refresh_token_invalid');
  });

  it('refreshes AliExpress grants with the same fixed deadline', async () => {
    const { sandbox, client, clock } = await setup({ refreshTtlSeconds: 3600 });
    const app = appFor(sandbox, DEMO_ALIEXPRESS_APP_KEY);
    const first = await client.create(app, sandbox.issueCode(DEMO_ALIEXPRESS_APP_KEY, aliexpress.account));
    clock.advance(60_000);
    const second = await client.refresh(app, first.refreshToken);
    expect(second.refreshExpiresAt).toBe(first.refreshExpiresAt);
  });
});

describe('token client x sandbox: each refusal as its SellerAuthError code', () => {
  it('a reused code is invalid_code', async () => {
    const { sandbox, client } = await setup();
    const app = appFor(sandbox, LAZADA);
    const code = sandbox.issueCode(LAZADA, lazadaSg.account);
    await client.create(app, code);
    const error = await failure(client.create(app, code));
    expect(error).toMatchObject({ code: 'invalid_code', details: { platformCode: 'InvalidCode' } });
    expectNothingSecret(error, code, app.appSecret);
  });

  it('a code older than 30 minutes is invalid_code', async () => {
    const { sandbox, client, clock } = await setup();
    const code = sandbox.issueCode(LAZADA, lazadaSg.account);
    clock.advance(30 * 60_000);
    expect((await failure(client.create(appFor(sandbox, LAZADA), code))).code).toBe('invalid_code');
  });

  it("another app's code is invalid_code", async () => {
    const { sandbox, client } = await setup({
      apps: [
        {
          appKey: '100002',
          appSecret: 'second-app-secret',
          platform: 'lazada',
          name: 'Second',
          callbackUrls: [],
        },
      ],
    });
    const code = sandbox.issueCode(LAZADA, lazadaSg.account);
    expect((await failure(client.create(appFor(sandbox, '100002'), code))).code).toBe('invalid_code');
  });

  it('a wrong secret is signature_rejected, and the message never holds the secret', async () => {
    const { sandbox, client } = await setup();
    const app = appFor(sandbox, LAZADA, { appSecret: appSecret('wrong-secret-value') });
    const error = await failure(client.create(app, sandbox.issueCode(LAZADA, lazadaSg.account)));
    expect(error).toMatchObject({
      code: 'signature_rejected',
      details: { platformCode: 'IncompleteSignature' },
    });
    expectNothingSecret(error, 'wrong-secret-value');
  });

  it('an unknown app key is app_rejected', async () => {
    const { sandbox, client } = await setup();
    const app = appFor(sandbox, LAZADA, { appKey: '424242' });
    expect((await failure(client.create(app, '0_424242_x'))).code).toBe('app_rejected');
  });

  it('a missing parameter is missing_parameter', async () => {
    const { sandbox, clock } = await setup();
    // A fetch that loses sign_method on the way: the gateway's MissingParameter, seen by the client.
    const lossy: typeof fetch = (input, init) =>
      fetch(input, { ...init, body: String(init?.body).replace(/&?sign_method=sha256/, '') });
    const client = createTokenClient({ clock: { now: () => clock.now }, fetch: lossy });
    const error = await failure(
      client.create(appFor(sandbox, LAZADA), sandbox.issueCode(LAZADA, lazadaSg.account)),
    );
    expect(error).toMatchObject({ code: 'missing_parameter', details: { platformCode: 'MissingParameter' } });
  });

  it('a clock more than 7200 s off, with no Date to learn from, is refused as clock_skew', async () => {
    const { sandbox, clock } = await setup();
    const withoutDate: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const headers = new Headers(response.headers);
      headers.delete('date');
      return new Response(await response.text(), { status: response.status, headers });
    };
    const skewed = createTokenClient({ clock: { now: () => clock.now - 7201_000 }, fetch: withoutDate });
    const error = await failure(
      skewed.create(appFor(sandbox, LAZADA), sandbox.issueCode(LAZADA, lazadaSg.account)),
    );
    expect(error).toMatchObject({
      code: 'clock_skew',
      retryable: true,
      details: { platformCode: 'InvalidTimestamp' },
    });
  });

  it.each<[FaultKind, ErrorCode]>([
    ['http500', 'upstream_unavailable'],
    ['html', 'malformed_response'],
    ['malformedJson', 'malformed_response'],
    ['serviceTimeout', 'service_timeout'],
    ['apiCallLimit', 'rate_limited'],
    ['drop', 'network'],
  ])('the %s fault is %s, retryable, and the code survives it', async (kind, code) => {
    const { sandbox, client } = await setup();
    const app = appFor(sandbox, LAZADA);
    const authorization = sandbox.issueCode(LAZADA, lazadaSg.account);
    sandbox.failNext('token.create', 1, kind);
    const error = await failure(client.create(app, authorization));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(true);
    expect((await client.create(app, authorization)).accessToken).toMatch(/^50000/);
  });

  it('ApiCallLimit carries the ban length as retryAfterMs', async () => {
    const { sandbox, client } = await setup();
    sandbox.failNext('token.refresh', 1, 'apiCallLimit');
    const error = await failure(client.refresh(appFor(sandbox, LAZADA), '50001whatever'));
    expect(error.details.retryAfterMs).toBe(1000);
  });

  it('the rate limit option is rate_limited', async () => {
    const { sandbox, client, clock } = await setup({ rateLimitPerSecond: 1 });
    clock.now = Math.floor(clock.now / 1000) * 1000;
    const app = appFor(sandbox, LAZADA);
    await client.create(app, sandbox.issueCode(LAZADA, lazadaSg.account));
    expect((await failure(client.create(app, sandbox.issueCode(LAZADA, lazadaSg.account)))).code).toBe(
      'rate_limited',
    );
  });

  it('a refresh slower than the create timeout is waited for, never aborted: the rotated pair arrives', async () => {
    const { sandbox, client } = await setup({}, 100);
    const app = appFor(sandbox, LAZADA);
    const grant = await client.create(app, sandbox.issueCode(LAZADA, lazadaSg.account));
    sandbox.setFaults('token.refresh', { latencyMs: 400 });
    const rotated = await client.refresh(app, grant.refreshToken);
    expect(rotated.refreshToken).not.toBe(grant.refreshToken);
    expect(sandbox.log.at(-1)?.outcome).toBe('0');
  });

  it('a create past its timeout is timeout, and the sandbox consumed nothing', async () => {
    const { sandbox, client } = await setup({}, 100);
    const app = appFor(sandbox, LAZADA);
    sandbox.setFaults('token.create', { latencyMs: 400 });
    const code = sandbox.issueCode(LAZADA, lazadaSg.account);
    expect((await failure(client.create(app, code))).code).toBe('timeout');
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(sandbox.log.at(-1)?.outcome).toBe('aborted');
    sandbox.clearFaults();
    // The code was not spent by the abandoned call: it still works.
    expect((await client.create(app, code)).refreshToken).not.toBe('');
  });
});

describe('token client x sandbox: a computer clock 3 hours behind the gateway', () => {
  it('connects and refreshes: the refused timestamp teaches the client the gateway clock', async () => {
    const context = await sandboxWithClock({});
    const behind = 3 * 3_600_000;
    const client = createTokenClient({ clock: { now: () => context.clock.now - behind } });
    const app = appFor(context.sandbox, LAZADA);
    const grant = await client.create(app, context.sandbox.issueCode(LAZADA, lazadaSg.account));
    expect(grant.accessToken).toMatch(/^50000/);
    const refreshed = await client.refresh(app, grant.refreshToken);
    expect(refreshed.refreshToken).toMatch(/^50001/);
    const outcomes = context.sandbox.log.map((entry) => entry.outcome);
    // One refusal, on the first call; from then on every call is signed on the gateway's time.
    expect(outcomes.filter((outcome) => outcome === 'InvalidTimestamp')).toHaveLength(1);
  });
});
