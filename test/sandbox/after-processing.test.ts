/**
 * `after_processing`: the gateway acts on a token call (a code redeemed, a pair rotated), then its answer
 * is lost, dropped with the connection or sent after the client gave up. The one fault in which the
 * platform's state moves on while the client learns nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  type AfterProcessing,
  DEMO_LAZADA_APP_KEY,
  DEMO_SELLERS,
  type Sandbox,
  SandboxInputError,
  type TokenEndpoint,
} from '../../sandbox/index';
import { resolveEndpoints } from '../../src/platforms/descriptors';
import { createTokenClient } from '../../src/platforms/token-client';
import { sandboxWithClock, type TokenCaller } from './support';

const LAZADA = DEMO_LAZADA_APP_KEY;
const account = DEMO_SELLERS.lazadaSg.account;

async function connected() {
  const context = await sandboxWithClock();
  const code = context.sandbox.issueCode(LAZADA, account);
  const grant = (await context.call('create', { appKey: LAZADA, credential: code })).json();
  return { ...context, grant };
}

const refresh = (call: TokenCaller, token: unknown, signal?: AbortSignal) =>
  call('refresh', { appKey: LAZADA, credential: String(token), ...(signal ? { signal } : {}) });

describe('after_processing: drop', () => {
  it('rotates the pair, then closes the connection without an answer', async () => {
    const { sandbox, call, grant } = await connected();
    sandbox.afterProcessingNext('token.refresh', 1, { mode: 'drop' });

    await expect(refresh(call, grant.refresh_token)).rejects.toThrow(TypeError);

    expect(sandbox.log.at(-1)).toMatchObject({
      endpoint: 'token.refresh',
      outcome: '0',
      afterProcessing: 'dropped',
    });
    expect(sandbox.log.at(-1)?.httpStatus).toBeUndefined();
    // Processed: the pair the client still holds is spent, the access token with it.
    expect((await refresh(call, grant.refresh_token)).json().code).toBe('IllegalRefreshToken');
    expect(sandbox.inspectAccessToken(String(grant.access_token))).toBeUndefined();
    expect(sandbox.faults.queuedAfterProcessing).toBeUndefined();
  });

  it('redeems the code of a dropped create, so the same code cannot be exchanged again', async () => {
    const { sandbox, call } = await sandboxWithClock();
    const code = sandbox.issueCode(LAZADA, account);
    sandbox.setFaults('token.create', { afterProcessing: { mode: 'drop' } });
    await expect(call('create', { appKey: LAZADA, credential: code })).rejects.toThrow(TypeError);
    sandbox.clearFaults();
    expect((await call('create', { appKey: LAZADA, credential: code })).json().code).toBe('InvalidCode');
  });

  it('is spent only by a processed request: a queued failure goes first and consumes nothing', async () => {
    const { sandbox, call, grant } = await connected();
    sandbox.failNext('token.refresh', 1, 'http500');
    sandbox.afterProcessingNext('token.refresh', 1, { mode: 'drop' });

    expect((await refresh(call, grant.refresh_token)).status).toBe(500);
    expect(sandbox.faults.queuedAfterProcessing).toEqual({
      'token.refresh': [{ after: { mode: 'drop' }, remaining: 1 }],
    });
    await expect(refresh(call, grant.refresh_token)).rejects.toThrow(TypeError);
    expect(sandbox.log.map((entry) => entry.afterProcessing ?? entry.outcome)).toEqual([
      '0',
      'http500',
      'dropped',
    ]);
  });
});

describe('after_processing: strip_identity', () => {
  it('rotates and answers with both tokens and their lifetimes, but nothing about the seller', async () => {
    const { sandbox, call, grant } = await connected();
    sandbox.afterProcessingNext('token.refresh', 1, { mode: 'strip_identity' });
    const answer = (await refresh(call, grant.refresh_token)).json();
    expect(Object.keys(answer).sort()).toEqual(
      ['access_token', 'code', 'expires_in', 'refresh_expires_in', 'refresh_token', 'request_id'].sort(),
    );
    expect(sandbox.log.at(-1)).toMatchObject({ outcome: '0', afterProcessing: 'identity_stripped' });
    expect((await refresh(call, answer.refresh_token)).json().code).toBe('0');
  });

  it("is what the extension's client still reads as a refreshed pair", async () => {
    const { sandbox, clock, grant } = await connected();
    sandbox.afterProcessingNext('token.refresh', 1, { mode: 'strip_identity' });
    const credentials = sandbox.credentials(LAZADA);
    const app = { ...credentials, endpoints: resolveEndpoints(credentials.platform, credentials.endpoints) };
    const client = createTokenClient({ clock: { now: () => clock.now } });
    const tokens = await client.refresh(app, String(grant.refresh_token));
    expect(tokens.refreshToken).toMatch(/^50001/);
    expect(tokens.accessExpiresAt).toBeGreaterThan(clock.now);
  });
});

describe('after_processing: delay_ms', () => {
  it('sends the answer late to a client that waits, and logs it as delayed', async () => {
    const { sandbox, call, grant } = await connected();
    sandbox.afterProcessingNext('token.refresh', 1, { mode: 'delay_ms', delayMs: 150 });
    const started = performance.now();
    const answer = (await refresh(call, grant.refresh_token)).json();
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(answer.code).toBe('0');
    expect(sandbox.inspectAccessToken(String(answer.access_token))).toBeDefined();
    expect(sandbox.log.at(-1)).toMatchObject({ outcome: '0', afterProcessing: 'delayed', httpStatus: 200 });
  });

  it('has rotated the pair already when a client that gave up comes back with the old one', async () => {
    const { sandbox, call, grant } = await connected();
    sandbox.afterProcessingNext('token.refresh', 1, { mode: 'delay_ms', delayMs: 400 });
    const giveUp = new AbortController();
    setTimeout(() => giveUp.abort(), 80);
    await expect(refresh(call, grant.refresh_token, giveUp.signal)).rejects.toThrow();

    // The rotation happened before the wait: the old refresh token is refused at once.
    expect((await refresh(call, grant.refresh_token)).json().code).toBe('IllegalRefreshToken');
    await new Promise((resolve) => setTimeout(resolve, 450));
    const lost = sandbox.log.find((entry) => entry.afterProcessing !== undefined);
    expect(lost).toMatchObject({ outcome: '0', afterProcessing: 'client_left' });
    expect(lost?.httpStatus).toBeUndefined();
  });

  it('a refresh answer slower than the client timeout is still received: the sent refresh is never aborted', async () => {
    let now = Date.UTC(2025, 0, 6, 9);
    const timers: { at: number; fire: () => void }[] = [];
    // One clock for both sides: the sandbox's delay moves it past the client's create timeout.
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
        for (const timer of timers.splice(0).filter((t) => t.at <= now)) timer.fire();
      },
      startTimer: (fire: () => void, ms: number) => {
        const timer = { at: now + ms, fire };
        timers.push(timer);
        return () => timers.splice(timers.indexOf(timer) >>> 0, 1);
      },
    };
    const { sandbox } = await sandboxWithClock({ clock });
    const credentials = sandbox.credentials(LAZADA);
    const app = { ...credentials, endpoints: resolveEndpoints(credentials.platform, credentials.endpoints) };
    const client = createTokenClient({ clock, startTimer: clock.startTimer, timeoutMs: 15_000 });
    const first = await client.create(app, sandbox.issueCode(LAZADA, account));

    sandbox.afterProcessingNext('token.refresh', 1, { mode: 'delay_ms', delayMs: 20_000 });
    const started = performance.now();
    const rotated = await client.refresh(app, first.refreshToken);
    // Twenty seconds passed on the clock, not on the wall, and the answer still arrived.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(now - Date.UTC(2025, 0, 6, 9)).toBeGreaterThanOrEqual(20_000);
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect(sandbox.inspectAccessToken(first.accessToken)).toBeUndefined();
    expect(sandbox.inspectAccessToken(rotated.accessToken)).toBeDefined();
  });
});

describe('after_processing: scripting', () => {
  it.each<[string, (sandbox: Sandbox) => void]>([
    [
      'the authorize page',
      (sandbox) => sandbox.setFaults('authorize', { afterProcessing: { mode: 'drop' } }),
    ],
    [
      'the authorize page, queued',
      (sandbox) => sandbox.afterProcessingNext('authorize' as TokenEndpoint, 1, { mode: 'drop' }),
    ],
    [
      'an unknown mode',
      (sandbox) =>
        sandbox.afterProcessingNext('token.refresh', 1, { mode: 'explode' } as unknown as AfterProcessing),
    ],
    [
      'a negative delay',
      (sandbox) => sandbox.afterProcessingNext('token.refresh', 1, { mode: 'delay_ms', delayMs: -1 }),
    ],
    ['a fractional count', (sandbox) => sandbox.afterProcessingNext('token.create', 1.5, { mode: 'drop' })],
  ])('refuses %s and changes nothing', async (_what, script) => {
    const { sandbox } = await sandboxWithClock();
    expect(() => script(sandbox)).toThrow(SandboxInputError);
    expect(sandbox.faults).toEqual({ standing: {}, queued: {} });
  });

  it('can be scripted over the admin API, standing or queued, and reset clears it', async () => {
    const { sandbox } = await sandboxWithClock();
    const post = (body: unknown) =>
      fetch(`${sandbox.url}/__admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (await post({ endpoint: 'token.refresh', afterProcessing: { mode: 'delay_ms', delayMs: 20000 } }))
        .status,
    ).toBe(200);
    expect(
      (await post({ endpoint: 'token.create', afterProcessingNext: 2, afterProcessing: { mode: 'drop' } }))
        .status,
    ).toBe(200);
    expect(sandbox.faults).toEqual({
      standing: { 'token.refresh': { afterProcessing: { mode: 'delay_ms', delayMs: 20000 } } },
      queued: {},
      queuedAfterProcessing: { 'token.create': [{ after: { mode: 'drop' }, remaining: 2 }] },
    });
    const refused = await post({
      endpoint: 'authorize',
      afterProcessingNext: 1,
      afterProcessing: { mode: 'drop' },
    });
    expect(refused.status).toBe(400);
    expect((await post({ endpoint: 'token.create', afterProcessing: { mode: 'later' } })).status).toBe(400);
    sandbox.reset();
    expect(sandbox.faults).toEqual({ standing: {}, queued: {} });
  });
});
