import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DEMO_LAZADA_APP_KEY, DEMO_SELLERS, type Sandbox } from '../../sandbox/index';
import { sandboxWithClock } from './support';

const LAZADA = DEMO_LAZADA_APP_KEY;
const account = DEMO_SELLERS.lazadaSg.account;

async function admin(sandbox: Sandbox, method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await fetch(`${sandbox.url}/__admin/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, value: (await response.json()) as Record<string, unknown> };
}

describe('/__admin/ HTTP API', () => {
  it('GET log returns the request log, without secrets, codes or tokens', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const code = sandbox.issueCode(LAZADA, account);
    const grant = (await call('create', { appKey: LAZADA, credential: code })).json();
    const { status, value } = await admin(sandbox, 'GET', 'log');
    expect(status).toBe(200);
    expect(value.entries).toEqual([
      {
        time: expect.any(Number),
        endpoint: 'token.create',
        method: 'POST',
        appKey: LAZADA,
        outcome: '0',
        httpStatus: 200,
        latencyMs: expect.any(Number),
        requestId: grant.request_id,
      },
    ]);
    const text = JSON.stringify(value);
    for (const secretThing of [
      sandbox.credentials(LAZADA).appSecret,
      code,
      grant.access_token,
      grant.refresh_token,
    ]) {
      expect(text).not.toContain(String(secretThing));
    }
  });

  it('POST log/clear empties the log', async () => {
    const { sandbox, call } = await sandboxWithClock();
    await call('create', { appKey: LAZADA, credential: 'x' });
    await admin(sandbox, 'POST', 'log/clear');
    expect(sandbox.log).toEqual([]);
  });

  it('POST faults sets a standing fault, queues failNext, and clears', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const set = await admin(sandbox, 'POST', 'faults', {
      endpoint: 'token.create',
      latencyMs: 5,
      fail: 'serviceTimeout',
    });
    expect(set.value).toEqual({
      standing: { 'token.create': { latencyMs: 5, fail: 'serviceTimeout' } },
      queued: {},
    });
    expect((await call('create', { appKey: LAZADA, credential: 'x' })).json().code).toBe('ServiceTimeout');

    await admin(sandbox, 'POST', 'faults', { endpoint: 'token.refresh', failNext: 2, kind: 'drop' });
    expect(sandbox.faults.queued).toEqual({ 'token.refresh': [{ kind: 'drop', remaining: 2 }] });

    await admin(sandbox, 'POST', 'faults', { clear: true });
    expect((await admin(sandbox, 'GET', 'faults')).value).toEqual({ standing: {}, queued: {} });
  });

  it.each([
    [{ endpoint: 'token.nope', fail: 'drop' }],
    [{ endpoint: 'token.create', fail: 'explode' }],
    [{ endpoint: 'token.create', failNext: 'two', kind: 'drop' }],
    [{ endpoint: 'token.create', latencyMs: -1 }],
    [[1, 2]],
  ])('POST faults answers 400 for %j and changes nothing', async (body) => {
    const { sandbox } = await sandboxWithClock();
    const answer = await admin(sandbox, 'POST', 'faults', body);
    expect(answer.status).toBe(400);
    expect(answer.value.error).toEqual(expect.any(String));
    expect(sandbox.faults).toEqual({ standing: {}, queued: {} });
  });

  it('POST config changes lifetimes at runtime; GET config reads them', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const changed = await admin(sandbox, 'POST', 'config', { accessTtlSeconds: 60, refreshTtlSeconds: 120 });
    expect(changed.value).toMatchObject({ accessTtlSeconds: 60, refreshTtlSeconds: 120 });
    expect((await admin(sandbox, 'GET', 'config')).value).toEqual(sandbox.config);
    const grant = (
      await call('create', { appKey: LAZADA, credential: sandbox.issueCode(LAZADA, account) })
    ).json();
    expect([grant.expires_in, grant.refresh_expires_in]).toEqual([60, 120]);
  });

  it.each([
    [{ accessTtlSeconds: 0 }],
    [{ accessTtlSeconds: '60' }],
    [{ refreshDisabled: 'yes' }],
    [{ countryListName: 'countries' }],
    [{ rateLimitPerSecond: -5 }],
    [{ appSecret: 'x' }],
  ])('POST config answers 400 for %j and changes nothing', async (body) => {
    const { sandbox } = await sandboxWithClock();
    const answer = await admin(sandbox, 'POST', 'config', body);
    expect(answer.status).toBe(400);
    expect(sandbox.config).toEqual(DEFAULT_CONFIG);
  });

  it('POST reset restores the starting config, clears faults and the log, and keeps grants', async () => {
    const { sandbox, call } = await sandboxWithClock({ accessTtlSeconds: 600 });
    const grant = (
      await call('create', { appKey: LAZADA, credential: sandbox.issueCode(LAZADA, account) })
    ).json();
    sandbox.configure({ accessTtlSeconds: 5, refreshDisabled: true });
    sandbox.setFaults('token.refresh', { fail: 'http500' });
    await admin(sandbox, 'POST', 'reset');
    expect(sandbox.config).toEqual({ ...DEFAULT_CONFIG, accessTtlSeconds: 600 });
    expect(sandbox.faults).toEqual({ standing: {}, queued: {} });
    expect(sandbox.log).toEqual([]);
    expect(
      (await call('refresh', { appKey: LAZADA, credential: String(grant.refresh_token) })).json().code,
    ).toBe('0');
  });

  it('POST expire-code makes a pending code too old', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const code = sandbox.issueCode(LAZADA, account);
    expect((await admin(sandbox, 'POST', 'expire-code', { code })).value).toEqual({ expired: true });
    expect((await call('create', { appKey: LAZADA, credential: code })).json().code).toBe('InvalidCode');
    expect((await admin(sandbox, 'POST', 'expire-code', {})).status).toBe(400);
  });

  it('answers 404 for an unknown route and 400 for a body that is not JSON', async () => {
    const { sandbox } = await sandboxWithClock();
    expect((await admin(sandbox, 'GET', 'nothing')).status).toBe(404);
    const response = await fetch(`${sandbox.url}/__admin/config`, { method: 'POST', body: '{oops' });
    expect(response.status).toBe(400);
  });
});

describe('in-process API', () => {
  it('lists the demo apps with both callback URLs, and extra apps with {sandbox} filled in', async () => {
    const { sandbox } = await sandboxWithClock({
      apps: [
        {
          appKey: '7',
          appSecret: 's',
          platform: 'aliexpress',
          name: 'Extra',
          callbackUrls: ['{sandbox}/cb'],
        },
      ],
    });
    expect(sandbox.apps.map((app) => [app.appKey, app.platform])).toEqual([
      ['100001', 'lazada'],
      ['500001', 'aliexpress'],
      ['7', 'aliexpress'],
    ]);
    for (const app of sandbox.apps.slice(0, 2)) {
      expect(app.callbackUrls).toEqual([
        'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org/',
        `${sandbox.url}/callback`,
      ]);
    }
    expect(sandbox.apps[2]?.callbackUrls).toEqual([`${sandbox.url}/cb`]);
  });

  it('hands out copies: changing what a getter returned changes nothing', async () => {
    const { sandbox } = await sandboxWithClock();
    sandbox.apps[0]?.callbackUrls.push('https://evil.example/');
    const config = sandbox.config;
    config.accessTtlSeconds = 1;
    expect(sandbox.apps[0]?.callbackUrls).toHaveLength(2);
    expect(sandbox.config.accessTtlSeconds).toBe(DEFAULT_CONFIG.accessTtlSeconds);
  });

  it('refuses bad options at start and a bad runtime config', async () => {
    const { sandbox } = await sandboxWithClock();
    expect(() => sandbox.configure({ codeTtlSeconds: 0 })).toThrow(/codeTtlSeconds/);
    await expect(sandboxWithClock({ refreshTtlSeconds: -1 })).rejects.toThrow(/refreshTtlSeconds/);
    expect(() =>
      sandbox.registerApp({
        appKey: 'x',
        appSecret: 's',
        platform: 'lazada',
        name: 'X',
        callbackUrls: ['not a url'],
      }),
    ).toThrow(/callback URL/);
  });

  it('issueCode refuses a seller of another platform or another venture', async () => {
    const { sandbox } = await sandboxWithClock();
    expect(() => sandbox.issueCode(LAZADA, DEMO_SELLERS.aliexpress.account)).toThrow();
    expect(() => sandbox.issueCode(LAZADA, account, 'my')).toThrow();
    expect(sandbox.issueCode(LAZADA, account, 'sg')).toMatch(/^0_100001_/);
  });

  it('keeps only the newest logLimit entries', async () => {
    const { sandbox, call } = await sandboxWithClock({ logLimit: 3 });
    for (let i = 0; i < 8; i += 1) await call('create', { appKey: LAZADA, credential: `c${i}` });
    expect(sandbox.log).toHaveLength(3);
  });

  it('serves only 127.0.0.1 and closes with keep-alive connections open', async () => {
    const { sandbox } = await sandboxWithClock();
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
    await fetch(`${sandbox.url}/`);
    await sandbox.close();
    await expect(fetch(`${sandbox.url}/`)).rejects.toThrow();
  });
});
