/** What differs between the two platforms, as data. Everything else about them is the same gateway. */
import { SellerAuthError } from '../shared/errors';
import type { Country, PlatformEndpoints, PlatformId } from '../shared/platform';
import { parseEndpointUrl } from './endpoint-url';

export interface PlatformDescriptor {
  readonly id: PlatformId;
  readonly label: 'Lazada' | 'AliExpress';
  readonly defaultEndpoints: PlatformEndpoints;
  /** Ventures the seller may pick at login (empty: the platform has no such choice). */
  readonly countries: readonly Country[];
  /** What a well-formed app key looks like, to catch paste mistakes before a login is started. */
  readonly appKeyPattern: RegExp;
  /** Whether the authorize URL takes `country=sg,my,...`. */
  readonly supportsCountryParam: boolean;
  /** Whether the authorize URL may carry `uuid` (Lazada answers an error when it does). */
  readonly supportsUuid: boolean;
}

/**
 * The API paths that are signed. Fixed by the API, NOT derived from the endpoint URLs: the sandbox
 * or another marketplace on the same gateway may host the endpoints under any path.
 */
export const TOKEN_CREATE_PATH = '/auth/token/create';
export const TOKEN_REFRESH_PATH = '/auth/token/refresh';

export const PLATFORMS: Record<PlatformId, PlatformDescriptor> = {
  lazada: {
    id: 'lazada',
    label: 'Lazada',
    defaultEndpoints: {
      authorizeUrl: 'https://auth.lazada.com/oauth/authorize',
      tokenCreateUrl: 'https://auth.lazada.com/rest/auth/token/create',
      tokenRefreshUrl: 'https://auth.lazada.com/rest/auth/token/refresh',
    },
    countries: ['sg', 'my', 'th', 'vn', 'ph', 'id', 'cb'],
    appKeyPattern: /^\d+$/,
    supportsCountryParam: true,
    supportsUuid: false,
  },
  aliexpress: {
    id: 'aliexpress',
    label: 'AliExpress',
    defaultEndpoints: {
      authorizeUrl: 'https://api-sg.aliexpress.com/oauth/authorize',
      tokenCreateUrl: 'https://api-sg.aliexpress.com/rest/auth/token/create',
      tokenRefreshUrl: 'https://api-sg.aliexpress.com/rest/auth/token/refresh',
    },
    countries: [],
    // AliExpress keys are numeric in every sample, but no source promises it: only refuse
    // what can never be a key (blanks, spaces, punctuation).
    appKeyPattern: /^[A-Za-z0-9_-]+$/,
    supportsCountryParam: false,
    supportsUuid: true,
  },
};

export const COUNTRY_LABELS: Record<Country, string> = {
  sg: 'Singapore',
  my: 'Malaysia',
  th: 'Thailand',
  vn: 'Vietnam',
  ph: 'Philippines',
  id: 'Indonesia',
  cb: 'Cross-border',
};

const ENDPOINT_FIELDS = ['authorizeUrl', 'tokenCreateUrl', 'tokenRefreshUrl'] as const;

/**
 * The platform's endpoints with the app's overrides applied. A missing or blank override keeps the
 * default; a given one must be absolute https (http only on loopback, for the local sandbox).
 */
export function resolveEndpoints(
  platform: PlatformId,
  overrides: Partial<PlatformEndpoints> = {},
): PlatformEndpoints {
  const descriptor = PLATFORMS[platform];
  if (!descriptor) {
    throw new SellerAuthError('invalid_input', 'Unknown platform.', { field: 'platform' });
  }
  const resolved: PlatformEndpoints = { ...descriptor.defaultEndpoints };
  for (const field of ENDPOINT_FIELDS) {
    const override = overrides[field]?.trim();
    if (override) {
      parseEndpointUrl(override, field);
      resolved[field] = override;
    }
  }
  return resolved;
}
