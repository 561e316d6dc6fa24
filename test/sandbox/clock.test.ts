/**
 * The sandbox's injectable clock: its time stamps grants and deadlines, and its waits (scripted latency,
 * delayed answers) run on it, so a simulation can move days in milliseconds.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_LAZADA_APP_KEY, DEMO_SELLERS, type SandboxClock } from '../../sandbox/index';
import { sandboxWithClock, tokenCall } from './support';

const LAZADA = DEMO_LAZADA_APP_KEY;
const account = DEMO_SELLERS.lazadaSg.account;
const HOUR = 3_600_000;
const LONG_WAIT = 20 * 60_000;

/** Virtual time: a wait moves the clock at once and is recorded. */
function jumpingClock(start = Date.UTC(2025, 0, 6, 9)) {
  const waits: number[] = [];
  const clock: SandboxClock & { time: number } = {
    time: start,
    now: () => clock.time,
    sleep: async (ms) => {
      waits.push(ms);
      clock.time += ms;
    },
  };
  return { clock, waits };
}

describe('the sandbox clock', () => {
  it('runs scripted latency on the clock: twenty minutes pass without waiting for them', async () => {
    const { clock, waits } = jumpingClock();
    const { sandbox } = await sandboxWithClock({ clock });
    sandbox.setFaults('token.create', { latencyMs: LONG_WAIT });
    const sentAt = clock.now();
    const started = performance.now();
    const answer = await tokenCall(sandbox, 'create', {
      appKey: LAZADA,
      credential: sandbox.issueCode(LAZADA, account),
      timestamp: sentAt,
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(waits).toEqual([LONG_WAIT]);

    // Processed after the wait: the access token's life counts from then.
    const grant = answer.json();
    expect(grant.expires_in).toBe(sandbox.config.accessTtlSeconds);
    const live = sandbox.inspectAccessToken(String(grant.access_token));
    expect(live?.accessExpiresAt).toBe(sentAt + LONG_WAIT + sandbox.config.accessTtlSeconds * 1000);
    expect(sandbox.log.at(-1)?.time).toBe(sentAt);
  });

  it('expires codes and refresh deadlines by the clock', async () => {
    const { clock } = jumpingClock();
    const { sandbox } = await sandboxWithClock({ clock, refreshTtlSeconds: 3600, codeTtlSeconds: 60 });
    const stale = sandbox.issueCode(LAZADA, account);
    const code = sandbox.issueCode(LAZADA, account);
    const create = (credential: string) =>
      tokenCall(sandbox, 'create', { appKey: LAZADA, credential, timestamp: clock.now() });
    const grant = (await create(code)).json();
    clock.time += 61_000;
    expect((await create(stale)).json().code).toBe('InvalidCode');

    clock.time += HOUR;
    const refreshed = await tokenCall(sandbox, 'refresh', {
      appKey: LAZADA,
      credential: String(grant.refresh_token),
      timestamp: clock.now(),
    });
    expect(refreshed.json().code).toBe('IllegalRefreshToken');
  });

  it('tells a wait that the client left, so a request waiting out its latency is not processed', async () => {
    const signals: AbortSignal[] = [];
    // A clock on which time stands still: only the client leaving ends the wait.
    const clock: SandboxClock = {
      now: () => Date.UTC(2025, 0, 6, 9),
      sleep: (_ms, signal) =>
        new Promise((resolve) => {
          if (signal) signals.push(signal);
          signal?.addEventListener('abort', () => resolve());
        }),
    };
    const { sandbox } = await sandboxWithClock({ clock });
    sandbox.setFaults('token.create', { latencyMs: 1000 });
    const code = sandbox.issueCode(LAZADA, account);
    const leave = new AbortController();
    const pending = tokenCall(sandbox, 'create', {
      appKey: LAZADA,
      credential: code,
      timestamp: clock.now(),
      signal: leave.signal,
    });
    await expect.poll(() => signals.length).toBe(1);
    leave.abort();
    await expect(pending).rejects.toThrow();
    await expect.poll(() => sandbox.log.at(-1)?.outcome).toBe('aborted');
    expect(signals[0]?.aborted).toBe(true);

    sandbox.clearFaults();
    const answer = await tokenCall(sandbox, 'create', {
      appKey: LAZADA,
      credential: code,
      timestamp: clock.now(),
    });
    expect(answer.json().code).toBe('0');
  });
});
