/// <reference types="node" />

import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveEndpoints } from '../../../src/platforms/descriptors';
import { createTokenClient } from '../../../src/platforms/token-client';
import type { AppCredentials, TokenGrant } from '../../../src/platforms/types';
import { SellerAuthError } from '../../../src/shared/errors';
import { appSecret, validUrl } from '../../support/checked';

const NOW = 1_700_000_000_000;
const SECRET = 'sEcReT-0f9a8b7c6d5e4f3a2b1c';
const CODE = '0_100132_2DL4DV3jcU1UOT7WGI1A4rY91';
const REFRESH_TOKEN = '500016000300bwa2WteaQyfwBMnPxurcA0mXGhQdTt18356663CfcDTYpWoi';
const ACCESS_TOKEN = '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg';
const NEW_REFRESH_TOKEN = '500016000300NEWREFRESHfwBMnPxurcA0mXGhQdTt18356663CfcDTYpW';
const SECRETS = [SECRET, CODE, REFRESH_TOKEN, ACCESS_TOKEN, NEW_REFRESH_TOKEN];

/** The sandbox hosts its endpoints under its own paths: the signed path must not follow them. */
const lazadaApp: AppCredentials = {
  platform: 'lazada',
  appKey: '123456',
  appSecret: appSecret(SECRET),
  endpoints: resolveEndpoints('lazada', {
    tokenCreateUrl: validUrl('http://127.0.0.1:8787/lazada/token/new'),
    tokenRefreshUrl: validUrl('http://127.0.0.1:8787/lazada/token/renew'),
  }),
};
const aliexpressApp: AppCredentials = {
  platform: 'aliexpress',
  appKey: '34138766',
  appSecret: appSecret(SECRET),
  endpoints: resolveEndpoints('aliexpress'),
};

const tokenBody = {
  access_token: ACCESS_TOKEN,
  refresh_token: NEW_REFRESH_TOKEN,
  expires_in: 259200,
  refresh_expires_in: 2592000,
  country: 'sg',
  account: 'seller@example.com',
  country_user_info: [{ country: 'sg', seller_id: 'SG1', user_id: 11 }],
  code: '0',
  request_id: 'req-1',
};

interface Recorded {
  url: string;
  init: RequestInit;
}

/** A fetch that records each call and answers with what `answer` returns (or throws). */
function fakeFetch(answer: (call: Recorded) => Response | Promise<Response>) {
  const calls: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return answer(call);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A clock that moves on every reading, so a second reading would show. */
function tickingClock() {
  let readings = 0;
  return {
    now: () => NOW + 1000 * readings++,
    get readings() {
      return readings;
    },
  };
}

function nodeSign(apiPath: string, params: URLSearchParams): string {
  const names = [...params.keys()].filter((name) => name !== 'sign').sort();
  const text = apiPath + names.map((name) => name + params.get(name)).join('');
  return createHmac('sha256', SECRET).update(text, 'utf8').digest('hex').toUpperCase();
}

async function failure(promise: Promise<unknown>): Promise<SellerAuthError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof SellerAuthError))
    throw new Error(`expected a SellerAuthError, got ${String(outcome)}`);
  return outcome;
}

