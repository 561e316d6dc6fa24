import type { OpenExtensionPage } from '../ports';

/** Opens one of our pages (the popup, for a clicked notification) in a normal tab. */
export function createExtensionPageOpener(
  tabs: Pick<typeof chrome.tabs, 'create'> = chrome.tabs,
  runtime: Pick<typeof chrome.runtime, 'getURL'> = chrome.runtime,
): OpenExtensionPage {
  return async (path) => {
    await tabs.create({ url: runtime.getURL(path), active: true });
  };
}
