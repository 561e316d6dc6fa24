/**
 * A storage failure in the background is shown, never only logged: "!" on the badge, one notification
 * per kind, the state in `health.status` (kept outside IndexedDB, so a restarted worker still knows),
 * and everything back to normal once storage works again.
 */
import { describe, expect, it, vi } from 'vitest';
import { DUE_ALARM } from '../../../src/background/adapters/alarm-scheduler';
import {
  createStorageHealthMonitor,
  memoryKeptValue,
} from '../../../src/background/wiring/storage-health-monitor';
import { STORE_USES } from '../../../src/background/wiring/watched-stores';
import { createWorker } from '../../../src/background/wiring/worker';
import type { StorageHealth } from '../../../src/grants/storage-health';
import type { Stores } from '../../../src/grants/store';
import { type StorageStage, storageFailed } from '../../../src/grants/store/storage-errors';
import { createHarness, type Harness, storeGrant } from './harness';

const DAY = 86_400_000;

/**
 * Makes the harness's stores fail as IndexedDB would (`uses`: every call, or only reads or writes),
 * with the DOMException `name`; the function it returns puts them back.
 */
function breakStorage(
  h: Harness,
  name: string,
  options: { stage?: StorageStage; uses?: 'read' | 'write' | 'all'; only?: (keyof Stores)[] } = {},
): () => void {
  const { stage = 'operation', uses = 'all', only } = options;
  const broken: [Record<string, unknown>, string][] = [];
  for (const [storeName, methods] of Object.entries(STORE_USES)) {
    if (only && !only.includes(storeName as keyof Stores)) continue;
    const store = h.stores[storeName as keyof Stores] as unknown as Record<string, unknown>;
    for (const [method, use] of Object.entries(methods)) {
      if (uses !== 'all' && use !== uses) continue;
      store[method] = async () => {
        throw storageFailed(`use ${storeName}`, new DOMException('browser text', name), stage);
      };
      broken.push([store, method]);
    }
  }
  return () => {
    for (const [store, method] of broken) delete store[method];
  };
}

async function connectedGrant(h: Harness) {
  const app = await h.addApp();
  return storeGrant(h, app.id, 'a@shop.sg', '1');
}

describe('a storage failure at wake', () => {
  it('shows "!", tells a person once, and says so to pages', async () => {
    const h = createHarness();
    const grant = await connectedGrant(h);
    const repair = breakStorage(h, 'UnknownError', { stage: 'open' });
    const failedAt = h.clock.now();

    await expect(h.worker.onAlarm(DUE_ALARM)).rejects.toMatchObject({ code: 'storage_failed' });

    expect(h.badge.current).toBe('!');
    expect(h.notifier.sent).toEqual([
      {
        id: 'storage:open',
        title: 'Seller Auth cannot use its storage',
        message: expect.stringMatching(/could not open.*Restart Chrome/),
      },
    ]);
    expect(await h.send('health.status')).toEqual({ failures: [{ kind: 'open', since: failedAt }] });
    expect(h.changes.sent).toBeGreaterThan(0);
    // No due time could be read, but the safety alarm is there to wake the worker again.
    expect(h.scheduler.armed).toEqual([]);
    expect(h.scheduler.safetyEnsured).toBe(1);

    // The next wakes fail the same way: no second notification, and the badge keeps its "!".
    await h.clock.advance(30 * 60_000);
    await expect(h.worker.onAlarm(DUE_ALARM)).rejects.toMatchObject({ code: 'storage_failed' });
    expect(h.notifier.sent).toHaveLength(1);
    expect(h.badge.current).toBe('!');

    repair();
    await h.worker.onAlarm(DUE_ALARM);

    expect(await h.send('health.status')).toEqual({ failures: [] });
    expect(h.badge.current).toBe(0);
    expect(h.scheduler.current).toBe(grant.dueAt);
    expect(h.notifier.sent).toHaveLength(1);
  });

  it('is still known to a restarted worker, which does not tell again', async () => {
    const kept = memoryKeptValue<StorageHealth>();
    const h = createHarness({ storageHealth: kept });
    await connectedGrant(h);
    breakStorage(h, 'AbortError', { stage: 'open' });
    const failedAt = h.clock.now();
    await expect(h.worker.catchUp()).rejects.toMatchObject({ code: 'storage_failed' });
    expect(h.notifier.sent.map((notice) => notice.id)).toEqual(['storage:upgrade']);

    // The worker stops; a new one starts with nothing in memory but what was kept.
    await h.clock.advance(60_000);
    const restarted = createWorker({ ...h.deps, storageHealth: kept });
    expect(await restarted.handlers['health.status'](undefined)).toEqual({
      failures: [{ kind: 'upgrade', since: failedAt }],
    });
    await expect(restarted.catchUp()).rejects.toMatchObject({ code: 'storage_failed' });
    expect(h.notifier.sent).toHaveLength(1);
  });

  it('tells a person a second time only after it recovered', async () => {
    const h = createHarness();
    await connectedGrant(h);
    const repair = breakStorage(h, 'UnknownError', { stage: 'open' });
    await expect(h.worker.catchUp()).rejects.toThrow();
    repair();
    await h.worker.catchUp();
    breakStorage(h, 'UnknownError', { stage: 'open' });
    await expect(h.worker.catchUp()).rejects.toThrow();
    expect(h.notifier.sent.map((notice) => notice.id)).toEqual(['storage:open', 'storage:open']);
  });

  it('keeps to the notification setting while it can read it', async () => {
    const h = createHarness();
    await h.stores.settings.save({ notifications: false });
    await connectedGrant(h);
    breakStorage(h, 'UnknownError', { stage: 'open', only: ['grants'] });
    await expect(h.worker.catchUp()).rejects.toThrow();
    expect(h.notifier.sent).toEqual([]);
    expect(h.badge.current).toBe('!');
    expect((await h.send('health.status')).failures).toHaveLength(1);
  });

  it('tells a person even when the failing storage hides the notification setting', async () => {
    const h = createHarness();
    await h.stores.settings.save({ notifications: false });
    breakStorage(h, 'UnknownError', { stage: 'open' });
    await expect(h.worker.catchUp()).rejects.toThrow();
    expect(h.notifier.sent).toHaveLength(1);
  });
});