function expectNoSecrets(error: SellerAuthError): void {
  const serialized = `${String(error)} ${error.message} ${JSON.stringify(error.toData())} ${JSON.stringify(error.details)}`;
  for (const secret of SECRETS) expect(serialized).not.toContain(secret);
  expect(error.cause).toBeUndefined();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createTokenClient: the request', () => {
  it('POSTs one signed form to the create URL, with a single timestamp', async () => {
    const { fetch, calls } = fakeFetch(() => json(tokenBody));
    const clock = tickingClock();
    const grant = await createTokenClient({ fetch, clock }).create(lazadaApp, CODE);

    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('http://127.0.0.1:8787/lazada/token/new');
    expect(call?.init.method).toBe('POST');
    expect(new Headers(call?.init.headers).get('Content-Type')).toMatch(
      /^application\/x-www-form-urlencoded/,
    );
    expect(call?.init.credentials).toBe('omit');
    // Not CORS-safelisted: without host access Chrome preflights instead of sending the body.
    expect(new Headers(call?.init.headers).get('X-Seller-Auth-Client')).toBe('1');

    const form = new URLSearchParams(String(call?.init.body));
    expect([...form.keys()].sort()).toEqual(['app_key', 'code', 'sign', 'sign_method', 'timestamp']);
    expect(form.get('app_key')).toBe('123456');
    expect(form.get('code')).toBe(CODE);
    expect(form.get('sign_method')).toBe('sha256');
    expect(form.get('timestamp')).toBe(String(NOW));
    expect(form.get('sign')).toBe(nodeSign('/auth/token/create', form));

    expect(clock.readings).toBe(1);
    expect(grant.obtainedAt).toBe(NOW);
    expect(grant.accessExpiresAt).toBe(NOW + 259_200_000);
  });

  it('refreshes with refresh_token, signed for /auth/token/refresh, at the refresh URL', async () => {
    const { fetch, calls } = fakeFetch(() => json(tokenBody));
    const grant = await createTokenClient({ fetch, clock: { now: () => NOW } }).refresh(
      lazadaApp,
      REFRESH_TOKEN,
    );
    const form = new URLSearchParams(String(calls[0]?.init.body));
    expect(calls[0]?.url).toBe('http://127.0.0.1:8787/lazada/token/renew');
    expect(form.get('refresh_token')).toBe(REFRESH_TOKEN);
    expect(form.has('code')).toBe(false);
    expect(form.get('sign')).toBe(nodeSign('/auth/token/refresh', form));
    expect(grant.refreshToken).toBe(NEW_REFRESH_TOKEN);
  });

  it('uses the global fetch when none is given', async () => {
    const { fetch, calls } = fakeFetch(() => json(tokenBody));
    vi.stubGlobal('fetch', fetch);
    await createTokenClient({ clock: { now: () => NOW } }).create(aliexpressApp, CODE);
    expect(calls[0]?.url).toBe('https://api-sg.aliexpress.com/rest/auth/token/create');
  });

  // Key, secret and URLs are checked once, at save (test/unit/background/messaging/request-parsers.test.ts).
  it('sends nothing for an empty code or refresh token', async () => {
    const { fetch, calls } = fakeFetch(() => json(tokenBody));
    const client = createTokenClient({ fetch, clock: { now: () => NOW } });
    expect((await failure(client.create(lazadaApp, ' '))).code).toBe('missing_code');
    expect((await failure(client.refresh(lazadaApp, ''))).code).toBe('refresh_unsupported');
    expect(calls).toHaveLength(0);
  });
});

describe('createTokenClient: the response', () => {
  async function exchange(body: unknown, app: AppCredentials = lazadaApp): Promise<TokenGrant> {
    const { fetch } = fakeFetch(() => json(body));
    return createTokenClient({ fetch, clock: { now: () => NOW } }).create(app, CODE);
  }

  it('parses numbers sent as strings', async () => {
    const grant = await exchange({ ...tokenBody, expires_in: '3600', refresh_expires_in: '7200' });
    expect(grant.accessExpiresAt).toBe(NOW + 3_600_000);
    expect(grant.refreshExpiresAt).toBe(NOW + 7_200_000);
  });

  it('reads country_user_info_list', async () => {
    const { country_user_info, ...rest } = tokenBody;
    const grant = await exchange({ ...rest, country: 'cb', country_user_info_list: country_user_info });
    expect(grant.seller.countries).toEqual([{ country: 'sg', sellerId: 'SG1', userId: '11' }]);
  });

  it('prefers AliExpress absolute times', async () => {
    const grant = await exchange(
      {
        ...tokenBody,
        user_nick: 'nick',
        expire_time: NOW + 5_000_000,
        refresh_token_valid_time: NOW + 9_000_000,
      },
      aliexpressApp,
    );
    expect(grant).toMatchObject({ accessExpiresAt: NOW + 5_000_000, refreshExpiresAt: NOW + 9_000_000 });
    expect(grant.seller.account).toBe('nick');
  });

  it('makes refresh_expires_in 0 unrefreshable', async () => {
    const grant = await exchange({ ...tokenBody, refresh_expires_in: 0 });
    expect(grant.refreshable).toBe(false);
    expect(grant.refreshExpiresAt).toBe(grant.accessExpiresAt);
  });
});

