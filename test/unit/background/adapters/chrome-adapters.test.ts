import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createAlarmScheduler,
  DUE_ALARM,
  SAFETY_ALARM,
  SAFETY_PERIOD_MINUTES,
} from '../../../../src/background/adapters/alarm-scheduler';
import { badgeText, createActionBadge } from '../../../../src/background/adapters/badge';
import { createDurableStorage } from '../../../../src/background/adapters/durable-storage';
import { createKeepAwake } from '../../../../src/background/adapters/keep-awake';
import {
  createChromeNotifier,
  grantIdFromNotificationId,
  notificationId,
} from '../../../../src/background/adapters/notifier';
import { createOriginAccess, originPattern } from '../../../../src/background/adapters/origin-access';
import { createSessionValue } from '../../../../src/background/adapters/session-value';
import { createWebLocks } from '../../../../src/background/adapters/web-locks';
import { NEVER_DUE } from '../../../../src/grants/model';

/** A fake `browser.alarms` holding the `existing` alarms. */
const alarms = (existing: Record<string, { periodInMinutes?: number }> = {}) => ({
  create: vi.fn(async () => {}),
  clear: vi.fn(async () => true),
  get: vi.fn(async (name: string) => existing[name]),
});

describe('alarm scheduler', () => {
  it('arms the one due alarm at the given time', async () => {
    const api = alarms();
    await createAlarmScheduler(api).arm(1_700_000_000_000);
    expect(api.create).toHaveBeenCalledWith(DUE_ALARM, { when: 1_700_000_000_000 });
    expect(DUE_ALARM).toBe('seller-auth:due');
  });

  it.each([
    ['nothing due', undefined],
    ['never due', NEVER_DUE],
  ])('clears the alarm when %s', async (_name, when) => {
    const api = alarms();
    await createAlarmScheduler(api).arm(when);
    expect(api.clear).toHaveBeenCalledWith(DUE_ALARM);
    expect(api.create).not.toHaveBeenCalled();
  });
});

describe('safety alarm', () => {
  it('is created with its period when missing', async () => {
    const api = alarms();
    await createAlarmScheduler(api).ensureSafetyAlarm();
    expect(api.create).toHaveBeenCalledWith(SAFETY_ALARM, {
      delayInMinutes: SAFETY_PERIOD_MINUTES,
      periodInMinutes: SAFETY_PERIOD_MINUTES,
    });
    expect([SAFETY_ALARM, SAFETY_PERIOD_MINUTES]).toEqual(['seller-auth:safety', 30]);
  });

  it('is left alone when it exists with its period, so frequent wakes do not keep postponing it', async () => {
    const api = alarms({ [SAFETY_ALARM]: { periodInMinutes: SAFETY_PERIOD_MINUTES } });
    await createAlarmScheduler(api).ensureSafetyAlarm();
    expect(api.get).toHaveBeenCalledWith(SAFETY_ALARM);
    expect(api.create).not.toHaveBeenCalled();
  });

  it.each([
    ['a one-shot', {}],
    ['another period', { periodInMinutes: 5 }],
  ])('replaces %s under its name', async (_case, alarm) => {
    const api = alarms({ [SAFETY_ALARM]: alarm });
    await createAlarmScheduler(api).ensureSafetyAlarm();
    expect(api.create).toHaveBeenCalledWith(SAFETY_ALARM, expect.objectContaining({ periodInMinutes: 30 }));
  });

  it('never touches the due alarm', async () => {
    const api = alarms();
    await createAlarmScheduler(api).ensureSafetyAlarm();
    expect(api.clear).not.toHaveBeenCalled();
    expect(api.create).not.toHaveBeenCalledWith(DUE_ALARM, expect.anything());
  });
});

describe('badge', () => {
  it.each([
    [0, ''],
    [3, '3'],
    [99, '99'],
    [1200, '99+'],
  ])('shows %i as "%s"', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });

  it('writes the text to the action', async () => {
    const action = { setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}) };
    await createActionBadge(action).show(2);
    expect(action.setBadgeText).toHaveBeenCalledWith({ text: '2' });
    await createActionBadge(action).show(0);
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ text: '' });
  });

  it('shows a storage failure as a red "!"', async () => {
    const action = { setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}) };
    await createActionBadge(action).showStorageFailure();
    expect(action.setBadgeText).toHaveBeenCalledWith({ text: '!' });
    expect(action.setBadgeBackgroundColor).toHaveBeenCalledWith({ color: '#C62828' });
  });
});

