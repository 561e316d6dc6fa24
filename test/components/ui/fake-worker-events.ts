/** Worker signals under a test's control: `emit()` plays a broadcast to every subscribed component. */
import type { WorkerEvent } from '../../../src/shared/protocol';
import type { SubscribeToWorkerEvents, WorkerEventListener } from '../../../src/ui/worker-events';

export interface FakeWorkerEvents {
  subscribe: SubscribeToWorkerEvents;
  emit(event?: WorkerEvent): void;
  /** How many components listen right now. */
  readonly listening: number;
}

export function createFakeWorkerEvents(): FakeWorkerEvents {
  const listeners = new Set<WorkerEventListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event = { event: 'grants.changed' }) {
      for (const listener of [...listeners]) listener(event);
    },
    get listening() {
      return listeners.size;
    },
  };
}
