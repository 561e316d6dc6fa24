import type { WorkerEvent } from '../../shared/protocol';
import type { ChangeSignal } from '../wiring/ports';

/** The slice of `browser.runtime` the signal needs. */
export interface RuntimeMessagingApi {
  sendMessage(message: WorkerEvent): Promise<unknown>;
}

/**
 * Broadcasts `{ event: 'grants.changed', ids }` to every open page of this extension (never to others):
 * `ids` names the changed shops, so a page reads back only those; absent, a page reads its window again.
 */
export function createChangeSignal(runtime: RuntimeMessagingApi): ChangeSignal {
  return {
    async grantsChanged(ids) {
      const event: WorkerEvent =
        ids === undefined ? { event: 'grants.changed' } : { event: 'grants.changed', ids: [...ids] };
      // Not awaited: pages never answer a signal, and a change must not wait on them. The rejection is
      // expected ("Receiving end does not exist" with no page open) and means nothing here.
      runtime.sendMessage(event).catch(() => {});
    },
  };
}
