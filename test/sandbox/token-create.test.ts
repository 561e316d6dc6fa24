import { describe, expect, it } from 'vitest';
import {
  DEMO_ALIEXPRESS_APP_KEY,
  DEMO_LAZADA_APP_KEY,
  DEMO_SELLERS,
  type RegisteredApp,
} from '../../sandbox/index';
import { approvedCode, sandboxWithClock } from './support';

const { lazadaSg, lazadaCrossBorder, aliexpress } = DEMO_SELLERS;
const HOURS_2 = 7200 * 1000;

function expectIopError(body: Record<string, unknown>, code: string) {
  expect(body).toEqual({
    type: expect.stringMatching(/^IS[VP]$/),
    code,
    message: expect.any(String),
    request_id: expect.stringMatching(/^[0-9a-f]{8}\d{17}$/),
  });
}

describe('POST /rest/auth/token/create: success, Lazada dialect', () => {
  it('answers a single-venture seller in the shape of docs/protocol.md#token-response', async () => {
    const { sandbox, call } = await sandboxWithClock({ accessTtlSeconds: 600, refreshTtlSeconds: 3600 });
    const code = await approvedCode(sandbox, {
      appKey: DEMO_LAZADA_APP_KEY,
      account: lazadaSg.account,
      country: 'sg',
    });
    const answer = await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.json()).toEqual({
      access_token: expect.stringMatching(/^50000[A-Za-z0-9]{55}$/),
      refresh_token: expect.stringMatching(/^50001[A-Za-z0-9]{55}$/),
      expires_in: 600,
      refresh_expires_in: 3600,
      country: 'sg',
      account: lazadaSg.account,
      account_platform: 'seller_center',
      country_user_info: [{ country: 'sg', seller_id: '1000101', user_id: 2000101, short_code: 'SG4H2K9' }],
      code: '0',
      request_id: expect.stringMatching(/^[0-9a-f]{8}\d{17}$/),
    });
    expect(sandbox.log.at(-1)).toMatchObject({ endpoint: 'token.create', appKey: '100001', outcome: '0' });
  });

  it('gives the cross-border seller country cb and one entry per venture, each with its own ids', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const code = await approvedCode(sandbox, {
      appKey: DEMO_LAZADA_APP_KEY,
      account: lazadaCrossBorder.account,
      country: 'cb',
    });
    const body = (await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code })).json();
    expect(body.country).toBe('cb');
    const entries = body.country_user_info as { country: string; seller_id: string; user_id: number }[];
    expect(entries.map((entry) => entry.country)).toEqual(['sg', 'my', 'th', 'vn', 'ph', 'id']);
    expect(new Set(entries.map((entry) => entry.seller_id)).size).toBe(6);
    expect(new Set(entries.map((entry) => entry.user_id)).size).toBe(6);
  });

  it('can send numbers as strings and name the array country_user_info_list (real variants)', async () => {
    const { sandbox, call } = await sandboxWithClock({
      numbersAsStrings: true,
      countryListName: 'country_user_info_list',
      accessTtlSeconds: 10,
    });
    const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    const body = (await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code })).json();
    expect(body.expires_in).toBe('10');
    expect(body.refresh_expires_in).toBe(String(30 * 86_400));
    expect(body.country_user_info).toBeUndefined();
    expect(body.country_user_info_list).toEqual([
      { country: 'sg', seller_id: '1000101', user_id: '2000101', short_code: 'SG4H2K9' },
    ]);
  });

  it('reads the params from the query string too', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    const body = (
      await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code, inQuery: true })
    ).json();
    expect(body.code).toBe('0');
  });

  it('accepts an empty param that was left out of the signature (empty params are not signed)', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    const body = (
      await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code, extra: { uuid: '' } })
    ).json();
    expect(body.code).toBe('0');
  });
});

describe('POST /rest/auth/token/create: success, AliExpress dialect', () => {
  it('adds absolute deadlines and the AliExpress identity fields', async () => {
    const { sandbox, call, clock } = await sandboxWithClock({
      accessTtlSeconds: 600,
      refreshTtlSeconds: 3600,
    });
    const code = await approvedCode(sandbox, {
      appKey: DEMO_ALIEXPRESS_APP_KEY,
      account: aliexpress.account,
    });
    const body = (await call('create', { appKey: DEMO_ALIEXPRESS_APP_KEY, credential: code })).json();
    expect(body).toEqual({
      access_token: expect.stringMatching(/^50000[A-Za-z0-9]{55}$/),
      refresh_token: expect.stringMatching(/^50001[A-Za-z0-9]{55}$/),
      expires_in: 600,
      refresh_expires_in: 3600,
      expire_time: clock.now + 600_000,
      refresh_token_valid_time: clock.now + 3_600_000,
      account: aliexpress.account,
      account_platform: 'buyerApp',
      user_id: aliexpress.userId,
      seller_id: aliexpress.sellerId,
      havana_id: aliexpress.havanaId,
      user_nick: aliexpress.userNick,
      sp: 'ae',
      locale: 'en_US',
      code: '0',
      request_id: expect.any(String),
    });
  });
});

