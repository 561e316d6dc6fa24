import type { Handlers } from '../messaging/request-parsers';
import type { StorageHealthMonitor } from '../wiring/storage-health-monitor';

/** Answered from memory (and session storage), never from IndexedDB: that may be what fails. */
export function createHealthHandlers(health: StorageHealthMonitor): Pick<Handlers, 'health.status'> {
  return {
    'health.status': async () => {
      const { failures } = await health.current();
      return { failures: failures.map(({ kind, since }) => ({ kind, since })) };
    },
  };
}
