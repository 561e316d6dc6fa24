import type { KeptValue } from '../wiring/ports';

/** The slice of `browser.storage.session` a kept value needs. */
export interface SessionAreaApi {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * One value in `chrome.storage.session`: in memory in the browser, so it outlives a stopped worker (and
 * works when IndexedDB does not) and is gone when the browser closes. Read back through `parse`.
 */
export function createSessionValue<T>(
  area: SessionAreaApi,
  key: string,
  parse: (raw: unknown) => T | undefined,
): KeptValue<T> {
  return {
    read: async () => parse((await area.get(key))[key]),
    write: (value) => area.set({ [key]: value }),
  };
}
