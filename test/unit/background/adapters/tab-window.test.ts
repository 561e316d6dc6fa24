import { describe, expect, it, vi } from 'vitest';
import {
  type CallbackBlockRule,
  createCallbackBlocker,
  type SessionRulesApi,
} from '../../../../src/background/adapters/callback-block';
import {
  BLANK_LOAD_WAIT_MS,
  BLANK_PAGE,
  callbackFromTabUpdate,
  createTabAuthWindow,
  type TabsApi,
} from '../../../../src/background/adapters/tab-window';
import { SellerAuthError } from '../../../../src/shared/errors';

const CALLBACK = 'https://app.example.com/oauth/callback';
const AUTHORIZE = 'https://auth.lazada.com/oauth/authorize?client_id=1';

type Listener<A extends unknown[]> = (...args: A) => void;

function eventOf<A extends unknown[]>() {
  const listeners = new Set<Listener<A>>();
  return {
    addListener: (listener: Listener<A>) => void listeners.add(listener),
    removeListener: (listener: Listener<A>) => void listeners.delete(listener),
    fire: (...args: A) => {
      for (const listener of [...listeners]) listener(...args);
    },
    get size() {
      return listeners.size;
    },
  };
}

/**
 * Tabs and session rules that write every call, in order, to one shared journal. A created tab
 * reports its blank page loaded right after `create` answers, as Chrome does, unless `blankLoads` is
 * false.
 */
function fakeBrowser(tabId = 7, { blankLoads = true } = {}) {
  const journal: string[] = [];
  const onUpdated = eventOf<[number, { url?: string; status?: string }, { url?: string }]>();
  const onRemoved = eventOf<[number]>();
  const tabs = {
    create: vi.fn(async ({ url }: { url: string; active: boolean }) => {
      journal.push(`create ${url}`);
      if (blankLoads) setTimeout(() => onUpdated.fire(tabId, { status: 'complete' }, { url }), 0);
      return { id: tabId };
    }),
    update: vi.fn(async (id: number, { url }: { url: string }) => {
      journal.push(`navigate ${id} ${url}`);
    }),
    remove: vi.fn(async (id: number) => {
      journal.push(`close ${id}`);
    }),
    onUpdated,
    onRemoved,
  } satisfies TabsApi;
  const rules = new Map<number, CallbackBlockRule>();
  const sessionRules = {
    getSessionRules: vi.fn(async () => [...rules.values()]),
    // Chrome applies removals first, and refuses an id that is already there.
    updateSessionRules: vi.fn(
      async ({ addRules = [], removeRuleIds = [] }: Parameters<SessionRulesApi['updateSessionRules']>[0]) => {
        for (const id of removeRuleIds) rules.delete(id);
        for (const rule of addRules) {
          if (rules.has(rule.id)) throw new Error(`Rule with id ${rule.id} already exists`);
          rules.set(rule.id, rule);
          journal.push(`block ${rule.condition.tabIds.join()} ${rule.condition.urlFilter}`);
        }
        if (removeRuleIds.length > 0 && addRules.length === 0)
          journal.push(`unblock ${removeRuleIds.join()}`);
      },
    ),
  } satisfies SessionRulesApi;
  const window = createTabAuthWindow(tabs, createCallbackBlocker(sessionRules));
  return { tabs, rules, sessionRules, journal, window };
}

