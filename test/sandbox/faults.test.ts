import { describe, expect, it } from 'vitest';
import {
  DEMO_ALIEXPRESS_APP_KEY,
  DEMO_LAZADA_APP_KEY,
  DEMO_SELLERS,
  type FaultKind,
  SandboxInputError,
} from '../../sandbox/index';
import { authorizeUrl, sandboxWithClock } from './support';

const LAZADA = DEMO_LAZADA_APP_KEY;
const account = DEMO_SELLERS.lazadaSg.account;

describe('scripted faults on the token endpoints', () => {
  it.each<[FaultKind, (answer: { status: number; contentType: string; text: string }) => void]>([
    [
      'http500',
      (answer) => {
        expect(answer.status).toBe(500);
        expect(answer.contentType).toMatch(/^text\/html/);
        expect(answer.text).toContain('500 Internal Server Error');
      },
    ],
    [
      'html',
      (answer) => {
        expect(answer.status).toBe(200);
        expect(answer.contentType).toMatch(/^text\/html/);
        expect(answer.text).toMatch(/^<!DOCTYPE html>/);
      },
    ],
    [
      'malformedJson',
      (answer) => {
        expect(answer.status).toBe(200);
        expect(answer.contentType).toMatch(/^application\/json/);
        expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
      },
    ],
    [
      'apiCallLimit',
      (answer) => {
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.text)).toMatchObject({
          code: 'ApiCallLimit',
          message: expect.stringContaining('this ban will last 1 seconds'),
          request_id: expect.any(String),
        });
      },
    ],
    [
      'serviceTimeout',
      (answer) => {
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.text)).toMatchObject({ type: 'ISP', code: 'ServiceTimeout' });
      },
    ],
  ])('%s answers as scripted and consumes nothing', async (kind, expectAnswer) => {
    const { sandbox, call } = await sandboxWithClock();
    const code = sandbox.issueCode(LAZADA, account);
    sandbox.setFaults('token.create', { fail: kind });
    expectAnswer(await call('create', { appKey: LAZADA, credential: code }));
    expectAnswer(await call('create', { appKey: LAZADA, credential: code }));
    expect(sandbox.log.at(-1)).toMatchObject({ endpoint: 'token.create', appKey: LAZADA, outcome: kind });

    sandbox.clearFaults();
    expect((await call('create', { appKey: LAZADA, credential: code })).json().code).toBe('0');
  });

  it('drop closes the connection without an answer, and consumes nothing', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const code = sandbox.issueCode(LAZADA, account);
    sandbox.setFaults('token.create', { fail: 'drop' });
    await expect(call('create', { appKey: LAZADA, credential: code })).rejects.toThrow(TypeError);
    expect(sandbox.log.at(-1)?.outcome).toBe('drop');
    sandbox.clearFaults();
    expect((await call('create', { appKey: LAZADA, credential: code })).json().code).toBe('0');
  });

  it('failNext fails exactly the next n requests, in the order queued, then answers normally', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const code = sandbox.issueCode(LAZADA, account);
    sandbox.failNext('token.create', 2, 'serviceTimeout');
    sandbox.failNext('token.create', 1, 'http500');
    expect(sandbox.faults.queued['token.create']).toEqual([
      { kind: 'serviceTimeout', remaining: 2 },
      { kind: 'http500', remaining: 1 },
    ]);
    const outcomes: (string | number)[] = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await call('create', { appKey: LAZADA, credential: code });
      outcomes.push(answer.status === 500 ? 500 : String(answer.json().code));
    }
    expect(outcomes).toEqual(['ServiceTimeout', 'ServiceTimeout', 500, '0']);
    expect(sandbox.faults.queued).toEqual({});
  });

  it('failNext wins over a standing fault, which resumes afterwards', async () => {
    const { sandbox, call } = await sandboxWithClock();
    sandbox.setFaults('token.create', { fail: 'apiCallLimit' });
    sandbox.failNext('token.create', 1, 'serviceTimeout');
    const codes = [];
    for (let i = 0; i < 2; i += 1)
      codes.push((await call('create', { appKey: LAZADA, credential: 'x' })).json().code);
    expect(codes).toEqual(['ServiceTimeout', 'ApiCallLimit']);
  });

  it('keeps faults to their endpoint', async () => {
    const { sandbox, call } = await sandboxWithClock();
    sandbox.failNext('token.refresh', 1, 'http500');
    const code = sandbox.issueCode(LAZADA, account);
    const grant = (await call('create', { appKey: LAZADA, credential: code })).json();
    expect(grant.code).toBe('0');
    const refreshed = await call('refresh', { appKey: LAZADA, credential: String(grant.refresh_token) });
    expect(refreshed.status).toBe(500);
    // The refresh token was not rotated by the failed call.
    const retried = await call('refresh', { appKey: LAZADA, credential: String(grant.refresh_token) });
    expect(retried.json().code).toBe('0');
  });

  it('applies to the authorize page too', async () => {
    const { sandbox } = await sandboxWithClock();
    sandbox.failNext('authorize', 1, 'http500');
    const url = authorizeUrl(sandbox, {
      response_type: 'code',
      client_id: LAZADA,
      redirect_uri: sandbox.endpoints.callbackUrl,
    });
    expect((await fetch(url)).status).toBe(500);
    expect((await fetch(url)).status).toBe(200);
  });

  it('rejects unknown endpoints, kinds and counts without changing anything', () => {
    return sandboxWithClock().then(({ sandbox }) => {
      expect(() => sandbox.setFaults('token.create', { fail: 'explode' as FaultKind })).toThrow(
        SandboxInputError,
      );
      expect(() => sandbox.failNext('token.nope' as 'token.create', 1, 'drop')).toThrow(SandboxInputError);
      expect(() => sandbox.failNext('token.create', -1, 'drop')).toThrow(SandboxInputError);
      expect(() => sandbox.setFaults('authorize', { latencyMs: 1.5 })).toThrow(SandboxInputError);
      expect(sandbox.faults).toEqual({ standing: {}, queued: {} });
    });
  });
});

