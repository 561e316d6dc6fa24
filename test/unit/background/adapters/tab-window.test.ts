import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
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

function fakeTabs(tabId = 7) {
  const onUpdated = eventOf<[number, { url?: string }, { url?: string }]>();
  const onRemoved = eventOf<[number]>();
  const tabs = {
    create: vi.fn(async (_: { url: string; active: boolean }) => ({ id: tabId })),
    remove: vi.fn(async (_: number) => {}),
    onUpdated,
    onRemoved,
  } satisfies TabsApi;
  return tabs;
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
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens the authorize URL, resolves with the callback and closes the tab', async () => {
    const tabs = fakeTabs();
    const opened = createTabAuthWindow(tabs).open(AUTHORIZE, CALLBACK, new AbortController().signal);
    await vi.waitFor(() => expect(tabs.create).toHaveBeenCalledWith({ url: AUTHORIZE, active: true }));
    await Promise.resolve();
    tabs.onUpdated.fire(7, { url: 'https://auth.lazada.com/login' }, {});
    tabs.onUpdated.fire(7, { url: `${CALLBACK}?code=c&state=s` }, {});
    expect(await opened).toBe(`${CALLBACK}?code=c&state=s`);
    expect(tabs.remove).toHaveBeenCalledWith(7);
    expect(tabs.onUpdated.size + tabs.onRemoved.size).toBe(0);
  });

  it('ends with login_cancelled when the seller closes the tab first', async () => {
    const tabs = fakeTabs();
    const opened = settle(createTabAuthWindow(tabs).open(AUTHORIZE, CALLBACK, new AbortController().signal));
    await vi.waitFor(() => expect(tabs.create).toHaveBeenCalled());
    await Promise.resolve();
    tabs.onRemoved.fire(3); // another tab: ignored
    tabs.onRemoved.fire(7);
    const { error } = (await opened) as { error: SellerAuthError };
    expect(error.code).toBe('login_cancelled');
    expect(tabs.remove).not.toHaveBeenCalled();
  });

  it("closes the tab and rejects with the signal's reason when the caller aborts", async () => {
    const tabs = fakeTabs();
    const login = new AbortController();
    const opened = settle(createTabAuthWindow(tabs).open(AUTHORIZE, CALLBACK, login.signal));
    await vi.waitFor(() => expect(tabs.create).toHaveBeenCalled());
    await Promise.resolve();
    login.abort(new SellerAuthError('attempt_expired', 'The login took too long. Try again.'));
    const { error } = (await opened) as { error: SellerAuthError };
    expect(error.code).toBe('attempt_expired');
    expect(tabs.remove).toHaveBeenCalledWith(7);
    expect(tabs.onUpdated.size + tabs.onRemoved.size).toBe(0);
  });

  it('ends with auth_page_failed when the tab cannot be opened', async () => {
    const tabs = fakeTabs();
    tabs.create.mockRejectedValueOnce(new Error('No current window'));
    const { error } = (await settle(
      createTabAuthWindow(tabs).open(AUTHORIZE, CALLBACK, new AbortController().signal),
    )) as {
      error: SellerAuthError;
    };
    expect(error.code).toBe('auth_page_failed');
    expect(tabs.onUpdated.size + tabs.onRemoved.size).toBe(0);
  });
});
