/** The fakes other tests stand on: each faithful where it matters. */

import { describe, expect, it } from 'vitest';
import { SellerAuthError } from '../../../src/shared/errors';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { aGrant, aSeller, DAY } from '../../support/builders';
import { appSecret } from '../../support/checked';
import { FakeClock } from '../../support/fakes/fake-clock';
import { FakeLockManager } from '../../support/fakes/fake-lock-manager';
import { FakeTokenClient } from '../../support/fakes/fake-token-client';
import { FakeActivityLog } from '../../support/fakes/memory-activity-log';
import { FakeAppStore } from '../../support/fakes/memory-app-store';
import { FakeGrantStore } from '../../support/fakes/memory-grant-store';
import { FakeSecretStore } from '../../support/fakes/memory-secret-store';
import { FakeSettingsStore } from '../../support/fakes/memory-settings-store';
import { seededRandom } from '../../support/fakes/seeded-random';
import { CREDENTIALS } from './fixtures';

describe('FakeGrantStore', () => {
  it('fails the writes it is told to fail, storing nothing', async () => {
    const store = new FakeGrantStore([aGrant({ failures: 0 })]);
    store.failNextWrites(1);
    await expect(store.update(aGrant().id, (g) => g && { ...g, failures: 9 })).rejects.toMatchObject({
      code: 'storage_failed',
    });
    expect(store.peek(aGrant().id)?.failures).toBe(0);
    await store.update(aGrant().id, (g) => g && { ...g, failures: 9 });
    expect(store.peek(aGrant().id)?.failures).toBe(9);
  });

  it('refuses a grant the IndexedDB store would refuse', async () => {
    await expect(new FakeGrantStore().put(aGrant({ dueAt: Number.NaN }))).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('FakeLockManager', () => {
  it('runs tasks under one name one at a time, in request order, and names independently', async () => {
    const locks = new FakeLockManager();
    const log: string[] = [];
    let inside = 0;
    let maxInside = 0;
    const task = (label: string) => async () => {
      inside += 1;
      maxInside = Math.max(maxInside, inside);
      log.push(`start ${label}`);
      await Promise.resolve();
      await Promise.resolve();
      log.push(`end ${label}`);
      inside -= 1;
      return label;
    };
    const results = await Promise.all([
      locks.withLock('a', task('1')),
      locks.withLock('a', task('2')),
      locks.withLock('a', task('3')),
    ]);
    expect(results).toEqual(['1', '2', '3']);
    expect(maxInside).toBe(1);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(locks.isHeld('a')).toBe(false);
  });

  it('releases the lock when the task throws', async () => {
    const locks = new FakeLockManager();
    await expect(locks.withLock('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await locks.withLock('a', async () => 'next')).toBe('next');
  });

  it('lets different names run at the same time', async () => {
    const locks = new FakeLockManager();
    let release!: () => void;
    const blocker = locks.withLock('a', () => new Promise<void>((resolve) => (release = resolve)));
    expect(await locks.withLock('b', async () => locks.isHeld('a'))).toBe(true);
    release();
    await blocker;
  });
});

describe('FakeClock', () => {
  it('wakes sleepers in time order as it advances', async () => {
    const clock = new FakeClock(0);
    const woke: number[] = [];
    void clock.sleep(300).then(() => woke.push(clock.now()));
    void clock.sleep(100).then(() => woke.push(clock.now()));
    await clock.advance(200);
    expect(woke).toEqual([100]);
    await clock.advance(200);
    expect(woke).toEqual([100, 300]);
    expect(clock.now()).toBe(400);
  });

  it('runs a task to its end in fake time', async () => {
    const clock = new FakeClock(0);
    const task = async () => {
      await clock.sleep(1000);
      await clock.sleep(500);
      return clock.now();
    };
    expect(await clock.run(task())).toBe(1500);
  });

  it('says so when a task waits on something the clock cannot move', async () => {
    const clock = new FakeClock(0);
    await expect(clock.run(new Promise(() => {}))).rejects.toThrow('other than the clock');
  });
});

describe('FakeTokenClient', () => {
  it('trades a code once, then refuses it', async () => {
    const clock = new FakeClock();
    const tokens = new FakeTokenClient(clock);
    tokens.addCode('code-1', aSeller(1));
    const grant = await tokens.create(CREDENTIALS, 'code-1');
    expect(grant.seller.account).toBe('seller-1@example.com');
    await expect(tokens.create(CREDENTIALS, 'code-1')).rejects.toMatchObject({ code: 'invalid_code' });
  });

  it('rotates on refresh: the old refresh token is refused afterwards, the deadline stays', async () => {
    const clock = new FakeClock();
    const tokens = new FakeTokenClient(clock);
    const first = tokens.issue(aSeller(1));
    await clock.advance(DAY);
    const second = await tokens.refresh(CREDENTIALS, first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessExpiresAt).toBe(clock.now() + tokens.accessTtlMs);
    expect(second.refreshExpiresAt).toBe(first.refreshExpiresAt);
    await expect(tokens.refresh(CREDENTIALS, first.refreshToken)).rejects.toMatchObject({
      code: 'refresh_token_invalid',
      details: { platformCode: 'IllegalRefreshToken' },
    });
  });

  it('refuses refreshes after the deadline, and for grants that cannot be refreshed', async () => {
    const clock = new FakeClock();
    const tokens = new FakeTokenClient(clock);
    const expiring = tokens.issue(aSeller(1), { refreshTtlMs: DAY });
    const unrefreshable = tokens.issue(aSeller(2), { refreshTtlMs: 0 });
    expect(unrefreshable).toMatchObject({
      refreshable: false,
      refreshExpiresAt: unrefreshable.accessExpiresAt,
    });
    await expect(tokens.refresh(CREDENTIALS, unrefreshable.refreshToken)).rejects.toMatchObject({
      code: 'refresh_unsupported',
    });
    await clock.advance(DAY);
    await expect(tokens.refresh(CREDENTIALS, expiring.refreshToken)).rejects.toMatchObject({
      code: 'refresh_token_invalid',
    });
  });

  it('plays scripted failures, including an answer lost after the rotation', async () => {
    const clock = new FakeClock();
    const tokens = new FakeTokenClient(clock);
    const first = tokens.issue(aSeller(1));
    tokens.scriptRefresh(
      { fail: new SellerAuthError('timeout', 'Timed out.') },
      { loseAnswer: new SellerAuthError('network', 'Dropped.') },
    );
    await expect(tokens.refresh(CREDENTIALS, first.refreshToken)).rejects.toMatchObject({ code: 'timeout' });
    expect(tokens.isLive(first.refreshToken)).toBe(true);
    await expect(tokens.refresh(CREDENTIALS, first.refreshToken)).rejects.toMatchObject({ code: 'network' });
    expect(tokens.isLive(first.refreshToken)).toBe(false);
    expect(tokens.refreshTokensSent).toEqual([first.refreshToken, first.refreshToken]);
  });

  it('rate-limits beyond its calls per second, and rejects a wrong secret', async () => {
    const clock = new FakeClock();
    const tokens = new FakeTokenClient(clock);
    tokens.rateLimitPerSecond = 1;
    const a = tokens.issue(aSeller(1));
    const b = tokens.issue(aSeller(2));
    await tokens.refresh(CREDENTIALS, a.refreshToken);
    await expect(tokens.refresh(CREDENTIALS, b.refreshToken)).rejects.toMatchObject({
      code: 'rate_limited',
      details: { retryAfterMs: 1000 },
    });
    await clock.advance(1000);
    tokens.acceptedSecret = 'other';
    await expect(tokens.refresh(CREDENTIALS, b.refreshToken)).rejects.toMatchObject({
      code: 'signature_rejected',
    });
  });

  it('measures calls in flight', async () => {
    const clock = new FakeClock();
    const tokens = new FakeTokenClient(clock);
    tokens.latencyMs = 100;
    const grants = [1, 2, 3].map((n) => tokens.issue(aSeller(n)));
    await clock.run(Promise.all(grants.map((g) => tokens.refresh(CREDENTIALS, g.refreshToken))));
    expect(tokens.maxInFlight).toBe(3);
    expect(tokens.inFlight).toBe(0);
  });
});

describe('the small stores', () => {
  it('FakeAppStore removes an app with its secret and its grants', async () => {
    const grants = new FakeGrantStore([
      aGrant({ id: 'g1', appId: 'app-1' }),
      aGrant({ id: 'g2', appId: 'app-2' }),
    ]);
    const secrets = new FakeSecretStore();
    const apps = new FakeAppStore(grants, secrets);
    await secrets.put('app-1', appSecret('secret'));
    expect(await apps.remove('app-1')).toBe(1);
    expect(await secrets.has('app-1')).toBe(false);
    expect(grants.all().map((g) => g.id)).toEqual(['g2']);
  });

  it('FakeSettingsStore starts from the defaults and merges saves', async () => {
    const settings = new FakeSettingsStore({ refreshLeadMinutes: 10 });
    expect(await settings.get()).toEqual({ ...DEFAULT_SETTINGS, refreshLeadMinutes: 10 });
    expect(await settings.save({ notifications: false })).toMatchObject({
      refreshLeadMinutes: 10,
      notifications: false,
    });
  });

  it('FakeSettingsStore refuses what the settings.save parser refuses, keeping what it had', async () => {
    const settings = new FakeSettingsStore({ refreshLeadMinutes: 10 });
    await expect(settings.save({ refreshLeadMinutes: 0 })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'refreshLeadMinutes' },
    });
    await expect(settings.save({ reminderDays: [0] })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await settings.get()).toEqual({ ...DEFAULT_SETTINGS, refreshLeadMinutes: 10 });
    expect(() => new FakeSettingsStore({ maxConcurrentRefreshes: 1.5 })).toThrow(SellerAuthError);
  });

  it('FakeActivityLog keeps the newest entries, lists newest first, and filters', async () => {
    const log = new FakeActivityLog(3);
    for (let i = 1; i <= 5; i++) await log.add({ at: i, kind: 'refreshed', grantId: i % 2 ? 'odd' : 'even' });
    expect((await log.list()).map((e) => e.at)).toEqual([5, 4, 3]);
    expect((await log.list({ grantId: 'odd', limit: 1 })).map((e) => e.at)).toEqual([5]);
  });

  it('seededRandom repeats for a seed and stays in [0, 1)', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    for (const v of values) expect(v >= 0 && v < 1).toBe(true);
  });
});
