import type { RuntimeEventsApi } from '../worker-events';

/**
 * The page's own `chrome.runtime`, for hearing the worker's signals. Not the polyfill: pages subscribe
 * as they mount, and loading the polyfill up front would put it in the popup's first load.
 */
export function extensionRuntime(): RuntimeEventsApi {
  return chrome.runtime;
}