describe('POST /rest/auth/token/create: every refusal, in the gateway order', () => {
  it.each(['app_key', 'timestamp', 'sign', 'sign_method', 'code'])(
    'a missing %s is MissingParameter',
    async (name) => {
      const { sandbox, call } = await sandboxWithClock();
      const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
      const answer = await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code, omit: [name] });
      expect(answer.status).toBe(200);
      expectIopError(answer.json(), 'MissingParameter');
      expect(answer.json().message).toContain(name);
    },
  );

  it('does not read a JSON body: its params are missing', async () => {
    const { sandbox, clock } = await sandboxWithClock();
    const response = await fetch(sandbox.endpoints.tokenCreateUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ app_key: DEMO_LAZADA_APP_KEY, timestamp: String(clock.now) }),
    });
    expect(((await response.json()) as { code: string }).code).toBe('MissingParameter');
  });

  it('refuses an unknown app key with InvalidAppKey (before looking at the signature)', async () => {
    const { call } = await sandboxWithClock();
    const answer = await call('create', { appKey: '123', secret: 'x', credential: '0_123_abc' });
    expectIopError(answer.json(), 'InvalidAppKey');
  });

  it.each([
    ['more than 7200 s old', -HOURS_2 - 1],
    ['more than 7200 s ahead', HOURS_2 + 1],
  ])('refuses a timestamp %s with InvalidTimestamp', async (_name, skew) => {
    const { sandbox, call, clock } = await sandboxWithClock();
    const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    const answer = await call('create', {
      appKey: DEMO_LAZADA_APP_KEY,
      credential: code,
      timestamp: clock.now + skew,
    });
    expectIopError(answer.json(), 'InvalidTimestamp');
  });

  it('accepts a timestamp exactly 7200 s off', async () => {
    const { sandbox, call, clock } = await sandboxWithClock();
    const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    const answer = await call('create', {
      appKey: DEMO_LAZADA_APP_KEY,
      credential: code,
      timestamp: clock.now - HOURS_2,
    });
    expect(answer.json().code).toBe('0');
  });

  it.each(['2026-01-15 08:00:00', '1.7e12', String(Date.now() / 1000)])(
    'refuses a timestamp that is not epoch ms (%s)',
    async (timestamp) => {
      const { sandbox, call } = await sandboxWithClock();
      const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
      expectIopError(
        (await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code, timestamp })).json(),
        'InvalidTimestamp',
      );
    },
  );

  it.each([
    ['signed with the wrong secret', { secret: 'not-the-secret' }],
    ['signed in lower-case hex', { sign: (computed: string) => computed.toLowerCase() }],
    ['signed with the refresh path', { signPath: '/auth/token/refresh' }],
    ['signed without the /auth/token/create prefix', { signPath: '' }],
    ['with sign_method md5', { signMethod: 'md5' }],
    ['with a param added after signing', { addAfterSigning: { force_auth: 'true' } }],
    [
      'with one character of the signature changed',
      { sign: (computed: string) => `${computed.slice(0, -1)}${computed.endsWith('0') ? '1' : '0'}` },
    ],
  ])('refuses a call %s with IncompleteSignature, and keeps the code', async (_name, tamper) => {
    const { sandbox, call } = await sandboxWithClock();
    const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    const answer = await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code, ...tamper });
    expectIopError(answer.json(), 'IncompleteSignature');
    expect((await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code })).json().code).toBe('0');
  });

  it('refuses a used code with InvalidCode', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    expect((await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code })).json().code).toBe('0');
    expectIopError(
      (await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code })).json(),
      'InvalidCode',
    );
  });

  it('refuses a code older than 30 minutes (clock override), and accepts it just before', async () => {
    const { sandbox, call, clock } = await sandboxWithClock();
    const fresh = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    const stale = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    clock.advance(30 * 60_000 - 1);
    expect((await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: fresh })).json().code).toBe('0');
    clock.advance(1);
    expectIopError(
      (await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: stale })).json(),
      'InvalidCode',
    );
  });

  it('refuses a code made too old with expireCode()', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    expect(sandbox.expireCode(code)).toBe(true);
    expect(sandbox.expireCode('0_100001_unknown')).toBe(false);
    expectIopError(
      (await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code })).json(),
      'InvalidCode',
    );
  });

  it('refuses a code issued to another app, without spending it', async () => {
    const other: RegisteredApp = {
      appKey: '100002',
      appSecret: 'other-secret-0000000000000000000',
      platform: 'lazada',
      name: 'Other',
      callbackUrls: ['{sandbox}/callback'],
    };
    const { sandbox, call } = await sandboxWithClock({ apps: [other] });
    const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    expectIopError((await call('create', { appKey: '100002', credential: code })).json(), 'InvalidCode');
    expect((await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code })).json().code).toBe('0');
  });

  it('refuses a made-up code with InvalidCode', async () => {
    const { call } = await sandboxWithClock();
    expectIopError(
      (await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: '0_100001_madeup' })).json(),
      'InvalidCode',
    );
  });

  it('checks the signature before the code: a bad signature with a used code is IncompleteSignature', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code });
    const answer = await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code, secret: 'wrong' });
    expect(answer.json().code).toBe('IncompleteSignature');
  });

  it('checks the timestamp before the signature', async () => {
    const { sandbox, call, clock } = await sandboxWithClock();
    const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    const answer = await call('create', {
      appKey: DEMO_LAZADA_APP_KEY,
      credential: code,
      secret: 'wrong',
      timestamp: clock.now - 3 * HOURS_2,
    });
    expect(answer.json().code).toBe('InvalidTimestamp');
  });

  it('never puts the secret, the code or a token in an answer or the log', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const secret = sandbox.credentials(DEMO_LAZADA_APP_KEY).appSecret;
    const code = sandbox.issueCode(DEMO_LAZADA_APP_KEY, lazadaSg.account);
    const granted = (await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code })).json();
    const refused = await call('create', { appKey: DEMO_LAZADA_APP_KEY, credential: code });
    const badRefresh = await call('refresh', {
      appKey: DEMO_LAZADA_APP_KEY,
      credential: `${String(granted.refresh_token)}x`,
    });
    for (const text of [refused.text, badRefresh.text, JSON.stringify(sandbox.log)]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(code);
      expect(text).not.toContain(String(granted.refresh_token));
      expect(text).not.toContain(String(granted.access_token));
    }
  });
});