describe('notifier', () => {
  it('round-trips a grant id that itself contains colons', () => {
    const grantId = 'app-1|u:10101|sg';
    const id = notificationId(grantId, 'reminder-2');
    expect(id).toBe('grant:app-1|u:10101|sg:reminder-2');
    expect(grantIdFromNotificationId(id)).toBe(grantId);
  });

  it.each(['other:thing', 'grant:', 'grant::dead'])('finds no grant in "%s"', (id) => {
    expect(grantIdFromNotificationId(id)).toBeUndefined();
  });

  it('creates a basic notification under the given id, so a newer one replaces it', async () => {
    const notifications = { create: vi.fn(async (id: string) => id) };
    await createChromeNotifier(notifications, 'icon.png').notify({
      id: 'grant:g1:dead',
      grantId: 'g1',
      title: 'Authorize again',
      message: 'shop@example.com must be authorized again.',
    });
    expect(notifications.create).toHaveBeenCalledWith('grant:g1:dead', {
      type: 'basic',
      iconUrl: 'icon.png',
      title: 'Authorize again',
      message: 'shop@example.com must be authorized again.',
      priority: 1,
    });
  });
});

describe('origin access', () => {
  it('asks for the callback origin as a match pattern, without port or path', async () => {
    expect(originPattern('http://127.0.0.1:8787/callback?x=1')).toBe('http://127.0.0.1/*');
    const permissions = { contains: vi.fn(async () => true) };
    expect(await createOriginAccess(permissions).has('https://app.example.com/cb')).toBe(true);
    expect(permissions.contains).toHaveBeenCalledWith({ origins: ['https://app.example.com/*'] });
  });
});

describe('web locks', () => {
  it('runs the task under an exclusive lock of that name and returns its result', async () => {
    const requests: [string, { mode: 'exclusive' }][] = [];
    const locks = {
      request<T>(name: string, options: { mode: 'exclusive' }, task: () => Promise<T>): Promise<T> {
        requests.push([name, options]);
        return task();
      },
    };
    const result = await createWebLocks(locks).withLock('grant:g1', async () => 42);
    expect(result).toBe(42);
    expect(requests).toEqual([['grant:g1', { mode: 'exclusive' }]]);
  });
});

describe('keep awake', () => {
  afterEach(() => vi.useRealTimers());

  it('pings while the task runs and stops after it ends', async () => {
    vi.useFakeTimers();
    const ping = vi.fn(async () => {});
    let finish: () => void = () => {};
    const task = createKeepAwake(ping)(() => new Promise<void>((resolve) => (finish = resolve)));
    await vi.advanceTimersByTimeAsync(61_000);
    expect(ping).toHaveBeenCalledTimes(3);
    finish();
    await task;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).toHaveBeenCalledTimes(3);
  });
});

describe('session value', () => {
  function sessionArea() {
    const items: Record<string, unknown> = {};
    return {
      items,
      get: vi.fn(async (key: string) => (key in items ? { [key]: items[key] } : {})),
      set: vi.fn(async (next: Record<string, unknown>) => void Object.assign(items, next)),
    };
  }
  const asCount = (raw: unknown) => (typeof raw === 'number' ? raw : undefined);

  it('writes under its key and reads back through its parser', async () => {
    const area = sessionArea();
    const kept = createSessionValue(area, 'seller-auth:test', asCount);
    expect(await kept.read()).toBeUndefined();
    await kept.write(3);
    expect(area.items).toEqual({ 'seller-auth:test': 3 });
    expect(await kept.read()).toBe(3);
  });

  it('reads what its parser refuses as nothing', async () => {
    const area = sessionArea();
    area.items['seller-auth:test'] = 'three';
    expect(await createSessionValue(area, 'seller-auth:test', asCount).read()).toBeUndefined();
  });
});

describe('durable storage', () => {
  it('asks the storage manager to persist, and passes on its answer', async () => {
    const storage = { persist: vi.fn(async () => true) };
    expect(await createDurableStorage(storage).request()).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('answers no where there is no storage manager', async () => {
    expect(await createDurableStorage(undefined).request()).toBe(false);
  });
});
