import { createClientOver, type WorkerClient } from '../client';

/**
 * The real client, over webextension-polyfill's `browser.runtime.sendMessage`. The polyfill is loaded
 * on first use: it throws when imported outside an extension, and it stays out of the pages' first load.
 */
export function createRuntimeClient(): WorkerClient {
  return createClientOver(async (message) => {
    const { default: browser } = await import('webextension-polyfill');
    return browser.runtime.sendMessage(message);
  });
}
