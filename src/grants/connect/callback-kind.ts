import type { CallbackKind } from '../../shared/model';

/**
 * `identity` when the callback is this extension's chromiumapp.org URL (launchWebAuthFlow intercepts
 * it); `tab` for any other URL, caught as a normal tab navigates to it.
 */
export function callbackKindFor(callbackUrl: string, extensionId: string): CallbackKind {
  try {
    const url = new URL(callbackUrl);
    return url.protocol === 'https:' && url.hostname === `${extensionId}.chromiumapp.org`
      ? 'identity'
      : 'tab';
  } catch {
    return 'tab';
  }
}