async function settle(promise: Promise<unknown>) {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

describe('callbackFromTabUpdate', () => {
  const watched = { tabId: 7, redirectUri: CALLBACK };

  it('returns the url when the watched tab reaches the callback', () => {
    expect(callbackFromTabUpdate(watched, 7, { url: `${CALLBACK}?code=c&state=s` }, {})).toBe(
      `${CALLBACK}?code=c&state=s`,
    );
  });

  it('falls back to the tab url when the change carries none', () => {
    expect(callbackFromTabUpdate(watched, 7, {}, { url: `${CALLBACK}?code=c` })).toBe(`${CALLBACK}?code=c`);
  });

  it('ignores other tabs, other pages, and a tab not yet known', () => {
    expect(callbackFromTabUpdate(watched, 8, { url: `${CALLBACK}?code=c` }, {})).toBeUndefined();
    expect(callbackFromTabUpdate(watched, 7, { url: 'https://auth.lazada.com/login' }, {})).toBeUndefined();
    expect(
      callbackFromTabUpdate(watched, 7, { url: 'https://app.example.com/oauth/callback2?code=c' }, {}),
    ).toBeUndefined();
    expect(
      callbackFromTabUpdate({ tabId: undefined, redirectUri: CALLBACK }, 7, { url: CALLBACK }, {}),
    ).toBeUndefined();
  });

  it('sees nothing when Chrome hides the url (no host access)', () => {
    expect(callbackFromTabUpdate(watched, 7, { status: 'loading' } as { url?: string }, {})).toBeUndefined();
  });
});

describe('tab auth window', () => {
  const BLOCK = `block 7 |${CALLBACK}^`;

  it('blocks the callback in a blank tab before it goes to the authorize URL', async () => {
    const { window, journal, rules } = fakeBrowser();
    window.open(AUTHORIZE, CALLBACK, new AbortController().signal);
    await vi.waitFor(() => expect(journal).toHaveLength(3));
    expect(journal).toEqual([`create ${BLANK_PAGE}`, BLOCK, `navigate 7 ${AUTHORIZE}`]);
    expect([...rules.values()]).toEqual([
      {
        id: 7,
        priority: 1,
        action: { type: 'block' },
        condition: { tabIds: [7], urlFilter: `|${CALLBACK}^`, resourceTypes: ['main_frame'] },
      },
    ]);
  });

  it('sends the tab on only once its blank page has loaded, or after a second at most', async () => {
    vi.useFakeTimers();
    try {
      const { window, tabs } = fakeBrowser(7, { blankLoads: false });
      window.open(AUTHORIZE, CALLBACK, new AbortController().signal);
      await vi.advanceTimersByTimeAsync(BLANK_LOAD_WAIT_MS - 1);
      expect(tabs.update).not.toHaveBeenCalled();
      tabs.onUpdated.fire(8, { status: 'complete' }, {}); // another tab: not ours
      await vi.advanceTimersByTimeAsync(0);
      expect(tabs.update).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(tabs.update).toHaveBeenCalledWith(7, { url: AUTHORIZE });

      const loading = fakeBrowser(7, { blankLoads: false });
      loading.window.open(AUTHORIZE, CALLBACK, new AbortController().signal);
      await vi.advanceTimersByTimeAsync(10);
      loading.tabs.onUpdated.fire(7, { status: 'complete' }, { url: BLANK_PAGE });
      await vi.advanceTimersByTimeAsync(0);
      expect(loading.tabs.update).toHaveBeenCalledWith(7, { url: AUTHORIZE });

      // Chrome may report the blank page loaded before `create` answers with the tab's id.
      const early = fakeBrowser(7, { blankLoads: false });
      early.tabs.create.mockImplementationOnce(async () => {
        early.tabs.onUpdated.fire(7, { status: 'complete' }, { url: BLANK_PAGE });
        return { id: 7 };
      });
      early.window.open(AUTHORIZE, CALLBACK, new AbortController().signal);
      await vi.advanceTimersByTimeAsync(0);
      expect(early.tabs.update).toHaveBeenCalledWith(7, { url: AUTHORIZE });
    } finally {
      vi.useRealTimers();
    }
  });

  it('resolves with the callback, then closes the tab and lifts the block, in that order', async () => {
    const { window, journal, rules, tabs } = fakeBrowser();
    const opened = window.open(AUTHORIZE, CALLBACK, new AbortController().signal);
    await vi.waitFor(() => expect(tabs.update).toHaveBeenCalled());
    tabs.onUpdated.fire(7, { url: 'https://auth.lazada.com/login' }, {});
    tabs.onUpdated.fire(7, { url: `${CALLBACK}?code=c&state=s` }, {});
    expect(await opened).toBe(`${CALLBACK}?code=c&state=s`);
    expect(journal.slice(3)).toEqual(['close 7', 'unblock 7']);
    expect(rules.size).toBe(0);
    expect(tabs.onUpdated.size + tabs.onRemoved.size).toBe(0);
  });

  it('ends with login_cancelled and lifts the block when the seller closes the tab first', async () => {
    const { window, rules, tabs } = fakeBrowser();
    const opened = settle(window.open(AUTHORIZE, CALLBACK, new AbortController().signal));
    await vi.waitFor(() => expect(tabs.update).toHaveBeenCalled());
    tabs.onRemoved.fire(3); // another tab: ignored
    expect(rules.size).toBe(1);
    tabs.onRemoved.fire(7);
    const { error } = (await opened) as { error: SellerAuthError };
    expect(error.code).toBe('login_cancelled');
    expect(tabs.remove).not.toHaveBeenCalled();
    expect(rules.size).toBe(0);
  });

  it('ends with login_cancelled when the tab is closed before Chrome has told its id', async () => {
    const { window, tabs, sessionRules } = fakeBrowser();
    let created = (_: { id: number }) => {};
    tabs.create.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          created = resolve;
        }),
    );
    const opened = settle(window.open(AUTHORIZE, CALLBACK, new AbortController().signal));
    await vi.waitFor(() => expect(tabs.create).toHaveBeenCalled());
    tabs.onRemoved.fire(7);
    created({ id: 7 });
    const { error } = (await opened) as { error: SellerAuthError };
    expect(error.code).toBe('login_cancelled');
    expect(tabs.update).not.toHaveBeenCalled();
    expect(sessionRules.updateSessionRules.mock.calls.flatMap(([call]) => call.addRules ?? [])).toEqual([]);
  });

  it("closes the tab, lifts the block and rejects with the signal's reason when the caller aborts", async () => {
    const { window, rules, tabs, journal } = fakeBrowser();
    const login = new AbortController();
    const opened = settle(window.open(AUTHORIZE, CALLBACK, login.signal));
    await vi.waitFor(() => expect(tabs.update).toHaveBeenCalled());
    login.abort(new SellerAuthError('attempt_expired', 'The login took too long. Try again.'));
    const { error } = (await opened) as { error: SellerAuthError };
    expect(error.code).toBe('attempt_expired');
    expect(journal.slice(3)).toEqual(['close 7', 'unblock 7']);
    expect(rules.size).toBe(0);
    expect(tabs.onUpdated.size + tabs.onRemoved.size).toBe(0);
  });

  it('leaves no rule behind when the login ends while the block is still being added', async () => {
    const { window, rules, tabs, sessionRules } = fakeBrowser();
    let addRule = () => {};
    const update = sessionRules.updateSessionRules.getMockImplementation();
    sessionRules.updateSessionRules.mockImplementationOnce(async (options) => {
      await new Promise<void>((resolve) => {
        addRule = resolve;
      });
      await update?.(options);
    });
    const login = new AbortController();
    const opened = settle(window.open(AUTHORIZE, CALLBACK, login.signal));
    await vi.waitFor(() => expect(sessionRules.updateSessionRules).toHaveBeenCalled());
    login.abort(new SellerAuthError('attempt_expired', 'The login took too long. Try again.'));
    await vi.waitFor(() => expect(tabs.remove).toHaveBeenCalledWith(7));
    addRule();
    expect(((await opened) as { error: SellerAuthError }).error.code).toBe('attempt_expired');
    await vi.waitFor(() => expect(sessionRules.updateSessionRules).toHaveBeenCalledTimes(2));
    expect(rules.size).toBe(0);
    expect(tabs.update).not.toHaveBeenCalled();
  });

  it('never sends the tab to the authorize URL when the block cannot be added', async () => {
    const { window, tabs, sessionRules, rules } = fakeBrowser();
    sessionRules.updateSessionRules.mockRejectedValueOnce(new Error('Internal error'));
    const { error } = (await settle(window.open(AUTHORIZE, CALLBACK, new AbortController().signal))) as {
      error: SellerAuthError;
    };
    expect(error.code).toBe('auth_page_failed');
    expect(tabs.update).not.toHaveBeenCalled();
    expect(tabs.remove).toHaveBeenCalledWith(7);
    expect(rules.size).toBe(0);
    expect(tabs.onUpdated.size + tabs.onRemoved.size).toBe(0);
  });

  it('ends with auth_page_failed when the tab cannot be opened', async () => {
    const { window, tabs, rules } = fakeBrowser();
    tabs.create.mockRejectedValueOnce(new Error('No current window'));
    const { error } = (await settle(window.open(AUTHORIZE, CALLBACK, new AbortController().signal))) as {
      error: SellerAuthError;
    };
    expect(error.code).toBe('auth_page_failed');
    expect(rules.size).toBe(0);
    expect(tabs.onUpdated.size + tabs.onRemoved.size).toBe(0);
  });

  it('closes a tab that opens after the login already ended, and blocks nothing', async () => {
    const { window, tabs, sessionRules, journal } = fakeBrowser();
    let created = (_: { id: number }) => {};
    tabs.create.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          created = resolve;
        }),
    );
    const login = new AbortController();
    const opened = settle(window.open(AUTHORIZE, CALLBACK, login.signal));
    login.abort(new SellerAuthError('attempt_expired', 'The login took too long. Try again.'));
    expect(((await opened) as { error: SellerAuthError }).error.code).toBe('attempt_expired');
    created({ id: 7 });
    await vi.waitFor(() => expect(tabs.remove).toHaveBeenCalledWith(7));
    // Only the start-up clean-up read the rules; nothing was added.
    expect(journal).toEqual(['close 7']);
    expect(sessionRules.updateSessionRules).not.toHaveBeenCalled();
  });
});
