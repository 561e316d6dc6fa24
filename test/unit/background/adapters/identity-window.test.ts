import { describe, expect, it, vi } from 'vitest';
import {
  createIdentityAuthWindow,
  identityCallbackUrl,
  isLoginWindowFor,
  type WindowsApi,
} from '../../../../src/background/adapters/identity-window';
import { SellerAuthError } from '../../../../src/shared/errors';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const AUTHORIZE = 'https://auth.lazada.com/oauth/authorize?client_id=1&state=s';

function identityThat(launch: () => Promise<string | undefined>) {
  return { launchWebAuthFlow: vi.fn(launch), getRedirectURL: () => REDIRECT };
}

type WindowInfo = Awaited<ReturnType<WindowsApi['get']>>;

/** Windows Chrome would report; `open` announces one as `windows.onCreated` does. */
function fakeWindows() {
  const known = new Map<number, WindowInfo>();
  const listeners = new Set<(window: WindowInfo) => void>();
  const windows = {
    get: vi.fn(async (windowId: number) => {
      const window = known.get(windowId);
      if (!window) throw new Error(`No window with id: ${windowId}.`);
      return window;
    }),
    remove: vi.fn(async (windowId: number) => {
      known.delete(windowId);
    }),
    onCreated: {
      addListener: (listener: (window: WindowInfo) => void) => void listeners.add(listener),
      removeListener: (listener: (window: WindowInfo) => void) => void listeners.delete(listener),
    },
  } satisfies WindowsApi;
  const open = (window: WindowInfo & { id: number }) => {
    known.set(window.id, window);
    const { tabs: _tabs, ...announced } = window;
    for (const listener of [...listeners]) listener(announced);
  };
  return { windows, open, listeners };
}

const loginPopup = (id: number, url = AUTHORIZE) => ({ id, type: 'popup', tabs: [{ url }] });

/** A flow that runs until the test ends it, as launchWebAuthFlow does while its window is open. */
function pendingFlow() {
  let end: (outcome: { url?: string; error?: Error }) => void = () => {};
  const identity = identityThat(
    () =>
      new Promise<string | undefined>((resolve, reject) => {
        end = ({ url, error }) => (error ? reject(error) : resolve(url));
      }),
  );
  return { identity, end: (outcome: { url?: string; error?: Error }) => end(outcome) };
}

const expired = () => new SellerAuthError('attempt_expired', 'The login took too long. Try again.');

async function failureOf(promise: Promise<unknown>): Promise<SellerAuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SellerAuthError)) throw new Error('expected a SellerAuthError');
  return error;
}

