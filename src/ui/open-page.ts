/**
 * The page-level browser actions (besides messaging): open the settings page, copy text. Components
 * reach them through `usePageActions()`, so tests swap in fakes; the defaults are the real adapters.
 */
import { type ComponentChildren, createContext, h } from 'preact';
import { useContext } from 'preact/hooks';
import { SellerAuthError } from '../shared/errors';
import { requestHostAccess } from './adapters/host-access';
import { openOptionsPage } from './adapters/options-page';

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch (cause) {
    // The browser's reason may quote nothing secret, but it is not words for people either.
    throw new SellerAuthError(
      'internal',
      'The browser did not let Seller Auth copy to the clipboard.',
      {},
      { cause },
    );
  }
}

export interface PageActions {
  openOptionsPage(): Promise<void>;
  copyText(text: string): Promise<void>;
  /** Asks Chrome for host access to one origin pattern; call it first thing in the click. */
  requestHostAccess(origin: string): Promise<boolean>;
}

const browserPageActions: PageActions = { openOptionsPage, copyText, requestHostAccess };

const PageActionsContext = createContext<PageActions>(browserPageActions);

export function PageActionsProvider(props: { actions: PageActions; children?: ComponentChildren }) {
  return h(PageActionsContext.Provider, { value: props.actions }, props.children);
}

export function usePageActions(): PageActions {
  return useContext(PageActionsContext);
}
