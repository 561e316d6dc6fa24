import type { AuthWindow } from '../../grants/connect/ports';
import { SellerAuthError } from '../../shared/errors';

/** The slice of `browser.identity` the login needs. */
export interface IdentityApi {
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
  getRedirectURL(path?: string): string;
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

/** The login in Chrome's own auth window; the `<id>.chromiumapp.org` redirect is intercepted, never fetched. */
export function createIdentityAuthWindow(identity: IdentityApi): AuthWindow {
  return {
    async open(authorizeUrl) {
      let responseUrl: string | undefined;
      try {
        responseUrl = await identity.launchWebAuthFlow({ url: authorizeUrl, interactive: true });
      } catch (error) {
        throw identityFlowError(error);
      }
      if (!responseUrl) throw new SellerAuthError('auth_page_failed', 'The login ended without returning.');
      return responseUrl;
    },
  };
}

/** This extension's chromiumapp.org callback, to register in the platform console. */
export function identityCallbackUrl(identity: IdentityApi): string {
  return identity.getRedirectURL();
}
