/**
 * A grant moved to another browser ("Move" in the backup section) is a reference: nothing here refreshes,
 * reminds of, kills or counts it, whatever its dates say.
 */
import { describe, expect, it } from 'vitest';
import { runDueWork } from '../../../src/grants/due-work';
import { attentionCount, grantHealth, needsAttention, toGrantView } from '../../../src/grants/health';
import { NEVER_DUE } from '../../../src/grants/model';
import { refreshGrant } from '../../../src/grants/refresh-grant';
import { dueReminder, isDeadlineWithin } from '../../../src/grants/reminders';
import { isExpiryDue, isRefreshDue, nextDueAt } from '../../../src/grants/schedule';
import { aGrant, DAY, HOUR, MINUTE, T0 } from '../../support/builders';
import { connectSeller, makeWorld, SETTINGS, storedGrant } from './fixtures';

const MOVED_AT = T0 + HOUR;

describe('a moved grant', () => {
  it('is never due, never refreshed, never reminded of and never marked dead by the schedule', () => {
    const live = aGrant({ refreshExpiresAt: T0 + 8 * DAY });
    const moved = { ...live, movedAt: MOVED_AT };
    const refreshTime = live.accessExpiresAt - 10 * MINUTE;
    expect(isRefreshDue(live, SETTINGS, refreshTime)).toBe(true);
    expect(isRefreshDue(moved, SETTINGS, refreshTime)).toBe(false);
    expect(nextDueAt(live, SETTINGS, T0)).toBeLessThan(NEVER_DUE);
    expect(nextDueAt(moved, SETTINGS, T0)).toBe(NEVER_DUE);
    expect(dueReminder(live, SETTINGS, T0 + 7 * DAY)).toBeDefined();
    expect(dueReminder(moved, SETTINGS, T0 + 7 * DAY)).toBeUndefined();
    const unrefreshable = { ...live, refreshable: false };
    expect(isExpiryDue(unrefreshable, SETTINGS, live.accessExpiresAt)).toBe(true);
    expect(isExpiryDue({ ...unrefreshable, movedAt: MOVED_AT }, SETTINGS, live.accessExpiresAt)).toBe(false);
  });

  it('is left alone by the due-work runner even when stored as due, and stops being listed', async () => {
    const world = makeWorld();
    const grant = await connectSeller(world, 1);
    // Moved with a stale dueAt (the marker written, the schedule not yet fixed): the runner must not act on it.
    await world.grants.put({ ...grant, movedAt: MOVED_AT });
    await world.clock.advanceTo(grant.refreshExpiresAt + DAY);

    const summary = await world.clock.run(runDueWork(world.deps));

    expect(world.tokens.calls).toEqual([]);
    expect(world.notifier.sent).toEqual([]);
    const stored = storedGrant(world, grant.id);
    expect(stored).toMatchObject({ status: 'connected', refreshToken: grant.refreshToken, dueAt: NEVER_DUE });
    expect(summary).toMatchObject({ refreshed: 0, dead: 0, reminded: 0, nextDueAt: undefined });
  });

  it('is never announced as needing authorization, even when it died before it moved', async () => {
    const world = makeWorld();
    const grant = await connectSeller(world, 1);
    await world.grants.put({
      ...grant,
      status: 'needs_authorization',
      deathNotified: false,
      movedAt: MOVED_AT,
      dueAt: world.clock.now(),
    });

    await world.clock.run(runDueWork(world.deps));

    expect(world.notifier.sent).toEqual([]);
    expect(storedGrant(world, grant.id)).toMatchObject({ deathNotified: false, dueAt: NEVER_DUE });
  });

  it("is skipped by a manual refresh: its token pair is the other browser's now", async () => {
    const world = makeWorld();
    const grant = await connectSeller(world, 1);
    await world.grants.put({ ...grant, movedAt: MOVED_AT, dueAt: NEVER_DUE });
    await world.clock.advanceTo(grant.dueAt);

    const outcome = await refreshGrant(world.deps, grant.id, {
      reason: 'manual',
      requestedAt: world.clock.now(),
    });

    expect(outcome.kind).toBe('skipped');
    expect(world.tokens.calls).toEqual([]);
    expect(storedGrant(world, grant.id).refreshToken).toBe(grant.refreshToken);
  });

  it('shows as moved, with the date, and needs nobody: the badge leaves it out', () => {
    const now = T0 + 26 * DAY;
    const dying = aGrant({ failures: 3 });
    const moved = { ...dying, id: 'moved', movedAt: MOVED_AT };
    expect(grantHealth(moved, SETTINGS, now)).toBe('moved');
    expect(grantHealth({ ...moved, status: 'needs_authorization' }, SETTINGS, now)).toBe('moved');
    expect(needsAttention({ health: 'moved' })).toBe(false);
    expect(isDeadlineWithin(moved, now)).toBe(false);
    expect(attentionCount([dying, moved], SETTINGS, now)).toBe(1);
    const view = toGrantView(moved, 'App', SETTINGS, now);
    expect(view).toMatchObject({ health: 'moved', movedAt: MOVED_AT });
    expect(view.nextRefreshAt).toBeUndefined();
    expect(toGrantView(dying, 'App', SETTINGS, now)).not.toHaveProperty('movedAt');
  });
});
