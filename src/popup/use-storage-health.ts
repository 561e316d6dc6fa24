/**
 * Whether the worker can use its storage, for the popup's banner: asked on open, on every change the
 * worker signals (it signals when the health changes), and on the popup's slow poll.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { StorageFailureView } from '../shared/storage-health';
import type { WorkerClient } from '../ui/client';
import { useInterval } from '../ui/use-interval';
import { useWorkerEvent } from '../ui/worker-events';

export interface StorageHealthState {
  /** Empty while storage works, or until the worker has answered. */
  failures: StorageFailureView[];
  reload(): void;
}

export function useStorageHealth(client: WorkerClient, pollMs: number): StorageHealthState {
  const [failures, setFailures] = useState<StorageFailureView[]>([]);
  const mounted = useRef(true);

  const load = useCallback(async () => {
    try {
      const health = await client.send('health.status', undefined);
      if (mounted.current) setFailures(health.failures);
    } catch {
      // Not answering at all is the shop list's to show (its own error notice); keep what we knew.
    }
  }, [client]);

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

  const reload = useCallback(() => void load(), [load]);
  return { failures, reload };
}