/** Every way a token call can fail, each with the error it must produce. */
const failures: Array<{
  name: string;
  fetch: (call: Recorded) => Response | Promise<Response>;
  expected: Record<string, unknown>;
}> = [
  {
    name: 'a fetch rejection is network',
    fetch: () => Promise.reject(new TypeError(`fetch failed for code=${CODE}`)),
    expected: { code: 'network', retryable: true },
  },
  {
    name: 'a body that fails mid-read is network',
    fetch: () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.error(new Error(`reset while reading ${ACCESS_TOKEN}`));
          },
        }),
      ),
    expected: { code: 'network' },
  },
  {
    name: 'an HTML page with 200 is malformed_response',
    fetch: () => new Response('<html><body>Login</body></html>', { status: 200 }),
    expected: { code: 'malformed_response', httpStatus: 200 },
  },
  {
    name: 'an HTML page with 404 is malformed_response',
    fetch: () => new Response('<html>Not found</html>', { status: 404 }),
    expected: { code: 'malformed_response', httpStatus: 404 },
  },
  {
    name: 'truncated JSON is malformed_response',
    fetch: () => new Response(`{"access_token": "${ACCESS_TOKEN}", "expires_in`, { status: 200 }),
    expected: { code: 'malformed_response', httpStatus: 200 },
  },
  {
    name: 'JSON without a token is malformed_response',
    fetch: () => json({ code: '0', refresh_token: NEW_REFRESH_TOKEN, expires_in: 10, account: 'a' }),
    expected: { code: 'malformed_response' },
  },
  {
    name: 'an HTML 502 is upstream_unavailable',
    fetch: () => new Response('<html>Bad Gateway</html>', { status: 502 }),
    expected: { code: 'upstream_unavailable', httpStatus: 502, retryable: true },
  },
  {
    name: 'an empty 503 is upstream_unavailable',
    fetch: () => new Response('', { status: 503 }),
    expected: { code: 'upstream_unavailable', httpStatus: 503 },
  },
  {
    name: 'a 500 with an error body is classified from the body',
    fetch: () => json({ type: 'ISP', code: 'ServiceTimeout', message: 'timeout', request_id: 'r5' }, 500),
    expected: { code: 'service_timeout', httpStatus: 500, platformCode: 'ServiceTimeout', requestId: 'r5' },
  },
  {
    name: 'InvalidCode with 200',
    fetch: () =>
      json({ type: 'ISV', code: 'InvalidCode', message: `invalid code ${CODE}`, request_id: 'r1' }),
    expected: { code: 'invalid_code', httpStatus: 200, platformCode: 'InvalidCode' },
  },
  {
    name: 'IllegalRefreshToken with 400, echoing the token',
    fetch: () =>
      json({ code: 'IllegalRefreshToken', message: `refresh token ${REFRESH_TOKEN} is invalid` }, 400),
    expected: { code: 'refresh_token_invalid', httpStatus: 400, retryable: false },
  },
  {
    name: 'an unknown platform error echoing tokens',
    fetch: () => json({ code: 'OddThing', message: `odd: ${ACCESS_TOKEN} ${REFRESH_TOKEN} ${SECRET}` }),
    expected: { code: 'platform_error', platformCode: 'OddThing' },
  },
  {
    name: 'ApiCallLimit with its ban length',
    fetch: () => json({ code: 'ApiCallLimit', message: 'this ban will last 2 seconds' }),
    expected: { code: 'rate_limited', retryAfterMs: 2000 },
  },
  {
    name: 'an AliExpress error_response',
    fetch: () => json({ error_response: { code: 'IncompleteSignature', msg: 'bad sign', request_id: 'r9' } }),
    expected: { code: 'signature_rejected', requestId: 'r9' },
  },
  {
    name: 'a bare 429 uses Retry-After',
    fetch: () => new Response('Too many', { status: 429, headers: { 'Retry-After': '7' } }),
    expected: { code: 'rate_limited', httpStatus: 429, retryAfterMs: 7000 },
  },
  {
    name: 'a 403 with JSON that is not an error shape',
    fetch: () => json({ message: 'forbidden' }, 403),
    expected: { code: 'platform_error', httpStatus: 403 },
  },
];

