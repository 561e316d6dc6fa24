/** What differs between the two platforms, as data. Everything else about them is the same gateway. */
import type { ValidUrl } from '../shared/checked';
import type { Country, PlatformEndpoints, PlatformId } from '../shared/platform';
import { PLATFORM_LABELS } from './names';

export interface PlatformDescriptor {
  readonly id: PlatformId;
  readonly label: (typeof PLATFORM_LABELS)[PlatformId];
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

/** Our own constants: trusted as written. */
const url = (text: string) => text as ValidUrl;

export const PLATFORMS: Record<PlatformId, PlatformDescriptor> = {
  lazada: {
    id: 'lazada',
    label: PLATFORM_LABELS.lazada,
    defaultEndpoints: {
      authorizeUrl: url('https://auth.lazada.com/oauth/authorize'),
      tokenCreateUrl: url('https://auth.lazada.com/rest/auth/token/create'),
      tokenRefreshUrl: url('https://auth.lazada.com/rest/auth/token/refresh'),
    },
    countries: ['sg', 'my', 'th', 'vn', 'ph', 'id', 'cb'],
    appKeyPattern: /^\d+$/,
    supportsCountryParam: true,
    supportsUuid: false,
  },
  aliexpress: {
    id: 'aliexpress',
    label: PLATFORM_LABELS.aliexpress,
    defaultEndpoints: {
      authorizeUrl: url('https://api-sg.aliexpress.com/oauth/authorize'),
      tokenCreateUrl: url('https://api-sg.aliexpress.com/rest/auth/token/create'),
      tokenRefreshUrl: url('https://api-sg.aliexpress.com/rest/auth/token/refresh'),
    },
    countries: [],
    // AliExpress keys are numeric in every sample, but no source promises it: only refuse
    // what can never be a key (blanks, spaces, punctuation).
    appKeyPattern: /^[A-Za-z0-9_-]+$/,
    supportsCountryParam: false,
    supportsUuid: true,
  },
};

export { COUNTRY_LABELS } from './names';

/** The platform's endpoints with the app's overrides (checked when the app was saved) applied. */
export function resolveEndpoints(
  platform: PlatformId,
  overrides: Partial<PlatformEndpoints> = {},
): PlatformEndpoints {
  return { ...PLATFORMS[platform].defaultEndpoints, ...overrides };
}
