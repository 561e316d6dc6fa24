import type { AuthWindow } from '../../grants/connect/ports';
import { SellerAuthError } from '../../shared/errors';

/** The slice of `browser.identity` the login needs. */
export interface IdentityApi {
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
  getRedirectURL(path?: string): string;
}

interface WindowInfo {
  id?: number;
  type?: string;
  tabs?: { url?: string; pendingUrl?: string }[];
}

/** The slice of `browser.windows` that finds and closes the login window. */
export interface WindowsApi {
  get(windowId: number, options: { populate: boolean }): Promise<WindowInfo>;
  remove(windowId: number): Promise<void>;
  onCreated: {
    addListener(listener: (window: WindowInfo) => void): void;
    removeListener(listener: (window: WindowInfo) => void): void;
  };
}

/** Chrome reports launchWebAuthFlow failures only through their message text (docs/protocol.md#identity-flow). */
function identityFlowError(error: unknown): SellerAuthError {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('did not approve access')) {
    return new SellerAuthError('login_cancelled', 'The login window was closed before the seller finished.');
  }
  if (message.includes('Only one web auth flow')) {
    return new SellerAuthError(
      'auth_flow_busy',
      'Another login window is already open. Finish or close it first.',
    );
  }
  return new SellerAuthError('auth_page_failed', 'The login page could not be loaded.');
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url === undefined ? undefined : new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Whether a window is the one launchWebAuthFlow opened for `authorizeUrl`. Measured in Chromium: the
 * flow's window is a `popup` window created once the page has loaded, its one tab already at the
 * authorize URL (whose origin the worker has host access to, so the URL is visible).
 */
export function isLoginWindowFor(window: WindowInfo, authorizeUrl: string): boolean {
  const origin = originOf(authorizeUrl);
  const [tab, ...others] = window.tabs ?? [];
  if (window.type !== 'popup' || origin === undefined || !tab || others.length > 0) return false;
  return originOf(tab.url ?? tab.pendingUrl) === origin;
}

/**
 * The login in Chrome's own auth window; the `<id>.chromiumapp.org` redirect is intercepted, never
 * fetched. launchWebAuthFlow has no cancel: when `signal` aborts (the login timed out), the window it
 * opened is found among the windows created during the flow and closed, which also frees Chrome's
 * one-flow-at-a-time slot for the next login. The watch lasts until Chrome ends the flow, so a window
 * that only appears after the timeout is closed as it opens.
 */
export function createIdentityAuthWindow(identity: IdentityApi, windows: WindowsApi): AuthWindow {
  return {
    open(authorizeUrl, _redirectUri, signal) {
      if (signal.aborted) return Promise.reject(signal.reason);
      const loginWindows = new Set<number>();
      const close = (windowId: number) => windows.remove(windowId).catch(() => {});
      const onCreated = (created: WindowInfo) => {
        const windowId = created.id;
        if (windowId === undefined || created.type !== 'popup') return;
        windows.get(windowId, { populate: true }).then(
          (window) => {
            if (!isLoginWindowFor(window, authorizeUrl)) return;
            loginWindows.add(windowId);
            if (signal.aborted) close(windowId);
          },
          () => {},
        );
      };
      const onAbort = () => {
        for (const windowId of loginWindows) close(windowId);
      };
      windows.onCreated.addListener(onCreated);
      signal.addEventListener('abort', onAbort);

      const flow = identity.launchWebAuthFlow({ url: authorizeUrl, interactive: true });
      const stopWatching = () => {
        windows.onCreated.removeListener(onCreated);
        signal.removeEventListener('abort', onAbort);
      };
      flow.then(stopWatching, stopWatching);

      const aborted = new Promise<never>((_, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
      const finished = flow.then(
        (responseUrl) => {
          if (!responseUrl)
            throw new SellerAuthError('auth_page_failed', 'The login ended without returning.');
          return responseUrl;
        },
        (error: unknown) => {
          throw identityFlowError(error);
        },
      );
      return Promise.race([finished, aborted]);
    },
  };
}

/** This extension's chromiumapp.org callback, to register in the platform console. */
export function identityCallbackUrl(identity: IdentityApi): string {
  return identity.getRedirectURL();
}
