import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/background/messaging/request-parsers';
import { createSettingsStore } from '../../../src/grants/store/settings-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { describeSettingsStoreContract } from './settings-store-contract';
import { openTestDb } from './test-db';

describeSettingsStoreContract('IndexedDB', async () => createSettingsStore((await openTestDb()).db));

describe('IndexedDB SettingsStore', () => {
  it('starts from the defaults', async () => {
    const settings = createSettingsStore((await openTestDb()).db);
    expect(await settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves a partial change (normalized at the edge) over what is stored, and returns the result', async () => {
    const settings = createSettingsStore((await openTestDb()).db);
    await settings.save({ refreshLeadMinutes: 60 });
    const saved = await settings.save(parseRequest('settings.save', { reminderDays: [1, 3, 3, 14] }));
    const expected = { ...DEFAULT_SETTINGS, refreshLeadMinutes: 60, reminderDays: [14, 3, 1] };
    expect(saved).toEqual(expected);
    expect(await settings.get()).toEqual(expected);
  });

  it('keeps what was stored when a change is refused', async () => {
    const settings = createSettingsStore((await openTestDb()).db);
    await settings.save({ maxConcurrentRefreshes: 8 });
    const change = { maxConcurrentRefreshes: 8, maxRefreshesPerMinute: 0 };
    await expect(async () => settings.save(parseRequest('settings.save', change))).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'maxRefreshesPerMinute' },
    });
    expect(await settings.get()).toEqual({ ...DEFAULT_SETTINGS, maxConcurrentRefreshes: 8 });
  });

  it('fills a field missing from an older stored record with its default', async () => {
    const test = await openTestDb();
    const { notifications: _dropped, ...older } = { ...DEFAULT_SETTINGS, refreshLeadMinutes: 90 };
    await test.db.put('settings', older as typeof DEFAULT_SETTINGS, 'settings');
    expect(await createSettingsStore(test.db).get()).toEqual({ ...DEFAULT_SETTINGS, refreshLeadMinutes: 90 });
  });

  it('hands out copies: changing what it returned changes neither the store nor the defaults', async () => {
    const settings = createSettingsStore((await openTestDb()).db);
    const first = await settings.get();
    first.reminderDays.push(99);
    expect(await settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.reminderDays).toEqual([7, 2, 1]);
  });

  it('keeps settings across a close and reopen', async () => {
    const test = await openTestDb();
    await createSettingsStore(test.db).save({ notifications: false, reminderDays: [] });
    expect(await createSettingsStore(await test.reopen()).get()).toEqual({
      ...DEFAULT_SETTINGS,
      notifications: false,
      reminderDays: [],
    });
  });
});
