/**
 * The popup's data: apps, and one window of the shop list as the worker answers it (`grants.query`:
 * filtered, searched, needs attention first, with totals and counts per health). The page never holds
 * the whole list. A change signal names the changed shops: the next reply carries only those rows (and
 * any the window newly shows). A slow poll while visible is only the safety net for a missed signal.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type ErrorData, toErrorData } from '../shared/errors';
import type { GrantQuery, HealthCounts, ShopFilter } from '../shared/grant-query';
import type { AppView, GrantView } from '../shared/model';
import type { WorkerClient } from '../ui/client';
import { useInterval } from '../ui/use-interval';
import { useWorkerEvent } from '../ui/worker-events';
import { EMPTY_FILTER } from './empty-filter';

/** Rows in one window of the list. */
export const PAGE_SIZE = 50;

export interface ShopPage {
  /** The window's rows, in the worker's order. */
  rows: GrantView[];
  offset: number;
  /** Shops matching the filter. */
  total: number;
  /** Shops at all. */
  shops: number;
  counts: HealthCounts;
  countries: string[];
  /** The search and filters these rows answer (the one asked for may be newer). */
  filter: ShopFilter;
}

export interface Shops {
  /** Undefined until the first load answers. */
  apps?: AppView[];
  page?: ShopPage;
  loadError: ErrorData | null;
  /** The time the words ("in 6 days") are computed against; moves on with each load. */
  now: number;
  filter: ShopFilter;
  setFilter(filter: ShopFilter): void;
  /** Shows the window starting at `offset` of the matching shops. */
  showPage(offset: number): void;
  reload(): void;
  /** Puts a view the worker just returned in place of the listed one. */
  replaceGrant(view: GrantView): void;
  dropGrant(grantId: string): void;
}

/** What the next request must bring; requests asked for while one runs are merged into one. */
interface Wanted {
  apps?: boolean;
  /** Every row of the window again (first load, poll, a signal without ids). */
  resend?: boolean;
  changed?: readonly string[];
}

interface Pending {
  apps?: boolean;
  resend?: boolean;
  changed: Set<string>;
}

export function useShops(
  client: WorkerClient,
  pollMs: number,
  clock: () => number,
  focusGrantId?: string,
): Shops {
  const [apps, setApps] = useState<AppView[]>();
  const [page, setPage] = useState<ShopPage>();
  const [loadError, setLoadError] = useState<ErrorData | null>(null);
  const [now, setNow] = useState(clock);
  const [filter, setFilterState] = useState<ShopFilter>(EMPTY_FILTER);
  const filterRef = useRef(filter);
  const offsetRef = useRef(0);
  const aroundRef = useRef(focusGrantId);
  const pageRef = useRef<ShopPage | undefined>(undefined);
  const wanted = useRef<Pending | null>(null);
  const loading = useRef(false);
  const mounted = useRef(true);

  const fetchOnce = useCallback(
    async (want: Pending) => {
      const held = pageRef.current?.rows ?? [];
      const around = aroundRef.current;
      const filter = filterRef.current;
      const query: GrantQuery = {
        ...filter,
        offset: offsetRef.current,
        limit: PAGE_SIZE,
        ...(around ? { around } : {}),
        // A burst naming more shops than a window holds: the whole window is the smaller question.
        ...(want.resend || held.length === 0 || want.changed.size > PAGE_SIZE * 4
          ? {}
          : { have: held.map((row) => row.id), changed: [...want.changed] }),
      };
      const [nextApps, result] = await Promise.all([
        want.apps ? client.send('apps.list', undefined) : undefined,
        client.send('grants.query', query),
      ]);
      if (!mounted.current) return;
      const byId = new Map(held.map((row) => [row.id, row]));
      for (const row of result.rows) byId.set(row.id, row);
      // `have` named exactly the rows held here, so every id of the window has its row.
      const rows = result.ids.map((id) => byId.get(id)).filter((row) => row !== undefined);
      aroundRef.current = undefined;
      offsetRef.current = result.offset;
      if (nextApps) setApps(nextApps);
      const { ids: _ids, rows: _rows, ...counts } = result;
      pageRef.current = { ...counts, rows, filter };
      // Set with the page, in one render: a clock moved on in a render of its own draws every row twice.
      setNow(clock());
      setPage(pageRef.current);
      setLoadError(null);
    },
    [client, clock],
  );

  const request = useCallback(
    async (change: Wanted) => {
      const want = wanted.current ?? { changed: new Set() };
      wanted.current = want;
      if (change.apps) want.apps = true;
      if (change.resend) want.resend = true;
      for (const id of change.changed ?? []) want.changed.add(id);
      // One request at a time; what is asked for meanwhile (a burst of signals, fast typing) is merged
      // into one more right after, so nothing is missed and a burst costs one more reply, not one each.
      if (loading.current) return;
      loading.current = true;
      try {
        while (wanted.current && mounted.current) {
          const next = wanted.current;
          wanted.current = null;
          try {
            await fetchOnce(next);
          } catch (error) {
            if (mounted.current) {
              setNow(clock());
              setLoadError(toErrorData(error));
            }
          }
        }
      } finally {
        loading.current = false;
      }
    },
    [fetchOnce, clock],
  );

  // A layout effect: the first question leaves before the first paint rather than a frame after it.
  useLayoutEffect(() => {
    mounted.current = true;
    void request({ apps: true, resend: true });
    return () => {
      mounted.current = false;
    };
  }, [request]);

  useWorkerEvent('grants.changed', (event) => {
    void request(event.ids ? { changed: event.ids } : { apps: true, resend: true });
  });
  useInterval(() => {
    if (document.visibilityState !== 'hidden') void request({ apps: true, resend: true });
  }, pollMs);

  const setFilter = useCallback(
    (next: ShopFilter) => {
      filterRef.current = next;
      offsetRef.current = 0;
      setFilterState(next);
      void request({});
    },
    [request],
  );
  const showPage = useCallback(
    (offset: number) => {
      offsetRef.current = Math.max(0, offset);
      void request({});
    },
    [request],
  );
  const editRows = (edit: (rows: GrantView[]) => GrantView[]) => {
    const current = pageRef.current;
    if (!current) return;
    pageRef.current = { ...current, rows: edit(current.rows) };
    setPage(pageRef.current);
  };
  const replaceGrant = useCallback((view: GrantView) => {
    editRows((rows) => rows.map((row) => (row.id === view.id ? view : row)));
  }, []);
  const dropGrant = useCallback(
    (grantId: string) => {
      editRows((rows) => rows.filter((row) => row.id !== grantId));
      void request({});
    },
    [request],
  );
  const reload = useCallback(() => void request({ apps: true, resend: true }), [request]);

  return { apps, page, loadError, now, filter, setFilter, showPage, reload, replaceGrant, dropGrant };
}
