import { describe, expect, it, vi } from 'vitest';
import {
  createPacer,
  type DueWorkOptions,
  type DueWorkSummary,
  type Pacer,
  runDueWork,
} from '../../../src/grants/due-work';
import { NEVER_DUE } from '../../../src/grants/model';
import { SellerAuthError } from '../../../src/shared/errors';
import type { Settings } from '../../../src/shared/model';
import { DAY, HOUR, MINUTE } from '../../support/builders';
import { FakeGrantStore } from '../../support/fakes/memory-grant-store';
import { connectSeller, makeWorld, storedGrant, type World } from './fixtures';

function run(world: World, options?: DueWorkOptions): Promise<DueWorkSummary> {
  return world.clock.run(runDueWork(world.deps, options));
}

/** Wakes the runner at each due time, as the alarm would, until `until`. */
async function liveUntil(world: World, until: number): Promise<DueWorkSummary[]> {
  const summaries: DueWorkSummary[] = [];
  for (;;) {
    const next = await world.grants.earliestDueAt();
    if (next === undefined || next > until) return summaries;
    await world.clock.advanceTo(Math.max(world.clock.now(), next));
    summaries.push(await run(world, { maxDurationMs: 10 * MINUTE }));
    if (summaries.length > 10_000) throw new Error('the runner is looping');
  }
}

async function connectMany(world: World, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 1; n <= count; n++) ids.push((await connectSeller(world, n)).id);
  return ids;
}

function worldWith(settings: Partial<Settings> = {}): World {
  return makeWorld({ settings });
}

