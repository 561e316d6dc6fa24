import type { AuthWindow } from '../../grants/connect/ports';
import { isCallbackFor } from '../../platforms/callback';
import { SellerAuthError } from '../../shared/errors';

interface EventLike<Listener> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

type UpdatedListener = (tabId: number, changeInfo: { url?: string }, tab: { url?: string }) => void;
type RemovedListener = (tabId: number) => void;

/** The slice of `browser.tabs` the tab login needs. */
export interface TabsApi {
  create(properties: { url: string; active: boolean }): Promise<{ id?: number }>;
  remove(tabId: number): Promise<void>;
  onUpdated: EventLike<UpdatedListener>;
  onRemoved: EventLike<RemovedListener>;
}

/**
 * The callback URL a tab update reveals, if it is the watched tab reaching the registered callback.
 * Chrome shows the url only with host access to its origin (an optional host permission).
 */
export function callbackFromTabUpdate(
  watched: { tabId: number | undefined; redirectUri: string },
  tabId: number,
  changeInfo: { url?: string },
  tab: { url?: string },
): string | undefined {
  if (watched.tabId === undefined || tabId !== watched.tabId) return undefined;
  const url = changeInfo.url ?? tab.url;
  return url !== undefined && isCallbackFor(url, watched.redirectUri) ? url : undefined;
}

/**
 * The login in a normal tab, for apps registered with a callback URL other than chromiumapp.org:
 * open the authorize URL, catch the tab's navigation to the callback, close the tab. The caller times
 * the login out through `signal`: the tab is then closed and the signal's reason rejects.
 */
export function createTabAuthWindow(tabs: TabsApi): AuthWindow {
  return {
    open(authorizeUrl, redirectUri, signal) {
      return new Promise<string>((resolve, reject) => {
        const watched: { tabId: number | undefined; redirectUri: string } = { tabId: undefined, redirectUri };
        let settled = false;

        const finish = (outcome: () => void, closeTab: boolean) => {
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          tabs.onUpdated.removeListener(onUpdated);
          tabs.onRemoved.removeListener(onRemoved);
          if (closeTab && watched.tabId !== undefined) tabs.remove(watched.tabId).catch(() => {});
          outcome();
        };
        const onUpdated: UpdatedListener = (tabId, changeInfo, tab) => {
          const callbackUrl = callbackFromTabUpdate(watched, tabId, changeInfo, tab);
          if (callbackUrl !== undefined) finish(() => resolve(callbackUrl), true);
        };
        const onRemoved: RemovedListener = (tabId) => {
          if (tabId !== watched.tabId) return;
          const cancelled = new SellerAuthError(
            'login_cancelled',
            'The login tab was closed before the seller finished.',
          );
          finish(() => reject(cancelled), false);
        };
        const onAbort = () => finish(() => reject(signal.reason), true);
        if (signal.aborted) {
          reject(signal.reason);
          return;
        }
        signal.addEventListener('abort', onAbort);

        // Listen before the tab exists: nothing may slip between creation and subscription.
        tabs.onUpdated.addListener(onUpdated);
        tabs.onRemoved.addListener(onRemoved);
        tabs.create({ url: authorizeUrl, active: true }).then(
          (tab) => {
            watched.tabId = tab.id;
            if (tab.id === undefined) {
              finish(
                () => reject(new SellerAuthError('auth_page_failed', 'The login tab could not be opened.')),
                false,
              );
            } else if (settled) {
              tabs.remove(tab.id).catch(() => {});
            }
          },
          () =>
            finish(
              () => reject(new SellerAuthError('auth_page_failed', 'The login tab could not be opened.')),
              false,
            ),
        );
      });
    },
  };
}
