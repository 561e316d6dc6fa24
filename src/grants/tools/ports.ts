/** What the tools service needs from outside the grants core. Adapters live in src/background. */
import type { ToolCaller, ToolsMode } from '../../shared/tools';

/** A consent window on screen: `closed` settles when the person (or Seller Auth) closed it. */
export interface OpenConsent {
  closed: Promise<void>;
  close(): Promise<void>;
}

/** Opens the consent window for one pending request (the page reads it by id). */
export interface ConsentWindow {
  open(requestId: string): Promise<OpenConsent>;
}

export interface PendingConsent {
  id: string;
  caller: ToolCaller;
  askedShops: string[];
  askedMode: ToolsMode;
}

export interface ConsentDecision {
  approve: boolean;
  shopIds: string[];
  mode: ToolsMode;
}

/**
 * The bridge content script per allowed web page origin (`scripting.registerContentScripts`), and the
 * host permission it runs by. `list` is what Chrome has registered: the truth about which pages may ask.
 */
export interface PageBridges {
  list(): Promise<string[]>;
  register(origin: string): Promise<void>;
  unregister(origin: string): Promise<void>;
  /** Gives the host permission of `pattern` back to Chrome (best effort). */
  dropPermission(pattern: string): Promise<void>;
}
