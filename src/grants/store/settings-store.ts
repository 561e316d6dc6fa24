/**
 * SettingsStore over IndexedDB: one record, read over DEFAULT_SETTINGS so a missing field has its
 * default. A change is trusted: `settings.save` parsed and normalized it at the worker's edge.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../shared/model';
import type { SettingsStore } from '../ports';
import { type DbSource, resolveDb } from './connection';
import { SETTINGS_KEY } from './schema';
import { guardStorage, transact } from './storage-errors';

/** A fresh object each time: callers may change what they get without touching the defaults. */
export function settingsWithDefaults(stored: Partial<Settings> | undefined): Settings {
  const settings = { ...DEFAULT_SETTINGS, ...stored };
  return { ...settings, reminderDays: [...settings.reminderDays] };
}

export function createSettingsStore(source: DbSource): SettingsStore {
  const open = () => resolveDb(source);

  return {
    get: () =>
      guardStorage('read settings', async () =>
        settingsWithDefaults(await (await open()).get('settings', SETTINGS_KEY)),
      ),

    save: (change) =>
      guardStorage('save settings', async () => {
        return transact((await open()).transaction('settings', 'readwrite'), async (tx) => {
          const next = settingsWithDefaults({ ...(await tx.store.get(SETTINGS_KEY)), ...change });
          await tx.store.put(next, SETTINGS_KEY);
          return next;
        });
      }),
  };
}
