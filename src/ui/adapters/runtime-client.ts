import { createClientOver, type WorkerClient } from '../client';

/**
 * The real client, over the page's own `chrome.runtime.sendMessage` (a promise in MV3). Not the
 * polyfill: the worker answers through `sendResponse` with plain `{ok, ...}` objects, so the polyfill
 * would add nothing here but a chunk every page's first message waits for. A closed port rejects
 * (the polyfill resolved `undefined`); both read as "the worker did not answer" in createClientOver.
 */
export function createRuntimeClient(): WorkerClient {
  return createClientOver((message) => chrome.runtime.sendMessage(message));
}