describe('runDueWork', () => {
  it('refreshes the due grants, leaves the others alone, and reports the next due time', async () => {
    const world = worldWith({ reminderDays: [] });
    const soon = await connectSeller(world, 1, { accessTtlMs: 2 * HOUR });
    const later = await connectSeller(world, 2, { accessTtlMs: 7 * DAY });
    await world.clock.advanceTo(soon.dueAt);
    const summary = await run(world);
    expect(summary).toMatchObject({
      refreshed: 1,
      failed: 0,
      dead: 0,
      reminded: 0,
      rateLimited: 0,
      stoppedEarly: false,
    });
    expect(storedGrant(world, soon.id).lastRefreshedAt).toBe(world.clock.now());
    expect(storedGrant(world, later.id)).toEqual(later);
    expect(summary.nextDueAt).toBe(await world.grants.earliestDueAt());
    expect(summary.nextDueAt).toBeGreaterThan(world.clock.now());
  });

  it('refreshes a due grant in two grant writes: the start before the call, the rotated pair after', async () => {
    const world = worldWith({ reminderDays: [7, 2, 1] });
    const grant = await connectSeller(world, 1, { accessTtlMs: 2 * HOUR });
    await world.clock.advanceTo(grant.dueAt);
    const update = vi.spyOn(world.grants, 'update');
    const written: (number | undefined)[] = [];
    update.mockImplementation(async (id, change) => {
      written.push(world.tokens.calls.length);
      return FakeGrantStore.prototype.update.call(world.grants, id, change);
    });
    expect((await run(world)).refreshed).toBe(1);
    // No reminder is due and the new dueAt is ahead: no transaction that would change nothing.
    expect(written).toEqual([0, 1]);
    expect(storedGrant(world, grant.id).refreshStartedAt).toBeUndefined();
  });

  it('still claims a reminder that falls due with the refresh, in a third write', async () => {
    const world = worldWith({ reminderDays: [1] });
    const grant = await connectSeller(world, 1, {
      accessTtlMs: 2 * HOUR,
      refreshTtlMs: DAY + 2 * HOUR - 5 * MINUTE,
    });
    // Past the reminder (5 minutes before the access expiry) and inside the refresh window.
    await world.clock.advanceTo(grant.accessExpiresAt - MINUTE);
    const update = vi.spyOn(world.grants, 'update');
    expect(await run(world)).toMatchObject({ refreshed: 1, reminded: 1 });
    expect(update).toHaveBeenCalledTimes(3);
    expect(storedGrant(world, grant.id).remindedDays).toEqual([1]);
  });

  it('does nothing, quickly, when nothing is due', async () => {
    const world = worldWith();
    await connectSeller(world, 1);
    const summary = await run(world);
    expect(summary).toMatchObject({ refreshed: 0, skipped: 0, stoppedEarly: false });
    expect(world.tokens.calls).toHaveLength(0);
  });

  it('reads due grants in batches until none is left', async () => {
    const world = worldWith({ reminderDays: [] });
    const ids = await connectMany(world, 23);
    await world.clock.advance(7 * DAY - 25 * MINUTE);
    const summary = await run(world, { batchSize: 5 });
    expect(summary.refreshed).toBe(23);
    for (const id of ids) expect(storedGrant(world, id).failures).toBe(0);
    expect(await world.grants.listDue(world.clock.now(), 100)).toEqual([]);
  });

  it('never runs more refreshes at once than maxConcurrentRefreshes', async () => {
    const world = worldWith({ reminderDays: [], maxConcurrentRefreshes: 3, maxRefreshesPerMinute: 6000 });
    await connectMany(world, 20);
    world.tokens.latencyMs = 2000;
    await world.clock.advance(7 * DAY - 25 * MINUTE);
    const summary = await run(world, { maxDurationMs: 10 * MINUTE });
    expect(summary.refreshed).toBe(20);
    expect(world.tokens.maxInFlight).toBe(3);
  });

  it('keeps to maxRefreshesPerMinute', async () => {
    const world = worldWith({ reminderDays: [], maxConcurrentRefreshes: 2, maxRefreshesPerMinute: 30 });
    await connectMany(world, 12);
    await world.clock.advance(7 * DAY - 25 * MINUTE);
    const start = world.clock.now();
    await run(world, { maxDurationMs: 10 * MINUTE });
    const times = world.tokens.calls.map((call) => call.at - start);
    // A burst of two, then one every 2 s.
    expect(times).toEqual([0, 0, 2000, 4000, 6000, 8000, 10_000, 12_000, 14_000, 16_000, 18_000, 20_000]);
  });

  it('slows down when rate-limited, and still refreshes every grant exactly once', async () => {
    const world = worldWith({ reminderDays: [], maxConcurrentRefreshes: 4, maxRefreshesPerMinute: 600 });
    const ids = await connectMany(world, 30);
    world.tokens.latencyMs = 100;
    world.tokens.rateLimitPerSecond = 2;
    await world.clock.advance(7 * DAY - 25 * MINUTE);
    const before = new Map(ids.map((id) => [id, storedGrant(world, id).refreshToken]));
    const summary = await run(world, { maxDurationMs: 10 * MINUTE });

    expect(summary.refreshed).toBe(30);
    expect(summary.failed).toBe(0);
    expect(summary.rateLimited).toBeGreaterThan(0);
    for (const id of ids) {
      const grant = storedGrant(world, id);
      expect(grant).toMatchObject({ status: 'connected', failures: 0 });
      // Exactly one successful refresh per grant: its first token was spent, its second never sent.
      expect(world.tokens.refreshTokensSent).toContain(before.get(id));
      expect(world.tokens.refreshTokensSent).not.toContain(grant.refreshToken);
    }
    // Adapting, not hammering: far fewer refusals than refreshes.
    expect(summary.rateLimited).toBeLessThan(10);
  });

  it('with a pacer, the next wake starts at the pace the last one learned, not back at the limit', async () => {
    async function twoWakes(pacer?: Pacer) {
      const world = worldWith({ reminderDays: [], maxConcurrentRefreshes: 4, maxRefreshesPerMinute: 600 });
      await connectMany(world, 60);
      world.tokens.latencyMs = 100;
      world.tokens.rateLimitPerSecond = 2;
      await world.clock.advance(7 * DAY - 25 * MINUTE);
      const deps = pacer ? { ...world.deps, pacer } : world.deps;
      const first = await world.clock.run(runDueWork(deps, { maxDurationMs: 10_000 }));
      const second = await world.clock.run(runDueWork(deps, { maxDurationMs: 10 * MINUTE }));
      expect(first.stoppedEarly).toBe(true);
      expect(first.refreshed + second.refreshed).toBe(60);
      return second.rateLimited;
    }
    const fresh = await twoWakes();
    const kept = await twoWakes(createPacer());
    expect(fresh).toBeGreaterThan(0);
    expect(kept).toBeLessThan(fresh);
  });

  it('stops at the time budget and leaves the rest due, untouched, for the next run', async () => {
    const world = worldWith({ reminderDays: [], maxConcurrentRefreshes: 1, maxRefreshesPerMinute: 6000 });
    const ids = await connectMany(world, 30);
    world.tokens.latencyMs = 1000;
    await world.clock.advance(7 * DAY - 25 * MINUTE);
    const first = await run(world, { maxDurationMs: 10_000, batchSize: 4 });
    expect(first.stoppedEarly).toBe(true);
    expect(first.refreshed).toBe(10);
    const stillDue = await world.grants.listDue(world.clock.now(), 100);
    expect(stillDue).toHaveLength(20);
    for (const grant of stillDue) expect(grant.lastRefreshedAt).toBeUndefined();
    expect(first.nextDueAt).toBeLessThanOrEqual(world.clock.now());

    const second = await run(world, { maxDurationMs: 60_000 });
    expect(second).toMatchObject({ refreshed: 20, stoppedEarly: false });
    for (const id of ids) expect(storedGrant(world, id).lastRefreshedAt).toBeDefined();
  });

  it('marks an expired grant that cannot be refreshed as needing authorization, and says so once', async () => {
    const world = worldWith({ reminderDays: [] });
    const grant = await connectSeller(world, 1, { accessTtlMs: DAY, refreshTtlMs: 0 });
    expect(grant.dueAt).toBe(grant.accessExpiresAt);
    await world.clock.advanceTo(grant.accessExpiresAt);
    const summary = await run(world);
    expect(summary.dead).toBe(1);
    expect(storedGrant(world, grant.id)).toMatchObject({
      status: 'needs_authorization',
      dueAt: NEVER_DUE,
      deathNotified: true,
      lastError: { code: 'refresh_deadline_passed' },
    });
    expect(world.notifier.sent).toMatchObject([
      { id: `grant:${grant.id}:needs_authorization`, grantId: grant.id },
    ]);
    expect(world.notifier.sent[0]?.message).toContain('seller-1@example.com');
    expect(world.activity.entries).toMatchObject([{ kind: 'needs_authorization', grantId: grant.id }]);

    await world.clock.advance(DAY);
    expect(await run(world)).toMatchObject({ dead: 0, skipped: 0 });
    expect(world.notifier.sent).toHaveLength(1);
  });

  it('notifies a death again only after the seller authorized again', async () => {
    const world = worldWith({ reminderDays: [] });
    const first = await connectSeller(world, 1, { accessTtlMs: DAY, refreshTtlMs: 0 });
    await world.clock.advanceTo(first.accessExpiresAt);
    await run(world);
    const again = await connectSeller(world, 1, { accessTtlMs: DAY, refreshTtlMs: 0 });
    expect(again.deathNotified).toBe(false);
    await world.clock.advanceTo(again.accessExpiresAt);
    await run(world);
    expect(world.notifier.sent.map((notice) => notice.id)).toEqual([
      `grant:${first.id}:needs_authorization`,
      `grant:${first.id}:needs_authorization`,
    ]);
  });

  it('notifies once when a refresh finds the authorization revoked', async () => {
    const world = worldWith({ reminderDays: [] });
    const grant = await connectSeller(world, 1);
    world.tokens.revoke(grant.refreshToken);
    await world.clock.advanceTo(grant.dueAt);
    expect(await run(world)).toMatchObject({ dead: 1, refreshed: 0 });
    expect(world.notifier.sent).toHaveLength(1);
    expect(storedGrant(world, grant.id).deathNotified).toBe(true);
  });

  it.each([
    { policy: 'the 30-minute lead alone: weekly', keepAccessDays: 0, refreshes: 4, maxWakes: 9 },
    { policy: 'keeping 3 days of access: every 4 days', keepAccessDays: 3, refreshes: 6, maxWakes: 10 },
  ])(
    'over a whole life with $policy refreshes, each reminder once, then one death notice',
    async ({ keepAccessDays, refreshes, maxWakes }) => {
      const world = worldWith({ keepAccessDays });
      const grant = await connectSeller(world, 1, { accessTtlMs: 7 * DAY, refreshTtlMs: 30 * DAY });
      const summaries = await liveUntil(world, grant.createdAt + 60 * DAY);
      const total = (key: 'refreshed' | 'reminded' | 'dead') => summaries.reduce((sum, s) => sum + s[key], 0);

      expect(total('refreshed')).toBe(refreshes);
      expect(total('reminded')).toBe(3);
      expect(total('dead')).toBe(1);
      expect(world.notifier.sent.map((notice) => notice.id)).toEqual([
        `grant:${grant.id}:reminder`,
        `grant:${grant.id}:reminder`,
        `grant:${grant.id}:reminder`,
        `grant:${grant.id}:needs_authorization`,
      ]);
      expect(
        world.activity.entries.filter((entry) => entry.kind === 'reminded').map((entry) => entry.at),
      ).toEqual([
        grant.refreshExpiresAt - 7 * DAY,
        grant.refreshExpiresAt - 2 * DAY,
        grant.refreshExpiresAt - DAY,
      ]);
      expect(storedGrant(world, grant.id)).toMatchObject({
        status: 'needs_authorization',
        remindedDays: [7, 2, 1],
      });
      // Every wake did something: no spinning on a grant with nothing to do.
      expect(summaries.length).toBeLessThanOrEqual(maxWakes);
    },
  );

  it.each([
    { policy: 'keeping 3 days of access', keepAccessDays: 3, refreshed: [0, 1, 2, 3, 4, 5, 6] },
    { policy: 'the 30-minute lead alone', keepAccessDays: 0, refreshed: [0, 1, 2, 3] },
  ])(
    'at a browser start, refreshes every grant inside its margin and none outside ($policy)',
    async ({ keepAccessDays, refreshed }) => {
      const world = worldWith({ reminderDays: [], keepAccessDays });
      // Ten shops connected a day apart while nothing else ran (the browser closed in between): shop n's
      // 7-day token has n - 3 days left when the browser starts 10 days in.
      const grants = [];
      for (let n = 0; n < 10; n += 1) {
        grants.push(await connectSeller(world, n + 1, { accessTtlMs: 7 * DAY, refreshTtlMs: 60 * DAY }));
        await world.clock.advance(DAY);
      }
      const startedAt = world.clock.now();
      const summary = await run(world);

      const renewed = grants.flatMap((grant, n) =>
        (storedGrant(world, grant.id).lastRefreshedAt ?? 0) >= startedAt ? [n] : [],
      );
      expect(renewed).toEqual(refreshed);
      expect(summary).toMatchObject({ refreshed: refreshed.length, failed: 0, dead: 0 });
    },
  );

  it('sends due reminders first, even while the gateway rate-limits every refresh', async () => {
    const world = worldWith({ reminderDays: [7] });
    // Twenty grants long due for a refresh, and one whose reminder came due last (its access outlives
    // its deadline, so it needs no refresh at all): the due index lists it after all the others.
    for (let n = 1; n <= 20; n += 1) {
      await connectSeller(world, n, { accessTtlMs: 7 * DAY, refreshTtlMs: 60 * DAY });
    }
    const reminded = await connectSeller(world, 99, { accessTtlMs: 40 * DAY, refreshTtlMs: 30 * DAY });
    await world.clock.advanceTo(reminded.refreshExpiresAt - 7 * DAY + HOUR);
    const limited = new SellerAuthError('rate_limited', 'Slow down.', { retryAfterMs: 1000 });
    world.tokens.scriptRefresh(...Array.from({ length: 100 }, () => ({ fail: limited })));

    const summary = await run(world, { maxDurationMs: 20_000 });

    expect(summary.stoppedEarly).toBe(true);
    expect(summary.refreshed).toBe(0);
    expect(summary.reminded).toBe(1);
    expect(world.notifier.sent.map((notice) => notice.grantId)).toEqual([reminded.id]);
    expect(storedGrant(world, reminded.id).remindedDays).toEqual([7]);
  });

  it('sends one reminder, the most urgent, when it wakes past several thresholds', async () => {
    const world = worldWith({ reminderDays: [7, 2, 1] });
    const grant = await connectSeller(world, 1, { accessTtlMs: 40 * DAY, refreshTtlMs: 30 * DAY });
    await world.clock.advanceTo(grant.refreshExpiresAt - 1.5 * DAY);
    const summary = await run(world);
    expect(summary.reminded).toBe(1);
    expect(summary.skipped).toBe(0);
    expect(world.notifier.sent).toHaveLength(1);
    expect(world.activity.entries).toMatchObject([
      { kind: 'reminded', detail: '2 days before the deadline' },
    ]);
    expect(storedGrant(world, grant.id).remindedDays).toEqual([7, 2]);
    expect(storedGrant(world, grant.id).dueAt).toBe(grant.refreshExpiresAt - DAY);
  });

  it('counts reminders as sent but shows nothing when notifications are off', async () => {
    const world = worldWith({ notifications: false });
    const grant = await connectSeller(world, 1, { accessTtlMs: 40 * DAY, refreshTtlMs: 30 * DAY });
    await world.clock.advanceTo(grant.refreshExpiresAt - 7 * DAY);
    expect((await run(world)).reminded).toBe(1);
    expect(world.notifier.sent).toEqual([]);
    expect(storedGrant(world, grant.id).remindedDays).toEqual([7]);
  });

  it('keeps going when the notifier fails', async () => {
    const world = worldWith();
    world.notifier.failWith = new Error('notifications unavailable');
    const grant = await connectSeller(world, 1, { accessTtlMs: 40 * DAY, refreshTtlMs: 30 * DAY });
    await world.clock.advanceTo(grant.refreshExpiresAt - 7 * DAY);
    expect((await run(world)).reminded).toBe(1);
    expect(storedGrant(world, grant.id).remindedDays).toEqual([7]);
  });

  it('keeps retrying a grant that fails transiently past the deadline; the platform ends it', async () => {
    const world = worldWith({ reminderDays: [] });
    const grant = await connectSeller(world, 1, { accessTtlMs: 7 * DAY, refreshTtlMs: 7 * DAY + 2 * HOUR });
    // Failing from the first planned refresh (3 days of access left) past the deadline, at most every 30 min.
    const outage = Array.from({ length: 1000 }, () => ({ fail: new SellerAuthError('network', 'Offline.') }));
    world.tokens.scriptRefresh(...outage);
    const during = await liveUntil(world, grant.createdAt + 8 * DAY);
    expect(during.reduce((sum, s) => sum + s.failed, 0)).toBeGreaterThan(3);
    // The local clock alone never declares it dead: no answer from the platform said so.
    for (const summary of during) expect(summary.dead).toBe(0);
    expect(storedGrant(world, grant.id).status).toBe('connected');

    world.tokens.clearScript();
    const after = await liveUntil(world, grant.createdAt + 8 * DAY + HOUR);
    expect(after.reduce((sum, s) => sum + s.dead, 0)).toBe(1);
    expect(storedGrant(world, grant.id)).toMatchObject({
      status: 'needs_authorization',
      lastError: { code: 'refresh_deadline_passed' },
    });
    expect(world.notifier.sent).toHaveLength(1);
  });

  it('a clock jumped forward past the deadline costs one refresh call, not the shop', async () => {
    const world = worldWith({ reminderDays: [] });
    const grant = await connectSeller(world, 1, { accessTtlMs: 7 * DAY, refreshTtlMs: 30 * DAY });
    // Only this computer's clock jumps 40 days ahead: for the platform, no time has passed.
    world.tokens.serverOffsetMs = -40 * DAY;
    await world.clock.advance(40 * DAY);
    const summary = await run(world);
    expect(summary).toMatchObject({ refreshed: 1, dead: 0 });
    const after = storedGrant(world, grant.id);
    expect(after.status).toBe('connected');
    expect(after.refreshExpiresAt).toBeGreaterThan(world.clock.now());
  });

  it('refreshes short-lived tokens about twice per lifetime, never in a loop', async () => {
    const world = worldWith({ reminderDays: [] });
    const grant = await connectSeller(world, 1, { accessTtlMs: 10 * MINUTE, refreshTtlMs: 30 * DAY });
    world.tokens.accessTtlMs = 10 * MINUTE;
    const summaries = await liveUntil(world, grant.createdAt + DAY);
    const refreshed = summaries.reduce((sum, s) => sum + s.refreshed, 0);
    expect(refreshed).toBeGreaterThanOrEqual(DAY / (5 * MINUTE) - 2);
    expect(refreshed).toBeLessThanOrEqual(DAY / (0.45 * 10 * MINUTE) + 1);
    for (const summary of summaries) expect(summary.refreshed).toBeLessThanOrEqual(1);
    expect(storedGrant(world, grant.id).accessExpiresAt).toBeGreaterThan(world.clock.now());
  });

  it('does not spin on a grant the store cannot write: it stays due for the next run', async () => {
    const world = worldWith({ reminderDays: [] });
    const grant = await connectSeller(world, 1);
    await world.clock.advanceTo(grant.dueAt);
    world.grants.failNextWrites(1000);
    const summary = await run(world, { maxDurationMs: 10 * MINUTE });
    expect(summary).toMatchObject({ failed: 1, stoppedEarly: false });
    expect(world.clock.now()).toBe(grant.dueAt);
    expect(storedGrant(world, grant.id)).toEqual(grant);
    expect(world.tokens.calls).toHaveLength(0);
  });

  it('takes a dead grant that is somehow still due out of the schedule, and says it needs authorization', async () => {
    const world = worldWith();
    const grant = await connectSeller(world, 1);
    await world.grants.update(
      grant.id,
      (g) => g && { ...g, status: 'needs_authorization', dueAt: world.clock.now() },
    );
    const summary = await run(world);
    expect(summary.skipped).toBe(1);
    expect(storedGrant(world, grant.id)).toMatchObject({ dueAt: NEVER_DUE, deathNotified: true });
    expect(world.notifier.sent).toHaveLength(1);
    expect(world.tokens.calls).toHaveLength(0);
  });

  it('moves a grant that is due with nothing to do (the margin was shortened) to its next time', async () => {
    const world = worldWith({ reminderDays: [], keepAccessDays: 3 });
    const grant = await connectSeller(world, 1);
    await world.clock.advanceTo(grant.dueAt);
    await world.settingsStore.save({ keepAccessDays: 1 });
    const summary = await run(world);
    expect(summary).toMatchObject({ refreshed: 0, skipped: 1 });
    expect(storedGrant(world, grant.id).dueAt).toBeGreaterThan(world.clock.now());
    expect(world.tokens.calls).toHaveLength(0);
  });
});
