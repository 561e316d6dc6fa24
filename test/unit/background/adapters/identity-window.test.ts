import { describe, expect, it, vi } from 'vitest';
import {
  createIdentityAuthWindow,
  identityCallbackUrl,
} from '../../../../src/background/adapters/identity-window';
import { SellerAuthError } from '../../../../src/shared/errors';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

function identityThat(launch: () => Promise<string | undefined>) {
  return { launchWebAuthFlow: vi.fn(launch), getRedirectURL: () => REDIRECT };
}

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
    const url = await createIdentityAuthWindow(identity).open(
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
      createIdentityAuthWindow(identity).open(
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
      createIdentityAuthWindow(identity).open(
        'https://auth.example/a',
        REDIRECT,
        new AbortController().signal,
      ),
    );
    expect(error.code).toBe('auth_page_failed');
  });

  it('gives the chromiumapp.org redirect URL as the identity callback', () => {
    expect(identityCallbackUrl(identityThat(async () => undefined))).toBe(REDIRECT);
  });
});
