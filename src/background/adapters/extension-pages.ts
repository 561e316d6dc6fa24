import type { OpenExtensionPage } from '../wiring/ports';

/** Opens one of our pages (the popup, for a clicked notification) in a normal tab. */
export function createExtensionPageOpener(
  tabs: { create(properties: { url: string; active: boolean }): Promise<unknown> },
  runtime: { getURL(path: string): string },
): OpenExtensionPage {
  return async (path) => {
    await tabs.create({ url: runtime.getURL(path), active: true });
  };
}
