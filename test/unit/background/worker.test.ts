import { describe, expect, it } from 'vitest';
import { DUE_ALARM, SAFETY_ALARM } from '../../../src/background/adapters/alarm-scheduler';
import { storageFailed } from '../../../src/grants/store/storage-errors';
import { createHarness, type Harness, storeGrant } from './harness';

const DAY = 86_400_000;

describe('catching up on start', () => {
  it.each([
    ['a worker start', (h: Harness) => h.worker.catchUp()],
    ['browser start-up', (h: Harness) => h.worker.onStartup()],
    ['install or update', (h: Harness) => h.worker.onInstalled()],
    ['the due alarm', (h: Harness) => h.worker.onAlarm(DUE_ALARM)],
    ['the safety alarm', (h: Harness) => h.worker.onAlarm(SAFETY_ALARM)],
  ])('%s refreshes the grants that came due and re-arms the alarm', async (_name, trigger) => {
    const h = createHarness();
    const app = await h.addApp();
    const grant = await storeGrant(h, app.id, 'a@shop.sg', '1');
    await h.clock.advanceTo(grant.dueAt + DAY); // the browser was closed past the refresh time

    await trigger(h);

    const after = h.stores.grants.peek(grant.id);
    expect(h.tokens.refreshTokensSent).toEqual([grant.refreshToken]);
    expect(after?.lastRefreshedAt).toBe(h.clock.now());
    expect(after?.dueAt).toBeGreaterThan(h.clock.now());
    expect(h.scheduler.current).toBe(after?.dueAt);
    expect(h.scheduler.safetyEnsured).toBe(1);
    // So the next worker a popup wakes reads its shop list from one record and this wake's writes.
    expect(h.stores.grants.listingSaves).toBe(1);
  });

  it('saves the shop listing even when the scheduled work fails, and a failed save fails no wake', async () => {
    const h = createHarness();
    const app = await h.addApp();
    await storeGrant(h, app.id, 'a@shop.sg', '1');
    h.stores.grants.listDue = async () => {
      throw new Error('index unreadable');
    };
    await expect(h.worker.catchUp()).rejects.toThrow('index unreadable');
    expect(h.stores.grants.listingSaves).toBe(1);

    h.stores.grants.listDue = async () => [];
    h.stores.grants.saveListing = async () => {
      throw storageFailed('save the shop listing', new DOMException('full', 'QuotaExceededError'));
    };
    await expect(h.worker.catchUp()).resolves.toMatchObject({ refreshed: 0 });
  });

  it('ignores other alarms', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grant = await storeGrant(h, app.id, 'a@shop.sg', '1');
    await h.clock.advanceTo(grant.dueAt + 1);
    await h.worker.onAlarm('someone-else');
    expect(h.tokens.calls).toEqual([]);
    expect(h.scheduler.armed).toEqual([]);
  });

  it('shares one run between triggers that arrive together', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grant = await storeGrant(h, app.id, 'a@shop.sg', '1');
    await h.clock.advanceTo(grant.dueAt + 1);
    const [first, second] = [h.worker.catchUp(), h.worker.catchUp()];
    expect(first).toBe(second);
    expect((await first).refreshed).toBe(1);
    expect(h.tokens.calls).toHaveLength(1);
  });

  it('re-arms even when the scheduled work fails', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grant = await storeGrant(h, app.id, 'a@shop.sg', '1');
    h.stores.grants.listDue = async () => {
      throw new Error('index unreadable');
    };
    await expect(h.worker.catchUp()).rejects.toThrow('index unreadable');
    expect(h.scheduler.current).toBe(grant.dueAt);
    expect(h.scheduler.safetyEnsured).toBe(1);
  });

  it('re-arms, and still refreshes, when expiring an interrupted login fails on storage', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grant = await storeGrant(h, app.id, 'a@shop.sg', '1');
    await h.clock.advanceTo(grant.dueAt + 1);
    h.stores.attempts.latest = async () => {
      throw storageFailed('read the connect attempt', new DOMException('gone', 'UnknownError'));
    };

    await expect(h.worker.catchUp()).rejects.toMatchObject({ code: 'storage_failed' });

    // The failure is reported once the refresh ran; the alarm is set for the refreshed grant.
    expect(h.tokens.refreshTokensSent).toEqual([grant.refreshToken]);
    const after = h.stores.grants.peek(grant.id);
    expect(after?.lastRefreshedAt).toBe(h.clock.now());
    expect(h.scheduler.current).toBe(after?.dueAt);
    expect(h.scheduler.safetyEnsured).toBe(1);
  });

  it('still makes sure of the safety alarm when the re-arm itself fails', async () => {
    const h = createHarness();
    h.stores.grants.earliestDueAt = async () => {
      throw storageFailed('read the next due time', new DOMException('gone', 'UnknownError'), 'open');
    };
    await expect(h.worker.catchUp()).rejects.toMatchObject({ code: 'storage_failed' });
    expect(h.scheduler.armed).toEqual([]);
    expect(h.scheduler.safetyEnsured).toBe(1);
  });

  it('still re-arms when making sure of the safety alarm fails', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grant = await storeGrant(h, app.id, 'a@shop.sg', '1');
    h.scheduler.ensureSafetyAlarm = async () => {
      throw new Error('alarms unavailable');
    };
    await expect(h.worker.catchUp()).rejects.toThrow('alarms unavailable');
    expect(h.scheduler.current).toBe(grant.dueAt);
  });
});

