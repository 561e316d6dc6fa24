/**
 * Keeps the shop summary (./shop-summary.ts) in step with the stores, IndexedDB being the truth. The
 * worker reports each grant write here (../background/wiring/tracked-stores.ts); the next read then
 * fetches only those grants by id. A full read (of the store's listing: one record and the grants
 * written since it was saved) happens once per worker life, or after a change it cannot name (an app
 * renamed or removed with its grants). In between, a query reads nothing from storage: the worker is
 * the stores' only writer, and a script that writes behind it (the benchmark's seeding, through the
 * sandbox build's debug hook) says so (`readAllAgain`).
 */
import type { AppStore, GrantStore } from './ports';
import { createShopSummary, type ShopSummary } from './shop-summary';

/** More changed shops than this in one signal: pages are told "anything may have changed" instead. */
export const MAX_SIGNALLED_IDS = 200;

export interface ShopSummarySource {
  /** Grants with these ids were written (or removed); without ids, anything may have changed. */
  changed(ids?: readonly string[]): void;
  /** The summary, brought up to date with the store first. */
  current(): Promise<ShopSummary>;
  /**
   * The store was written behind the worker, before any page could have seen it: the next read takes
   * every grant again, and the change signal is left as it is.
   */
  readAllAgain(): void;
  /** What every shop's view depends on changed (the settings): the next signal names no ids. */
  viewsChanged(): void;
  /** The ids changed since the last call, for the change signal; undefined when they are not known. */
  takeSignalIds(): string[] | undefined;
}

export function createShopSummarySource(stores: { grants: GrantStore; apps: AppStore }): ShopSummarySource {
  const summary = createShopSummary();
  let stale = true;
  const dirty = new Set<string>();
  let appNames = new Map<string, string>();
  // A new worker does not know what changed before it started: its first signal says so.
  let signal: Set<string> | 'unknown' = 'unknown';
  let syncing: Promise<void> | undefined;

  const rebuild = async () => {
    stale = false;
    dirty.clear();
    try {
      const [grants, apps] = await Promise.all([stores.grants.listing(), stores.apps.list()]);
      appNames = new Map(apps.map((app) => [app.id, app.name]));
      summary.replaceAll(grants, appNames);
    } catch (error) {
      stale = true;
      throw error;
    }
  };

  const readChanged = async () => {
    const ids = [...dirty];
    dirty.clear();
    try {
      const grants = await Promise.all(ids.map((id) => stores.grants.get(id)));
      ids.forEach((id, index) => {
        const grant = grants[index];
        summary.set(id, grant, grant ? (appNames.get(grant.appId) ?? '') : '');
      });
    } catch (error) {
      for (const id of ids) dirty.add(id);
      throw error;
    }
  };

  const syncOnce = async () => {
    if (stale) return rebuild();
    if (dirty.size > 0) await readChanged();
  };

  return {
    changed(ids) {
      if (ids === undefined) {
        stale = true;
        signal = 'unknown';
        return;
      }
      for (const id of ids) dirty.add(id);
      if (signal === 'unknown') return;
      for (const id of ids) signal.add(id);
      if (signal.size > MAX_SIGNALLED_IDS) signal = 'unknown';
    },

    async current() {
      do {
        syncing ??= syncOnce().finally(() => {
          syncing = undefined;
        });
        await syncing;
      } while (stale || dirty.size > 0);
      return summary;
    },

    readAllAgain() {
      stale = true;
    },

    viewsChanged() {
      signal = 'unknown';
    },

    takeSignalIds() {
      const taken = signal;
      signal = new Set();
      return taken === 'unknown' ? undefined : [...taken];
    },
  };
}
