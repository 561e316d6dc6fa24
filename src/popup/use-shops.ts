/**
 * The popup's data: apps and shops, reloaded when the worker signals that grants changed (a refresh
 * it ran, a change from another window), so it shows up without a click. A slow poll while visible
 * is only the safety net for a missed signal: the whole list is large for a large agency.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type ErrorData, toErrorData } from '../shared/errors';
import type { AppView, GrantView } from '../shared/model';
import type { WorkerClient } from '../ui/client';
import { useInterval } from '../ui/use-interval';
import { useWorkerEvent } from '../ui/worker-events';

export interface Shops {
  /** Undefined until the first load answers. */
  apps?: AppView[];
  grants?: GrantView[];
  loadError: ErrorData | null;
  /** The time the words ("in 6 days") are computed against; moves on with each load. */
  now: number;
  reload(): void;
  /** Puts a view the worker just returned in place of the listed one. */
  replaceGrant(view: GrantView): void;
  dropGrant(grantId: string): void;
}

export function useShops(client: WorkerClient, pollMs: number, clock: () => number): Shops {
  const [apps, setApps] = useState<AppView[]>();
  const [grants, setGrants] = useState<GrantView[]>();
  const [loadError, setLoadError] = useState<ErrorData | null>(null);
  const [now, setNow] = useState(clock);
  const loading = useRef(false);
  const loadAgain = useRef(false);
  const mounted = useRef(true);

  const load = useCallback(async () => {
    // One load at a time; reloads asked for meanwhile (a burst of signals) run once right after, so
    // no change is missed and a burst costs one more read, not one each.
    if (loading.current) {
      loadAgain.current = true;
      return;
    }
    loading.current = true;
    try {
      do {
        loadAgain.current = false;
        try {
          const [nextApps, nextGrants] = await Promise.all([
            client.send('apps.list', undefined),
            client.send('grants.list', undefined),
          ]);
          if (!mounted.current) return;
          setApps(nextApps);
          setGrants(nextGrants);
          setLoadError(null);
        } catch (error) {
          if (mounted.current) setLoadError(toErrorData(error));
        }
        if (mounted.current) setNow(clock());
      } while (loadAgain.current && mounted.current);
    } finally {
      loading.current = false;
    }
  }, [client, clock]);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  useWorkerEvent('grants.changed', () => void load());
  useInterval(() => {
    if (document.visibilityState !== 'hidden') void load();
  }, pollMs);

  const replaceGrant = useCallback((view: GrantView) => {
    setGrants((list) => list?.map((grant) => (grant.id === view.id ? view : grant)));
  }, []);
  const dropGrant = useCallback((grantId: string) => {
    setGrants((list) => list?.filter((grant) => grant.id !== grantId));
  }, []);
  const reload = useCallback(() => void load(), [load]);

  return { apps, grants, loadError, now, reload, replaceGrant, dropGrant };
}
