/** What the worker knows about itself: `origin` is `chrome-extension://<id>`. */
export interface ExtensionSelf {
  id: string;
  origin: string;
}

/** The fields of `chrome.runtime.MessageSender` the check reads. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

/** Built by hand: `URL.origin` is "null" for schemes the URL parser does not know (outside Chrome). */
function originOf(url: string): string | undefined {
  try {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}`;
  } catch {
    return undefined;
  }
}

/**
 * Only our own extension pages may talk to the worker. No `externally_connectable` means web pages
 * cannot reach it at all; this is defence in depth (a content script, another extension, a forged url).
 */
export function isTrustedSender(sender: MessageSenderLike, self: ExtensionSelf): boolean {
  if (sender.id !== self.id || typeof sender.url !== 'string') return false;
  // A content script carries `tab` and the web page's url, so it fails here; an extension page
  // opened in a tab (the options page) carries `tab` too, with our own url, and passes.
  if (originOf(sender.url) !== self.origin) return false;
  return sender.origin === undefined || sender.origin === self.origin;
}