describe('a storage failure anywhere else', () => {
  it('is shown when a page request meets it, and a later success puts the alarm and badge back', async () => {
    const h = createHarness();
    const grant = await connectedGrant(h);
    const repair = breakStorage(h, 'UnknownError', { stage: 'open' });

    await expect(h.send('grants.list')).rejects.toMatchObject({ code: 'storage_failed' });
    expect(h.badge.current).toBe('!');
    expect(h.notifier.sent.map((notice) => notice.id)).toEqual(['storage:open']);

    repair();
    await h.send('grants.list');
    // Storage works again: a re-arm (not awaited by the request) sets the alarm and the count.
    await vi.waitFor(() => expect(h.scheduler.current).toBe(grant.dueAt));
    await vi.waitFor(() => expect(h.badge.current).toBe(0));
    expect(await h.send('health.status')).toEqual({ failures: [] });
  });

  it('keeps "!" over the count while only reads work, and a full disk ends with the wake\'s own write', async () => {
    const h = createHarness();
    const grant = await connectedGrant(h);
    const repair = breakStorage(h, 'QuotaExceededError', { uses: 'write' });
    await expect(h.send('settings.save', { refreshLeadMinutes: 45 })).rejects.toMatchObject({
      code: 'storage_failed',
    });
    expect(h.notifier.sent.map((notice) => notice.id)).toEqual(['storage:quota']);

    // Reads succeed and the re-arm computes a count, but nothing has shown there is room again.
    await h.worker.catchUp();
    expect(h.scheduler.current).toBe(grant.dueAt);
    expect(h.badge.current).toBe('!');
    expect((await h.send('health.status')).failures.map((failure) => failure.kind)).toEqual(['quota']);

    // Disk space freed: the next wake, with nothing due, writes the settings back unchanged and sees it work.
    repair();
    await h.clock.advance(DAY / 48);
    await h.worker.catchUp();
    expect(await h.send('health.status')).toEqual({ failures: [] });
    await vi.waitFor(() => expect(h.badge.current).toBe(0));
  });

  it("does not count a failure that is not the storage's", async () => {
    const h = createHarness();
    h.stores.grants.list = async () => {
      throw new Error('a bug');
    };
    await expect(h.send('grants.list')).rejects.toThrow('a bug');
    expect(await h.send('health.status')).toEqual({ failures: [] });
    expect(h.badge.shown).not.toContain('!');
  });
});

describe('the storage health monitor', () => {
  it('starts healthy when the kept value cannot be read, and keeps working when it cannot be written', async () => {
    const changes: StorageHealth[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const monitor = createStorageHealthMonitor({
      kept: {
        read: async () => {
          throw new Error('session storage unavailable');
        },
        write: async () => {
          throw new Error('session storage unavailable');
        },
      },
      clock: { now: () => 5 },
      onChange: async ({ after }) => void changes.push(after),
    });
    expect(await monitor.current()).toEqual({ failures: [] });
    await monitor.failed('transaction');
    expect(monitor.failingNow()).toBe(true);
    expect(changes).toEqual([{ failures: [{ kind: 'transaction', since: 5 }] }]);
    await monitor.succeeded('write');
    expect(await monitor.current()).toEqual({ failures: [] });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('applies failures and successes in the order they came', async () => {
    const kept = memoryKeptValue<StorageHealth>();
    const monitor = createStorageHealthMonitor({ kept, clock: { now: () => 5 }, onChange: async () => {} });
    await Promise.all([monitor.failed('quota'), monitor.succeeded('write'), monitor.failed('open')]);
    expect(await monitor.current()).toEqual({ failures: [{ kind: 'open', since: 5 }] });
    expect(await kept.read()).toEqual({ failures: [{ kind: 'open', since: 5 }] });
  });
});
