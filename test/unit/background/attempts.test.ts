import { describe, expect, it } from 'vitest';
import type { ConnectAttempt } from '../../../src/shared/model';
import { approveWith, createHarness, IDENTITY_CALLBACK, seller } from './harness';

function leftBehind(overrides: Partial<ConnectAttempt> = {}): ConnectAttempt {
  return {
    id: 'attempt-of-a-dead-worker',
    appId: 'app-x',
    state: 'a-state-nobody-may-see-0000000000',
    redirectUri: IDENTITY_CALLBACK,
    countries: [],
    phase: 'waiting_for_login',
    startedAt: 0,
    ...overrides,
  };
}

describe('interrupted attempts', () => {
  it.each(['waiting_for_login', 'exchanging'] as const)(
    'an attempt left %s by a dead worker ends as attempt_expired on start',
    async (phase) => {
      const h = createHarness();
      await h.stores.attempts.put(leftBehind({ phase, startedAt: h.clock.now() - 1000 }));

      await h.worker.onStartup();

      const attempt = await h.stores.attempts.latest();
      expect(attempt).toMatchObject({
        phase: 'failed',
        finishedAt: h.clock.now(),
        error: { code: 'attempt_expired' },
      });
      expect(attempt?.error?.message).toBe('The login was interrupted. Try again.');
      expect(h.stores.activity.entries).toEqual([
        expect.objectContaining({ kind: 'connect_failed', errorCode: 'attempt_expired' }),
      ]);
    },
  );

  it('leaves a finished attempt as it was', async () => {
    const h = createHarness();
    await h.stores.attempts.put(leftBehind({ phase: 'succeeded', grantId: 'g1', finishedAt: 5 }));
    await h.worker.catchUp();
    expect(await h.stores.attempts.latest()).toMatchObject({
      phase: 'succeeded',
      grantId: 'g1',
      finishedAt: 5,
    });
    expect(h.stores.activity.entries).toEqual([]);
  });

  it('does not block a new connect: the stale attempt is expired and the login runs', async () => {
    const h = createHarness();
    const app = await h.addApp();
    await h.stores.attempts.put(leftBehind({ appId: app.id, startedAt: h.clock.now() }));
    h.tokens.addCode('c1', seller('alice@shop.sg', '1'));
    h.windows.identity.script = approveWith('c1');
    expect(await h.send('connect.start', { appId: app.id })).toMatchObject({ phase: 'succeeded' });
  });

  it('connect.status reports an interrupted attempt as expired, without its state', async () => {
    const h = createHarness();
    await h.stores.attempts.put(leftBehind());
    const status = await h.send('connect.status');
    expect(status).toMatchObject({ phase: 'failed', error: { code: 'attempt_expired' } });
    expect(status).not.toHaveProperty('state');
    expect(JSON.stringify(status)).not.toContain('a-state-nobody-may-see');
  });

  it('connect.status is null with no attempt; dismiss forgets a finished one', async () => {
    const h = createHarness();
    expect(await h.send('connect.status')).toBeNull();
    await h.stores.attempts.put(leftBehind({ phase: 'failed', finishedAt: 1 }));
    expect(await h.send('connect.dismiss')).toBeNull();
    expect(await h.send('connect.status')).toBeNull();
  });

  it('dismiss leaves a login that is still running alone', async () => {
    const h = createHarness();
    const app = await h.addApp();
    let opened = false;
    h.windows.identity.script = () => {
      opened = true;
      return new Promise<string>(() => {});
    };
    void h.send('connect.start', { appId: app.id });
    while (!opened) await new Promise((resolve) => setTimeout(resolve, 0));
    await h.send('connect.dismiss');
    expect(await h.send('connect.status')).toMatchObject({ phase: 'waiting_for_login' });
  });

  it('a login that outlives the flow timeout ends as attempt_expired and frees the next connect', async () => {
    const h = createHarness({ flowTimeoutMs: 20 });
    const app = await h.addApp();
    h.windows.identity.script = () => new Promise<string>(() => {});
    const attempt = await h.send('connect.start', { appId: app.id });
    expect(attempt).toMatchObject({ phase: 'failed', error: { code: 'attempt_expired' } });
    // The window is told, so a login tab gets closed.
    expect(h.windows.identity.opened[0]?.signal.reason).toMatchObject({ code: 'attempt_expired' });
    expect(h.stores.grants.all()).toEqual([]);
    h.tokens.addCode('c1', seller('alice@shop.sg', '1'));
    h.windows.identity.script = approveWith('c1');
    expect(await h.send('connect.start', { appId: app.id })).toMatchObject({ phase: 'succeeded' });
  });
});