describe('identity auth window', () => {
  it('launches an interactive flow and resolves with the callback URL reached', async () => {
    const identity = identityThat(async () => `${REDIRECT}?code=abc&state=s`);
    const url = await createIdentityAuthWindow(identity, fakeWindows().windows).open(
      'https://auth.example/authorize?x=1',
      REDIRECT,
      new AbortController().signal,
    );
    expect(url).toBe(`${REDIRECT}?code=abc&state=s`);
    expect(identity.launchWebAuthFlow).toHaveBeenCalledWith({
      url: 'https://auth.example/authorize?x=1',
      interactive: true,
    });
  });

  it.each([
    ['The user did not approve access.', 'login_cancelled'],
    ['Only one web auth flow is allowed at a time.', 'auth_flow_busy'],
    ['Authorization page could not be loaded.', 'auth_page_failed'],
    ['User interaction required.', 'auth_page_failed'],
  ])('maps "%s" to %s', async (message, code) => {
    const identity = identityThat(async () => {
      throw new Error(message);
    });
    const error = await failureOf(
      createIdentityAuthWindow(identity, fakeWindows().windows).open(
        'https://auth.example/a',
        REDIRECT,
        new AbortController().signal,
      ),
    );
    expect(error.code).toBe(code);
  });

  it('treats a flow that ends without a URL as a page failure', async () => {
    const identity = identityThat(async () => undefined);
    const error = await failureOf(
      createIdentityAuthWindow(identity, fakeWindows().windows).open(
        'https://auth.example/a',
        REDIRECT,
        new AbortController().signal,
      ),
    );
    expect(error.code).toBe('auth_page_failed');
  });

  it('closes the login window it opened when the login times out, and nothing else', async () => {
    const { identity, end } = pendingFlow();
    const { windows, open, listeners } = fakeWindows();
    const login = new AbortController();
    const opened = failureOf(
      createIdentityAuthWindow(identity, windows).open(AUTHORIZE, REDIRECT, login.signal),
    );
    open({ id: 1, type: 'normal', tabs: [{ url: AUTHORIZE }] });
    open(loginPopup(2, 'https://elsewhere.example/page'));
    open(loginPopup(3));
    await vi.waitFor(() => expect(windows.get).toHaveBeenCalledTimes(2));
    login.abort(expired());
    expect((await opened).code).toBe('attempt_expired');
    await vi.waitFor(() => expect(windows.remove).toHaveBeenCalledWith(3));
    expect(windows.remove).toHaveBeenCalledTimes(1);
    // Closing the window ends Chrome's flow; only then does the watch stop.
    expect(listeners.size).toBe(1);
    end({ error: new Error('The user did not approve access.') });
    await vi.waitFor(() => expect(listeners.size).toBe(0));
  });

  it('closes a login window that only opens after the timeout', async () => {
    const { identity, end } = pendingFlow();
    const { windows, open } = fakeWindows();
    const login = new AbortController();
    const opened = failureOf(
      createIdentityAuthWindow(identity, windows).open(AUTHORIZE, REDIRECT, login.signal),
    );
    login.abort(expired());
    expect((await opened).code).toBe('attempt_expired');
    open(loginPopup(5));
    await vi.waitFor(() => expect(windows.remove).toHaveBeenCalledWith(5));
    end({ error: new Error('The user did not approve access.') });
  });

  it('closes nothing when the seller finishes in time, and stops watching', async () => {
    const { identity, end } = pendingFlow();
    const { windows, open, listeners } = fakeWindows();
    const login = new AbortController();
    const opened = createIdentityAuthWindow(identity, windows).open(AUTHORIZE, REDIRECT, login.signal);
    open(loginPopup(3));
    end({ url: `${REDIRECT}?code=c&state=s` });
    expect(await opened).toBe(`${REDIRECT}?code=c&state=s`);
    await vi.waitFor(() => expect(listeners.size).toBe(0));
    login.abort(expired());
    expect(windows.remove).not.toHaveBeenCalled();
  });

  it('launches nothing when the login was already given up', async () => {
    const identity = identityThat(async () => REDIRECT);
    const login = new AbortController();
    login.abort(expired());
    const error = await failureOf(
      createIdentityAuthWindow(identity, fakeWindows().windows).open(AUTHORIZE, REDIRECT, login.signal),
    );
    expect(error.code).toBe('attempt_expired');
    expect(identity.launchWebAuthFlow).not.toHaveBeenCalled();
  });

  it('gives the chromiumapp.org redirect URL as the identity callback', () => {
    expect(identityCallbackUrl(identityThat(async () => undefined))).toBe(REDIRECT);
  });
});

describe('isLoginWindowFor', () => {
  it('is a popup window whose one tab is on the authorize origin', () => {
    expect(isLoginWindowFor(loginPopup(1), AUTHORIZE)).toBe(true);
    expect(isLoginWindowFor(loginPopup(1, 'https://auth.lazada.com/oauth/login'), AUTHORIZE)).toBe(true);
    expect(isLoginWindowFor({ type: 'popup', tabs: [{ pendingUrl: AUTHORIZE }] }, AUTHORIZE)).toBe(true);
  });

  it.each([
    ['a normal window', { type: 'normal', tabs: [{ url: AUTHORIZE }] }],
    ['a popup on another origin', loginPopup(1, 'https://auth.lazada.com.evil.example/oauth/authorize')],
    ['a popup whose address is hidden (no host access)', { type: 'popup', tabs: [{}] }],
    ['a popup with several tabs', { type: 'popup', tabs: [{ url: AUTHORIZE }, { url: AUTHORIZE }] }],
    ['a popup with no tab', { type: 'popup', tabs: [] }],
  ])('is not %s', (_name, window) => {
    expect(isLoginWindowFor(window, AUTHORIZE)).toBe(false);
  });
});
