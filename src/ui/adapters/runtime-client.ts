import { createClientOver, type WorkerClient } from '../client';

/**
 * The real client, over webextension-polyfill's `browser.runtime.sendMessage`. The polyfill is a lazy
 * chunk (it throws when imported outside an extension, and stays out of the pages' first load), but
 * its load starts here, as the page starts, so the first message does not wait for it after render.
 */
export function createRuntimeClient(): WorkerClient {
  const polyfill = import('webextension-polyfill');
  polyfill.catch(() => {}); // reported by the first send, not as an unhandled rejection
  return createClientOver(async (message) => {
    const { default: browser } = await polyfill;
    return browser.runtime.sendMessage(message);
  });
}
