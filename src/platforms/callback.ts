/** The end of the login: recognising the redirect to the app's callback URL and reading it safely. */
import { SellerAuthError } from '../shared/errors';
import { timingSafeEqual } from './constant-time';
import { sanitizeCode, sanitizeText } from './sanitize';

const DESCRIPTION_MAX_LENGTH = 200;

function tryParseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * Whether `url` is a navigation to the callback: same scheme, host, port and path. The query and
 * hash are ignored; `https://host` and `https://host/` are the same root path (URL normalizes it).
 */
export function isCallbackFor(url: string, redirectUri: string): boolean {
  const actual = tryParseUrl(url);
  const expected = tryParseUrl(redirectUri);
  if (!actual || !expected) return false;
  return (
    actual.protocol === expected.protocol &&
    actual.hostname === expected.hostname &&
    actual.port === expected.port &&
    actual.pathname === expected.pathname
  );
}

/**
 * Reads the authorization code from the callback URL. The `state` is checked first: until it
 * matches, nothing else in the URL can be trusted (not even an error), since anyone can craft one.
 */
export function parseCallback(
  url: string,
  expected: { redirectUri: string; state: string },
): { code: string } {
  if (!isCallbackFor(url, expected.redirectUri)) {
    throw new SellerAuthError(
      'not_our_callback',
      "The login ended on a page that is not the app's callback URL.",
    );
  }
  const query = new URL(url).searchParams;

  const states = query.getAll('state');
  const state = states.length === 1 ? states[0] : undefined;
  if (!state || expected.state === '' || !timingSafeEqual(state, expected.state)) {
    throw new SellerAuthError(
      'state_mismatch',
      'The login answer does not belong to this login attempt (state mismatch). Start the login again.',
    );
  }

  const error = query.get('error');
  if (error) {
    const description = sanitizeText(query.get('error_description') ?? '', DESCRIPTION_MAX_LENGTH);
    const platformCode = sanitizeCode(error);
    throw new SellerAuthError(
      'authorization_denied',
      `The seller did not authorize the app (${platformCode})${description ? `: ${description}` : '.'}`,
      { platformCode },
    );
  }

  const code = query.get('code');
  if (!code || code.trim() === '') {
    throw new SellerAuthError('missing_code', 'The platform came back without an authorization code.');
  }
  return { code };
}
