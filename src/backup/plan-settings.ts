/**
 * Settings carry no time, so "newer" cannot decide. A setting this browser changed from its default is
 * the person's choice here and is kept; one still at its default takes the file's value. Restoring into
 * a fresh profile therefore brings every setting back, and merging into a configured one changes nothing
 * anyone chose.
 */
import { DEFAULT_SETTINGS, type Settings } from '../shared/model';

function same(a: Settings[keyof Settings], b: Settings[keyof Settings]): boolean {
  return Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((value, index) => value === b[index])
    : a === b;
}

export function planSettings(local: Settings, incoming: Settings): Partial<Settings> {
  const changes: Partial<Settings> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (same(local[key], DEFAULT_SETTINGS[key]) && !same(incoming[key], local[key])) {
      Object.assign(changes, { [key]: structuredClone(incoming[key]) });
    }
  }
  return changes;
}
