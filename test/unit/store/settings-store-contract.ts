/**
 * What every SettingsStore must do (ports.ts), run against the IndexedDB store and the in-memory fake.
 * Changes go through the `settings.save` parser first, as they do in the worker.
 */
import { describe, expect, it } from 'vitest';
import type { SettingsStore } from '../../../src/grants/ports';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { normalizeSettingsChange } from '../../../src/shared/settings-change';

export function describeSettingsStoreContract(name: string, makeStore: () => Promise<SettingsStore>): void {
  describe(`SettingsStore contract: ${name}`, () => {
    it('starts from the defaults', async () => {
      const settings = await makeStore();
      expect(await settings.get()).toEqual(DEFAULT_SETTINGS);
    });

    it('saves a change over what is stored, and answers and keeps the result', async () => {
      const settings = await makeStore();
      await settings.save(normalizeSettingsChange({ refreshLeadMinutes: 60 }));
      const saved = await settings.save(normalizeSettingsChange({ reminderDays: [1, 3, 3, 14] }));
      const expected = { ...DEFAULT_SETTINGS, refreshLeadMinutes: 60, reminderDays: [14, 3, 1] };
      expect(saved).toEqual(expected);
      expect(await settings.get()).toEqual(expected);
    });

    it('keeps everything on an empty change', async () => {
      const settings = await makeStore();
      await settings.save(normalizeSettingsChange({ notifications: false, keepAccessDays: 0 }));
      expect(await settings.save({})).toEqual({
        ...DEFAULT_SETTINGS,
        notifications: false,
        keepAccessDays: 0,
      });
    });

    it('hands out copies: changing what it answered changes neither the store nor the defaults', async () => {
      const settings = await makeStore();
      (await settings.get()).reminderDays.push(99);
      (await settings.save({ refreshLeadMinutes: 45 })).reminderDays.push(98);
      expect(await settings.get()).toEqual({ ...DEFAULT_SETTINGS, refreshLeadMinutes: 45 });
      expect(DEFAULT_SETTINGS.reminderDays).toEqual([7, 2, 1]);
    });
  });
}