describe('createTokenClient: failures', () => {
  it.each(failures)('$name', async ({ fetch: answer, expected }) => {
    const { fetch } = fakeFetch(answer);
    const client = createTokenClient({ fetch, clock: { now: () => NOW } });
    for (const attempt of [
      () => client.create(lazadaApp, CODE),
      () => client.refresh(lazadaApp, REFRESH_TOKEN),
    ]) {
      const error = await failure(attempt());
      expect(error.toData()).toMatchObject(expected);
      expectNoSecrets(error);
    }
  });

  it('times out a fetch that never answers, and aborts it', async () => {
    let signal: AbortSignal | undefined;
    const { fetch } = fakeFetch(({ init }) => {
      signal = init.signal ?? undefined;
      return new Promise<Response>(() => {});
    });
    const error = await failure(
      createTokenClient({ fetch, clock: { now: () => NOW }, timeoutMs: 20 }).create(lazadaApp, CODE),
    );
    expect(error.toData()).toMatchObject({ code: 'timeout', retryable: true });
    expect(signal?.aborted).toBe(true);
    expectNoSecrets(error);
  });

  it('reports timeout, not network, when the fetch rejects on abort', async () => {
    const { fetch } = fakeFetch(
      ({ init }) =>
        new Promise<Response>((_, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const error = await failure(
      createTokenClient({ fetch, clock: { now: () => NOW }, timeoutMs: 20 }).create(lazadaApp, CODE),
    );
    expect(error.code).toBe('timeout');
  });

  it('never aborts a refresh: a reply later than the timeout still arrives, with the new pair', async () => {
    let signalled = false;
    const { fetch } = fakeFetch(({ init }) => {
      signalled = init.signal !== undefined;
      return new Promise<Response>((resolve) =>
        setTimeout(() => resolve(json({ ...tokenBody, refresh_token: 'later' })), 60),
      );
    });
    const tokens = await createTokenClient({ fetch, clock: { now: () => NOW }, timeoutMs: 20 }).refresh(
      lazadaApp,
      REFRESH_TOKEN,
    );
    expect(signalled).toBe(false);
    expect(tokens.refreshToken).toBe('later');
  });

  it('times out a body that stalls after the headers', async () => {
    const { fetch } = fakeFetch(() => new Response(new ReadableStream({ start() {} }), { status: 200 }));
    const error = await failure(
      createTokenClient({ fetch, clock: { now: () => NOW }, timeoutMs: 20 }).create(lazadaApp, CODE),
    );
    expect(error.code).toBe('timeout');
  });

  it('defaults to a 15 s timeout', async () => {
    vi.useFakeTimers();
    try {
      let fetchStarted: () => void = () => {};
      const started = new Promise<void>((resolve) => {
        fetchStarted = resolve;
      });
      const { fetch } = fakeFetch(() => {
        fetchStarted();
        return new Promise<Response>(() => {});
      });
      const outcome = failure(
        createTokenClient({ fetch, clock: { now: () => NOW } }).create(lazadaApp, CODE),
      );
      // Signing runs on real WebCrypto: the clock starts only once the request is on the wire.
      await started;
      await vi.advanceTimersByTimeAsync(14_999);
      let settled = false;
      void outcome.then(() => {
        settled = true;
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await outcome).code).toBe('timeout');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createTokenClient: a computer clock that is hours off', () => {
  const skewed = (offsetMs: number) => ({ Date: new Date(NOW + offsetMs).toUTCString() });
  const refused = {
    type: 'ISV',
    code: 'InvalidTimestamp',
    message: 'Invalid timestamp',
    request_id: 'r1',
  };

  it('signs again on the gateway clock once the gateway refused the time, and succeeds', async () => {
    const offset = 3 * 3_600_000;
    const { fetch, calls } = fakeFetch((call) => {
      const sent = Number(new URLSearchParams(String(call.init.body)).get('timestamp'));
      const ok = Math.abs(sent - (NOW + offset)) < 7_200_000;
      return ok ? json(tokenBody, 200, skewed(offset)) : json(refused, 200, skewed(offset));
    });
    const grant = await createTokenClient({ fetch, clock: { now: () => NOW } }).create(lazadaApp, CODE);
    expect(calls).toHaveLength(2);
    const second = new URLSearchParams(String(calls[1]?.init.body));
    expect(Number(second.get('timestamp'))).toBe(NOW + offset + 500);
    expect(second.get('sign')).toBe(nodeSign('/auth/token/create', second));
    // Lifetimes count on this computer's clock: the offset does not move them.
    expect(grant.accessExpiresAt).toBe(NOW + 259_200_000);
  });

  it('signs later calls on the learned clock from the start', async () => {
    const offset = -5 * 3_600_000;
    const { fetch, calls } = fakeFetch(() => json(tokenBody, 200, skewed(offset)));
    const client = createTokenClient({ fetch, clock: { now: () => NOW } });
    expect(client.gatewayOffsetMs()).toBe(0);
    await client.refresh(lazadaApp, REFRESH_TOKEN);
    // What the pages show dates by: the measured offset.
    expect(client.gatewayOffsetMs()).toBe(offset + 500);
    await client.refresh(lazadaApp, REFRESH_TOKEN);
    expect(calls).toHaveLength(2);
    expect(new URLSearchParams(String(calls[0]?.init.body)).get('timestamp')).toBe(String(NOW));
    expect(new URLSearchParams(String(calls[1]?.init.body)).get('timestamp')).toBe(
      String(NOW + offset + 500),
    );
  });

  it('tries only once more: a second refusal is the named clock error', async () => {
    const { fetch, calls } = fakeFetch(() => json(refused, 200, skewed(4 * 3_600_000)));
    const error = await failure(
      createTokenClient({ fetch, clock: { now: () => NOW } }).create(lazadaApp, CODE),
    );
    expect(error.code).toBe('clock_skew');
    expect(calls).toHaveLength(2);
  });

  it('puts AliExpress absolute deadlines on this computer clock', async () => {
    const offset = -2 * 24 * 3_600_000;
    const expireAt = NOW + offset + 10 * 24 * 3_600_000;
    const body = {
      ...tokenBody,
      expire_time: expireAt,
      refresh_token_valid_time: expireAt + 40 * 24 * 3_600_000,
    };
    const { fetch } = fakeFetch(() => json(body, 200, skewed(offset)));
    const tokens = await createTokenClient({ fetch, clock: { now: () => NOW } }).refresh(
      lazadaApp,
      REFRESH_TOKEN,
    );
    expect(tokens.accessExpiresAt).toBe(expireAt - (offset + 500));
    expect(tokens.refreshExpiresAt).toBe(expireAt + 40 * 24 * 3_600_000 - (offset + 500));
  });
});
