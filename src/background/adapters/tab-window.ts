import type { AuthWindow } from '../../grants/connect/ports';
import { isCallbackFor } from '../../platforms/callback';
import { SellerAuthError } from '../../shared/errors';
import type { CallbackBlocker } from './callback-block';

interface EventLike<Listener> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

type UpdatedListener = (
  tabId: number,
  changeInfo: { url?: string; status?: string },
  tab: { url?: string },
) => void;
type RemovedListener = (tabId: number) => void;

/** The slice of `browser.tabs` the tab login needs. */
export interface TabsApi {
  create(properties: { url: string; active: boolean }): Promise<{ id?: number }>;
  update(tabId: number, properties: { url: string }): Promise<unknown>;
  remove(tabId: number): Promise<void>;
  onUpdated: EventLike<UpdatedListener>;
  onRemoved: EventLike<RemovedListener>;
}

/** Where the login tab starts: nothing is fetched before the callback block is in place. */
export const BLANK_PAGE = 'about:blank';
/**
 * How long the blank page may take to load before the tab is sent on anyway. Sending it on while the
 * blank page still loads raced DevTools attaching to the new tab in browser tests (the tab then stayed
 * unloaded); it loads within milliseconds.
 */
export const BLANK_LOAD_WAIT_MS = 1_000;

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

const tabFailed = () => new SellerAuthError('auth_page_failed', 'The login tab could not be opened.');

/**
 * The login in a normal tab, for apps registered with a callback URL other than chromiumapp.org: open
 * a blank tab, block the callback URL in it (so the app's server never sees the code), send the tab to
 * the authorize URL, catch its navigation to the callback, close the tab, lift the block. The caller
 * times the login out through `signal`: the tab is then closed and the signal's reason rejects.
 * Whatever ends the login (callback, closed tab, timeout, failure), the block is lifted.
 */
export function createTabAuthWindow(tabs: TabsApi, blocker: CallbackBlocker): AuthWindow {
  return {
    open(authorizeUrl, redirectUri, signal) {
      return new Promise<string>((resolve, reject) => {
        const watched: { tabId: number | undefined; redirectUri: string } = { tabId: undefined, redirectUri };
        let settled = false;

        // The block goes only after the tab is closed: its "blocked" page must not reload onto the callback.
        const endTab = async (tabId: number, closeTab: boolean) => {
          if (closeTab) await tabs.remove(tabId).catch(() => {});
          await blocker.unblock(tabId).catch(() => {});
        };
        const finish = (outcome: () => void, closeTab: boolean) => {
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          tabs.onUpdated.removeListener(onUpdated);
          tabs.onRemoved.removeListener(onRemoved);
          if (watched.tabId === undefined) outcome();
          else endTab(watched.tabId, closeTab).then(outcome);
        };
        // Tabs whose page finished loading, also before `create` has told the login tab's id.
        const loaded = new Set<number>();
        let onLoaded = (_tabId: number) => {};
        const blankLoaded = (tabId: number) =>
          new Promise<void>((done) => {
            if (loaded.has(tabId)) return done();
            const timer = setTimeout(done, BLANK_LOAD_WAIT_MS);
            onLoaded = (id) => {
              if (id !== tabId) return;
              clearTimeout(timer);
              done();
            };
          });
        const onUpdated: UpdatedListener = (tabId, changeInfo, tab) => {
          if (changeInfo.status === 'complete' && (watched.tabId ?? tabId) === tabId) {
            loaded.add(tabId);
            onLoaded(tabId);
          }
          const callbackUrl = callbackFromTabUpdate(watched, tabId, changeInfo, tab);
          if (callbackUrl !== undefined) finish(() => resolve(callbackUrl), true);
        };
        // The tab can be closed before `create` has told its id: remember which ids went meanwhile.
        const removedEarly = new Set<number>();
        const cancel = () => {
          const cancelled = new SellerAuthError(
            'login_cancelled',
            'The login tab was closed before the seller finished.',
          );
          finish(() => reject(cancelled), false);
        };
        const onRemoved: RemovedListener = (tabId) => {
          if (watched.tabId === undefined) removedEarly.add(tabId);
          else if (tabId === watched.tabId) cancel();
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
        const openBlockedTab = async () => {
          const tab = await tabs.create({ url: BLANK_PAGE, active: true });
          if (tab.id === undefined) throw tabFailed();
          if (settled) {
            tabs.remove(tab.id).catch(() => {});
            return;
          }
          watched.tabId = tab.id;
          if (removedEarly.has(tab.id)) return cancel();
          await Promise.all([blocker.block(tab.id, redirectUri), blankLoaded(tab.id)]);
          if (!settled) await tabs.update(tab.id, { url: authorizeUrl });
        };
        // Without the block the code would reach the app's server: no login then, the tab is closed.
        openBlockedTab().catch(() => finish(() => reject(tabFailed()), true));
      });
    },
  };
}
