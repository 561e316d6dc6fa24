/** The browser half of the login: the URL that opens the platform's consent page. */
import { SellerAuthError } from '../shared/errors';
import type { Country, PlatformId } from '../shared/platform';
import { PLATFORMS } from './descriptors';
import { parseEndpointUrl } from './endpoint-url';

const STATE_BYTES = 32;
/** 22 base64url characters carry 132 bits: anything shorter is guessable. */
const MIN_STATE_LENGTH = 22;

/** A fresh OAuth `state`: 256 random bits, base64url without padding (43 characters). */
export function createState(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(STATE_BYTES));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface AuthorizeUrlInput {
  platform: PlatformId;
  authorizeUrl: string;
  appKey: string;
  redirectUri: string;
  state: string;
  /** Lazada only: limits the country drop-down. Ignored for AliExpress. */
  countries?: readonly Country[];
  /** Ask for a fresh login so staff can switch seller accounts. Default true. */
  forceAuth?: boolean;
}

export function buildAuthorizeUrl(input: AuthorizeUrlInput): string {
  const descriptor = PLATFORMS[input.platform];
  if (!descriptor) throw new SellerAuthError('invalid_input', 'Unknown platform.', { field: 'platform' });
  const url = parseEndpointUrl(input.authorizeUrl, 'authorizeUrl');
  parseEndpointUrl(input.redirectUri, 'callbackUrl');
  // Sent exactly as registered: the platform compares it with the app's callback URL as text.
  const redirectUri = input.redirectUri.trim();
  if (!descriptor.appKeyPattern.test(input.appKey)) {
    throw new SellerAuthError('invalid_input', `This is not a valid ${descriptor.label} app key.`, {
      field: 'appKey',
    });
  }
  if (input.state.length < MIN_STATE_LENGTH) {
    throw new SellerAuthError('invalid_input', 'The login state is too short to be safe.', {
      field: 'state',
    });
  }

  const query = url.searchParams;
  query.set('response_type', 'code');
  query.set('client_id', input.appKey);
  query.set('redirect_uri', redirectUri);
  query.set('force_auth', String(input.forceAuth ?? true));
  query.set('state', input.state);
  // Lazada answers an error page when `uuid` is present, even if an override URL carried one.
  if (!descriptor.supportsUuid) query.delete('uuid');
  if (descriptor.supportsCountryParam) {
    const countries = countryList(input.countries ?? [], descriptor.countries);
    if (countries) query.set('country', countries);
    else query.delete('country');
  }
  return url.href;
}

/** The picked countries in the platform's own order, without duplicates; unknown ones are refused. */
function countryList(picked: readonly Country[], allowed: readonly Country[]): string {
  for (const country of picked) {
    if (!allowed.includes(country)) {
      throw new SellerAuthError('invalid_input', 'One of the chosen countries is not available.', {
        field: 'countries',
      });
    }
  }
  return allowed.filter((country) => picked.includes(country)).join(',');
}
