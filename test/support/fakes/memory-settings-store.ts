/** An in-memory SettingsStore, held to the IndexedDB store's contract. */

import type { SettingsStore } from '../../../src/grants/ports';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/model';
import { normalizeSettingsChange } from '../../../src/shared/settings-change';
import { yieldOnce } from './shared';

/**
 * Settings over DEFAULT_SETTINGS. What it is given passes the `settings.save` parser first, as every
 * change does before it reaches the real store, so a test cannot run the worker on settings it refuses.
 */
export class FakeSettingsStore implements SettingsStore {
  private settings: Settings;

  constructor(initial: Partial<Settings> = {}) {
    this.settings = { ...structuredClone(DEFAULT_SETTINGS), ...normalizeSettingsChange(initial) };
  }

  async get(): Promise<Settings> {
    await yieldOnce();
    return structuredClone(this.settings);
  }

  async save(change: Partial<Settings>): Promise<Settings> {
    await yieldOnce();
    this.settings = { ...this.settings, ...normalizeSettingsChange(change) };
    return structuredClone(this.settings);
  }
}
