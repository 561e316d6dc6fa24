/**
 * Keeps the app's own callback server from receiving the authorization code of a tab login.
 *
 * Measured in Chromium: the server gets `?code=` before `tabs.onUpdated` tells the worker, so it can
 * spend or log the code first. A session `declarativeNetRequest` rule blocking the callback URL in the
 * login tab stops that request, while `tabs.onUpdated` still reports the blocked URL (the tab shows
 * Chrome's "blocked" page at it), so the worker still reads the code. docs/protocol.md#tab-capture.
 */

/** The rule shape used here: a block of main-frame navigations in one tab. */
export interface CallbackBlockRule {
  id: number;
  priority: number;
  action: { type: 'block' };
  condition: { tabIds: number[]; urlFilter: string; resourceTypes: 'main_frame'[] };
}

/** The slice of `browser.declarativeNetRequest` the block needs. */
export interface SessionRulesApi {
  getSessionRules(): Promise<{ id: number }[]>;
  updateSessionRules(options: { addRules?: CallbackBlockRule[]; removeRuleIds?: number[] }): Promise<void>;
}

export interface CallbackBlocker {
  /** Blocks navigations to `redirectUri` (any query) in `tabId` until `unblock`. */
  block(tabId: number, redirectUri: string): Promise<void>;
  unblock(tabId: number): Promise<void>;
}

/**
 * `|<scheme>://<host[:port]><path>^`: the callback with any query or fragment. The URL is normalized
 * as Chrome matches it (lower-case host, no default port). `^` also matches a `/`, so a deeper path
 * is blocked too in that tab while the login runs; blocking more is harmless there, less is not.
 */
export function callbackUrlFilter(redirectUri: string): string {
  const url = new URL(redirectUri);
  return `|${url.protocol}//${url.host}${url.pathname}^`;
}

/** One rule per login tab, so the tab id is the rule id. */
export function callbackBlockRule(tabId: number, redirectUri: string): CallbackBlockRule {
  return {
    id: tabId,
    priority: 1,
    action: { type: 'block' },
    condition: {
      tabIds: [tabId],
      urlFilter: callbackUrlFilter(redirectUri),
      resourceTypes: ['main_frame'],
    },
  };
}

/**
 * Session rules outlive the worker (they last until the browser closes), so a rule whose login died
 * with an earlier worker is removed first: these are the only session rules Seller Auth makes, and no
 * login survives its worker. Every call runs after the previous one, so an `unblock` sent while its
 * `block` is still on the way cannot overtake it and leave the rule behind.
 */
export function createCallbackBlocker(rules: SessionRulesApi): CallbackBlocker {
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => {});
    return result;
  };

  inTurn(async () => {
    const stale = await rules.getSessionRules();
    if (stale.length > 0) await rules.updateSessionRules({ removeRuleIds: stale.map((rule) => rule.id) });
  }).catch(() => {});

  return {
    block: (tabId, redirectUri) =>
      inTurn(() =>
        rules.updateSessionRules({
          removeRuleIds: [tabId],
          addRules: [callbackBlockRule(tabId, redirectUri)],
        }),
      ),
    unblock: (tabId) => inTurn(() => rules.updateSessionRules({ removeRuleIds: [tabId] })),
  };
}
