import type { WorkerEvent } from '../../shared/protocol';
import type { ChangeSignal } from '../wiring/ports';

/** The slice of `browser.runtime` the signal needs. */
export interface RuntimeMessagingApi {
  sendMessage(message: WorkerEvent): Promise<unknown>;
}

const GRANTS_CHANGED: WorkerEvent = { event: 'grants.changed' };

/** Broadcasts `{ event: 'grants.changed' }` to every open page of this extension (never to others). */
export function createChangeSignal(runtime: RuntimeMessagingApi): ChangeSignal {
  return {
    async grantsChanged() {
      // Not awaited: pages never answer a signal, and a change must not wait on them. The rejection is
      // expected ("Receiving end does not exist" with no page open) and means nothing here.
      runtime.sendMessage(GRANTS_CHANGED).catch(() => {});
    },
  };
}
