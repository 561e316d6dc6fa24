import { describe, expect, it } from 'vitest';
import { NEVER_DUE } from '../../../src/grants/model';
import { refreshGrant, refreshLockName } from '../../../src/grants/refresh-grant';
import { createMemoryRefreshJournal, replayRefreshJournal } from '../../../src/grants/refresh-journal';
import { SellerAuthError } from '../../../src/shared/errors';
import type { Settings } from '../../../src/shared/model';
import { APP_ID, DAY, MINUTE } from '../../support/builders';
import { connectSeller, makeWorld, storedGrant, type World } from './fixtures';

/** Seller 1 connected at T0 with the fake server's default lifetimes, clock moved to its refresh time. */
async function dueWorld(
  settings: Partial<Settings> = {},
): Promise<{ world: World; id: string; firstRefreshToken: string }> {
  const world = makeWorld({ settings });
  const grant = await connectSeller(world, 1);
  await world.clock.advanceTo(grant.dueAt);
  return { world, id: grant.id, firstRefreshToken: grant.refreshToken };
}

function scheduled(world: World) {
  return { reason: 'scheduled' as const, requestedAt: world.clock.now() };
}

function manual(world: World) {
  return { reason: 'manual' as const, requestedAt: world.clock.now() };
}

describe('refreshGrant', () => {
  it('stores the rotated pair, the new expiry and the next due time, and logs it without tokens', async () => {
    const { world, id, firstRefreshToken } = await dueWorld();
    const outcome = await refreshGrant(world.deps, id, scheduled(world));
    expect(outcome.kind).toBe('refreshed');
    const stored = storedGrant(world, id);
    expect(stored.refreshToken).not.toBe(firstRefreshToken);
    expect(world.tokens.isLive(stored.refreshToken)).toBe(true);
    expect(stored.accessExpiresAt).toBe(world.clock.now() + 7 * DAY);
    expect(stored.lastRefreshedAt).toBe(world.clock.now());
    // Due again when 3 days of access are left (the default margin), jittered by up to 5 minutes.
    expect(stored.dueAt).toBeLessThanOrEqual(world.clock.now() + 4 * DAY);
    expect(stored.dueAt).toBeGreaterThanOrEqual(world.clock.now() + 4 * DAY - 5 * MINUTE);
    expect(stored.refreshStartedAt).toBeUndefined();
    expect(outcome.grant).toEqual(stored);
    expect(world.activity.entries).toMatchObject([{ kind: 'refreshed', grantId: id, appId: APP_ID }]);
    const logged = JSON.stringify(world.activity.entries);
    expect(logged).not.toContain('fake-refresh-token');
    expect(logged).not.toContain('fake-access-token');
  });

  it('never extends the refresh deadline', async () => {
    const { world, id } = await dueWorld();
    const deadline = storedGrant(world, id).refreshExpiresAt;
    for (let i = 0; i < 3; i++) {
      await refreshGrant(world.deps, id, manual(world));
      await world.clock.advance(DAY);
    }
    expect(storedGrant(world, id).refreshExpiresAt).toBe(deadline);
  });

  it('runs one refresh at a time per grant: two at once make ONE call, the second is skipped', async () => {
    const { world, id } = await dueWorld();
    world.tokens.latencyMs = 2000;
    const request = scheduled(world);
    const [first, second] = await world.clock.run(
      Promise.all([
        refreshGrant(world.deps, id, request),
        refreshGrant(world.deps, id, { ...request, reason: 'manual' }),
      ]),
    );
    expect(world.tokens.refreshTokensSent).toHaveLength(1);
    expect(world.tokens.maxInFlight).toBe(1);
    expect([first.kind, second.kind].sort()).toEqual(['refreshed', 'skipped']);
    expect(world.locks.granted.filter((name) => name === refreshLockName(id))).toHaveLength(2);
  });

  it('never sends a spent refresh token again', async () => {
    const { world, id } = await dueWorld({ reminderDays: [] });
    // Four weekly refreshes fit before the 30-day deadline.
    for (let cycle = 0; cycle < 4; cycle++) {
      await world.clock.advanceTo(storedGrant(world, id).dueAt);
      expect((await refreshGrant(world.deps, id, scheduled(world))).kind).toBe('refreshed');
    }
    const sent = world.tokens.refreshTokensSent;
    expect(sent).toHaveLength(4);
    expect(new Set(sent).size).toBe(4);
    for (const token of sent) expect(world.tokens.isLive(token)).toBe(false);
  });

  it('a lost answer after the server rotated ends honestly as interrupted, never as a revocation', async () => {
    const { world, id } = await dueWorld();
    const before = storedGrant(world, id);
    world.tokens.scriptRefresh({ loseAnswer: new SellerAuthError('network', 'The connection dropped.') });
    const outcome = await refreshGrant(world.deps, id, scheduled(world));
    expect(outcome.kind).toBe('failed');
    const after = storedGrant(world, id);
    expect(after.accessToken).toBe(before.accessToken);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(after).toMatchObject({ status: 'connected', failures: 1 });
    expect(after.lastError?.code).toBe('network');
    // The call may have reached the platform: its start stays as evidence for the next attempt.
    expect(after.refreshStartedAt).toBe(before.dueAt);
    // The server retired that token, and no answer can be had: the retry says what really happened.
    await world.clock.advanceTo(after.dueAt);
    const retry = await refreshGrant(world.deps, id, scheduled(world));
    expect(retry).toMatchObject({ kind: 'dead', error: { code: 'refresh_interrupted' } });
    expect(storedGrant(world, id)).toMatchObject({
      status: 'needs_authorization',
      dueAt: NEVER_DUE,
      lastError: { code: 'refresh_interrupted' },
    });
    expect(world.activity.entries.at(-1)).toMatchObject({
      kind: 'needs_authorization',
      errorCode: 'refresh_interrupted',
    });
  });

  it('calls an IllegalRefreshToken with no interrupted attempt before it a revocation', async () => {
    const { world, id } = await dueWorld();
    world.tokens.scriptRefresh({
      fail: new SellerAuthError('refresh_token_invalid', 'Revoked.', { platformCode: 'IllegalRefreshToken' }),
    });
    const outcome = await refreshGrant(world.deps, id, scheduled(world));
    expect(outcome).toMatchObject({ kind: 'dead', error: { code: 'refresh_token_invalid' } });
  });

  it('an answer slower than the wait is not thrown away: the caller hears pending, the pair is stored', async () => {
    const { world, id, firstRefreshToken } = await dueWorld();
    world.tokens.latencyMs = 40_000;
    const first = refreshGrant({ ...world.deps, waitMs: 15_000 }, id, manual(world));
    await world.clock.advance(15_000);
    const outcome = await first;
    expect(outcome).toMatchObject({ kind: 'pending', error: { code: 'refresh_pending', retryable: true } });
    expect(storedGrant(world, id).refreshToken).toBe(firstRefreshToken);
    // A second caller meanwhile waits for the lock: the spent token is never sent twice.
    const second = refreshGrant({ ...world.deps, waitMs: 60_000 }, id, manual(world));
    await world.clock.advance(25_000);
    const stored = storedGrant(world, id);
    expect(world.tokens.isLive(stored.refreshToken)).toBe(true);
    expect(stored).toMatchObject({ status: 'connected', refreshStartedAt: undefined });
    expect((await second).kind).toBe('skipped');
    expect(world.tokens.refreshTokensSent).toEqual([firstRefreshToken]);
  });

  it('tells the worker when an answer lands after its caller heard pending, and only then', async () => {
    const { world, id } = await dueWorld();
    let lateAnswers = 0;
    const deps = { ...world.deps, waitMs: 15_000, onLateAnswer: () => lateAnswers++ };
    world.tokens.latencyMs = 40_000;
    const slow = refreshGrant(deps, id, manual(world));
    await world.clock.advance(15_000);
    expect((await slow).kind).toBe('pending');
    expect(lateAnswers).toBe(0);
    await world.clock.advance(25_000);
    expect(lateAnswers).toBe(1);

    world.tokens.latencyMs = 1000;
    await world.clock.run(refreshGrant(deps, id, manual(world)));
    expect(lateAnswers).toBe(1);
  });

  it('writes the pair ahead, retries a failing commit, and leaves the write-ahead when all fail', async () => {
    const { world, id } = await dueWorld();
    const journal = createMemoryRefreshJournal();
    const sent = storedGrant(world, id).refreshToken;
    const realUpdate = world.grants.update.bind(world.grants);
    let failing = 2;
    let callsBefore = 0;
    world.grants.update = (grantId, change) => {
      // Fails the success commit (after the call), not the start marker (before it).
      if (failing > 0 && world.tokens.refreshTokensSent.length > callsBefore) {
        failing -= 1;
        return Promise.reject(new Error('TransactionInactiveError'));
      }
      return realUpdate(grantId, change);
    };
    const outcome = await world.clock.run(refreshGrant({ ...world.deps, journal }, id, manual(world)));
    expect(outcome.kind).toBe('refreshed');
    expect(world.tokens.isLive(storedGrant(world, id).refreshToken)).toBe(true);
    expect(journal.entries.size).toBe(0);

    // Every try fails: the rotated pair survives in the journal, and a worker start applies it.
    await world.clock.advance(DAY);
    failing = 100;
    callsBefore = world.tokens.refreshTokensSent.length;
    const before = storedGrant(world, id).refreshToken;
    await world.clock.run(
      refreshGrant({ ...world.deps, journal }, id, manual(world)).catch((error: unknown) => error),
    );
    expect(storedGrant(world, id).refreshToken).toBe(before);
    const [entry] = await journal.list();
    expect(entry).toMatchObject({ grantId: id, sentRefreshToken: before });
    expect(world.tokens.isLive(entry?.tokens.refreshToken ?? '')).toBe(true);
    world.grants.update = realUpdate;
    const applied = await replayRefreshJournal({
      grants: world.grants,
      journal,
      locks: world.locks,
      lockName: refreshLockName,
      context: async () => ({
        now: world.clock.now(),
        settings: await world.deps.settings(),
        random: () => 0,
      }),
    });
    expect(applied).toEqual([id]);
    expect(storedGrant(world, id).refreshToken).toBe(entry?.tokens.refreshToken);
    expect(journal.entries.size).toBe(0);
    expect(sent).not.toBe(before);
  });

  it('a replayed write-ahead never overwrites a grant authorized again since', async () => {
    const { world, id } = await dueWorld();
    const journal = createMemoryRefreshJournal();
    const grant = storedGrant(world, id);
    await journal.put({
      grantId: id,
      sentRefreshToken: 'an-older-token',
      tokens: {
        accessToken: 'a',
        accessExpiresAt: grant.accessExpiresAt,
        refreshToken: 'r',
        refreshable: true,
        obtainedAt: 0,
      },
      receivedAt: world.clock.now(),
    });
    const applied = await replayRefreshJournal({
      grants: world.grants,
      journal,
      locks: world.locks,
      lockName: refreshLockName,
      context: async () => ({
        now: world.clock.now(),
        settings: await world.deps.settings(),
        random: () => 0,
      }),
    });
    expect(applied).toEqual([]);
    expect(storedGrant(world, id)).toEqual(grant);
    expect(journal.entries.size).toBe(0);
  });

  it('leaves refreshStartedAt behind as evidence when the worker dies mid-call', async () => {
    const { world, id } = await dueWorld();
    world.tokens.latencyMs = 60_000;
    const startedAt = world.clock.now();
    void refreshGrant(world.deps, id, scheduled(world));
    await world.clock.advance(1000);
    expect(storedGrant(world, id).refreshStartedAt).toBe(startedAt);
  });

  it('still runs a manual refresh after the clock stepped back behind the last refresh', async () => {
    const { world, id } = await dueWorld();
    expect((await refreshGrant(world.deps, id, scheduled(world))).kind).toBe('refreshed');
    // The clock steps back a day: the stored renewal now lies in the future.
    const grant = storedGrant(world, id);
    await world.grants.put({ ...grant, lastRefreshedAt: world.clock.now() + DAY });
    const outcome = await refreshGrant(world.deps, id, manual(world));
    expect(outcome.kind).toBe('refreshed');
    expect(storedGrant(world, id).lastRefreshedAt).toBe(world.clock.now());
  });

  it('does not resurrect a grant removed while the call was in flight', async () => {
    const { world, id } = await dueWorld();
    world.tokens.latencyMs = 5000;
    const pending = refreshGrant(world.deps, id, scheduled(world));
    await world.clock.advance(1000);
    expect(await world.grants.remove(id)).toBe(true);
    const outcome = await world.clock.run(pending);
    expect(outcome.kind).toBe('skipped');
    expect(outcome.grant).toBeUndefined();
    expect(world.grants.peek(id)).toBeUndefined();
  });

  it('does not overwrite a grant authorized again while the call was in flight', async () => {
    const { world, id } = await dueWorld();
    world.tokens.latencyMs = 5000;
    const pending = refreshGrant(world.deps, id, scheduled(world));
    await world.clock.advance(1000);
    const fresh = await connectSeller(world, 1);
    const outcome = await world.clock.run(pending);
    expect(outcome.kind).toBe('skipped');
    expect(storedGrant(world, id).refreshToken).toBe(fresh.refreshToken);
  });

  it('does not let a stale failure kill a grant authorized again while the call was in flight', async () => {
    const { world, id } = await dueWorld();
    world.tokens.latencyMs = 5000;
    world.tokens.scriptRefresh({ fail: new SellerAuthError('refresh_token_invalid', 'Invalid.') });
    const pending = refreshGrant(world.deps, id, scheduled(world));
    await world.clock.advance(1000);
    await connectSeller(world, 1);
    expect((await world.clock.run(pending)).kind).toBe('skipped');
    expect(storedGrant(world, id).status).toBe('connected');
  });

  it('skips a grant someone refreshed after the request was made', async () => {
    const { world, id } = await dueWorld();
    const request = scheduled(world);
    await refreshGrant(world.deps, id, manual(world));
    const outcome = await refreshGrant(world.deps, id, request);
    expect(outcome.kind).toBe('skipped');
    expect(world.tokens.refreshTokensSent).toHaveLength(1);
  });

  it('skips a scheduled refresh that is not due, but does a manual one', async () => {
    const world = makeWorld();
    const grant = await connectSeller(world, 1);
    await world.clock.advance(MINUTE);
    expect((await refreshGrant(world.deps, grant.id, scheduled(world))).kind).toBe('skipped');
    expect(world.tokens.calls).toHaveLength(0);
    expect((await refreshGrant(world.deps, grant.id, manual(world))).kind).toBe('refreshed');
  });

  it('skips a dead grant and a missing one without a call', async () => {
    const { world, id } = await dueWorld();
    expect((await refreshGrant(world.deps, 'nobody', manual(world))).kind).toBe('skipped');
    await world.grants.update(id, (g) => g && { ...g, status: 'needs_authorization', dueAt: NEVER_DUE });
    expect((await refreshGrant(world.deps, id, manual(world))).kind).toBe('skipped');
    expect(world.tokens.calls).toHaveLength(0);
  });

  it('answers a missing app or secret with a configuration error, never dead', async () => {
    const { world, id } = await dueWorld();
    world.configuredApps.clear();
    const outcome = await refreshGrant(world.deps, id, scheduled(world));
    expect(outcome.kind).toBe('failed');
    expect(outcome.error?.code).toBe('app_rejected');
    expect(storedGrant(world, id)).toMatchObject({ status: 'connected', failures: 1 });
    expect(storedGrant(world, id).retryAt).toBe(world.clock.now() + 6 * 60 * MINUTE);
    expect(world.tokens.calls).toHaveLength(0);
  });

  it('marks the grant dead and logs it when the refresh token is refused', async () => {
    const { world, id, firstRefreshToken } = await dueWorld();
    world.tokens.revoke(firstRefreshToken);
    const outcome = await refreshGrant(world.deps, id, scheduled(world));
    expect(outcome).toMatchObject({ kind: 'dead', error: { code: 'refresh_token_invalid' } });
    expect(storedGrant(world, id)).toMatchObject({ status: 'needs_authorization', dueAt: NEVER_DUE });
    expect(storedGrant(world, id).refreshToken).toBe(firstRefreshToken);
    expect(world.activity.entries).toMatchObject([
      { kind: 'needs_authorization', errorCode: 'refresh_token_invalid' },
    ]);
  });

  it('reports a rate limit for the caller to slow down, without counting a failure', async () => {
    const { world, id } = await dueWorld();
    world.tokens.scriptRefresh({
      fail: new SellerAuthError('rate_limited', 'Slow down.', { retryAfterMs: 3000 }),
    });
    const outcome = await refreshGrant(world.deps, id, scheduled(world));
    expect(outcome).toMatchObject({ kind: 'failed', rateLimited: { retryAfterMs: 3000 } });
    expect(storedGrant(world, id)).toMatchObject({ failures: 0, retryAt: world.clock.now() + 3000 });
    expect(world.activity.entries).toEqual([]);
  });

  it('answers a grant that cannot be refreshed without a call, and keeps it connected', async () => {
    const world = makeWorld();
    const grant = await connectSeller(world, 1, { refreshTtlMs: 0 });
    await world.clock.advance(DAY);
    const outcome = await refreshGrant(world.deps, grant.id, manual(world));
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'refresh_unsupported' } });
    expect(storedGrant(world, grant.id).status).toBe('connected');
    expect(world.tokens.calls).toHaveLength(0);
  });

  it('learns from the platform that an app cannot refresh', async () => {
    const { world, id } = await dueWorld({ reminderDays: [] });
    world.tokens.scriptRefresh({ fail: new SellerAuthError('refresh_unsupported', 'AUTH_TYPE_UNSUPPORTED') });
    await refreshGrant(world.deps, id, scheduled(world));
    const stored = storedGrant(world, id);
    expect(stored).toMatchObject({
      status: 'connected',
      refreshable: false,
      refreshExpiresAt: stored.accessExpiresAt,
    });
    expect(stored.dueAt).toBe(stored.accessExpiresAt);
  });

  it('asks the platform once after the local deadline, and marks the grant dead on its refusal', async () => {
    const world = makeWorld();
    const grant = await connectSeller(world, 1, { accessTtlMs: 40 * DAY, refreshTtlMs: 30 * DAY });
    await world.clock.advance(31 * DAY);
    const outcome = await refreshGrant(world.deps, grant.id, manual(world));
    expect(outcome).toMatchObject({ kind: 'dead', error: { code: 'refresh_deadline_passed' } });
    expect(world.tokens.calls).toHaveLength(1);
    expect((await refreshGrant(world.deps, grant.id, manual(world))).kind).toBe('skipped');
    expect(world.tokens.calls).toHaveLength(1);
  });

  it('refreshes after the local deadline when the platform still accepts the token (clock ahead)', async () => {
    const world = makeWorld();
    const grant = await connectSeller(world, 1, { accessTtlMs: 7 * DAY, refreshTtlMs: 30 * DAY });
    world.tokens.serverOffsetMs = -31 * DAY;
    await world.clock.advance(31 * DAY);
    const outcome = await refreshGrant(world.deps, grant.id, manual(world));
    expect(outcome.kind).toBe('refreshed');
    // The reply's deadline replaces the one the jumped clock made look passed.
    expect(storedGrant(world, grant.id).refreshExpiresAt).toBe(grant.refreshExpiresAt + 31 * DAY);
  });

  it('fails loudly, with no call made, when the store cannot record the start', async () => {
    const { world, id } = await dueWorld();
    const before = storedGrant(world, id);
    world.grants.failNextWrites(1);
    await expect(refreshGrant(world.deps, id, scheduled(world))).rejects.toMatchObject({
      code: 'storage_failed',
    });
    expect(world.tokens.calls).toHaveLength(0);
    expect(storedGrant(world, id)).toEqual(before);
  });

  it('puts no secret or token in its outcome errors or stored errors', async () => {
    const { world, id, firstRefreshToken } = await dueWorld();
    world.tokens.acceptedSecret = 'another-secret';
    const outcome = await refreshGrant(world.deps, id, scheduled(world));
    expect(outcome.error?.code).toBe('signature_rejected');
    const visible = JSON.stringify([outcome.error, storedGrant(world, id).lastError, world.activity.entries]);
    expect(visible).not.toContain(firstRefreshToken);
    expect(visible).not.toContain('app-secret-never-logged');
  });
});