describe('latency', () => {
  it('delays the answer and logs the time spent', async () => {
    const { sandbox, call } = await sandboxWithClock();
    sandbox.setFaults('token.create', { latencyMs: 150 });
    const code = sandbox.issueCode(LAZADA, account);
    const started = performance.now();
    expect((await call('create', { appKey: LAZADA, credential: code })).json().code).toBe('0');
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(sandbox.log.at(-1)?.latencyMs).toBeGreaterThanOrEqual(145);
  });

  it('consumes nothing when the client leaves during the delay (a worker killed mid-request)', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const grant = (
      await call('create', { appKey: LAZADA, credential: sandbox.issueCode(LAZADA, account) })
    ).json();
    const code = sandbox.issueCode(LAZADA, account);
    sandbox.setFaults('token.create', { latencyMs: 300 });
    sandbox.setFaults('token.refresh', { latencyMs: 300 });
    sandbox.failNext('token.refresh', 1, 'http500');

    const abandon = async (operation: 'create' | 'refresh', credential: string) => {
      const controller = new AbortController();
      const pending = call(operation, { appKey: LAZADA, credential, signal: controller.signal });
      setTimeout(() => controller.abort(), 60);
      await expect(pending).rejects.toThrow();
    };
    await abandon('create', code);
    await abandon('refresh', String(grant.refresh_token));
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(sandbox.log.slice(-2).map((entry) => entry.outcome)).toEqual(['aborted', 'aborted']);
    // The queued failure was not spent either: it hits the next processed refresh.
    expect(sandbox.faults.queued['token.refresh']).toEqual([{ kind: 'http500', remaining: 1 }]);
    sandbox.clearFaults();
    expect((await call('create', { appKey: LAZADA, credential: code })).json().code).toBe('0');
    expect(
      (await call('refresh', { appKey: LAZADA, credential: String(grant.refresh_token) })).json().code,
    ).toBe('0');
  });
});

describe('rate limit', () => {
  it('answers ApiCallLimit beyond rateLimitPerSecond per app, and lets calls through the next second', async () => {
    const { sandbox, call, clock } = await sandboxWithClock({ rateLimitPerSecond: 3 });
    clock.now = Math.floor(clock.now / 1000) * 1000;
    const codes: unknown[] = [];
    for (let i = 0; i < 4; i += 1) {
      codes.push(
        (await call('create', { appKey: LAZADA, credential: sandbox.issueCode(LAZADA, account) })).json()
          .code,
      );
    }
    expect(codes).toEqual(['0', '0', '0', 'ApiCallLimit']);

    // Another app has its own budget.
    const aeCode = sandbox.issueCode(DEMO_ALIEXPRESS_APP_KEY, DEMO_SELLERS.aliexpress.account);
    expect((await call('create', { appKey: DEMO_ALIEXPRESS_APP_KEY, credential: aeCode })).json().code).toBe(
      '0',
    );

    clock.advance(1000);
    const next = await call('create', { appKey: LAZADA, credential: sandbox.issueCode(LAZADA, account) });
    expect(next.json().code).toBe('0');
  });

  it('keeps the refused call from consuming its code', async () => {
    const { sandbox, call, clock } = await sandboxWithClock({ rateLimitPerSecond: 1 });
    clock.now = Math.floor(clock.now / 1000) * 1000;
    await call('create', { appKey: LAZADA, credential: 'whatever' });
    const code = sandbox.issueCode(LAZADA, account);
    expect((await call('create', { appKey: LAZADA, credential: code })).json().code).toBe('ApiCallLimit');
    clock.advance(1000);
    expect((await call('create', { appKey: LAZADA, credential: code })).json().code).toBe('0');
  });

  it('is off by default', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        call('create', { appKey: LAZADA, credential: sandbox.issueCode(LAZADA, account) }),
      ),
    );
    expect(answers.every((answer) => answer.json().code === '0')).toBe(true);
  });
});