describe('durable storage', () => {
  it.each([
    ['install or update', (h: Harness) => h.worker.onInstalled()],
    ['browser start-up', (h: Harness) => h.worker.onStartup()],
  ])('is asked for on %s', async (_name, trigger) => {
    const h = createHarness();
    await trigger(h);
    expect(h.durableStorage.requests).toBe(1);
  });

  it('is not asked for on every wake', async () => {
    const h = createHarness();
    await h.worker.onAlarm(DUE_ALARM);
    await h.worker.onAlarm(SAFETY_ALARM);
    await h.worker.catchUp();
    expect(h.durableStorage.requests).toBe(0);
  });

  it('never holds up the catch-up, even when the browser refuses', async () => {
    const h = createHarness();
    h.durableStorage.request = async () => {
      throw new DOMException('no', 'InvalidStateError');
    };
    await expect(h.worker.onInstalled()).resolves.toBeUndefined();
    expect(h.badge.shown).toEqual([0]);
  });
});

describe('rearm', () => {
  it('sets the alarm to the earliest dueAt and the badge to the attention count', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const early = await storeGrant(h, app.id, 'a@shop.sg', '1');
    await h.clock.advance(DAY);
    await storeGrant(h, app.id, 'b@shop.sg', '2');
    const dead = await storeGrant(h, app.id, 'c@shop.sg', '3');
    await h.stores.grants.put({ ...dead, status: 'needs_authorization', dueAt: Number.MAX_SAFE_INTEGER });

    await h.worker.rearm();

    expect(h.scheduler.current).toBe(early.dueAt);
    expect(h.badge.shown.at(-1)).toBe(1);
  });

  it.each([
    ['reminders 2 and 1 days before', [2, 1]],
    ['reminders off', []],
  ])('counts on the badge every shop whose deadline is within 7 days, with %s', async (_name, days) => {
    const h = createHarness();
    await h.stores.settings.save({ reminderDays: days });
    const app = await h.addApp();
    const now = h.clock.now();
    const soon = await storeGrant(h, app.id, 'a@shop.sg', '1');
    await h.stores.grants.put({ ...soon, refreshExpiresAt: now + 7 * DAY });
    const later = await storeGrant(h, app.id, 'b@shop.sg', '2');
    await h.stores.grants.put({ ...later, refreshExpiresAt: now + 7 * DAY + 60_000 });

    await h.worker.rearm();
    expect(h.badge.shown.at(-1)).toBe(1);

    await h.clock.advance(60_000); // the second shop's deadline is now 7 days away too
    await h.worker.rearm();
    expect(h.badge.shown.at(-1)).toBe(2);
  });

  it('clears the alarm when nothing is scheduled', async () => {
    const h = createHarness();
    await h.worker.rearm();
    expect(h.scheduler.armed).toEqual([undefined]);
    expect(h.badge.shown).toEqual([0]);
  });
});

describe('notification clicks', () => {
  it('open the popup on the grant the notification is about', async () => {
    const h = createHarness();
    await h.worker.onNotificationClicked('grant:app-1|u:10101|sg:needs_authorization');
    expect(h.openedPages).toEqual(['src/popup/index.html?grant=app-1%7Cu%3A10101%7Csg']);
  });

  it('open the popup, where the banner says what to do, for a storage notice', async () => {
    const h = createHarness();
    await h.worker.onNotificationClicked('storage:quota');
    expect(h.openedPages).toEqual(['src/popup/index.html']);
  });

  it('ignore notifications that are not about a grant', async () => {
    const h = createHarness();
    await h.worker.onNotificationClicked('something-else');
    expect(h.openedPages).toEqual([]);
  });
});
