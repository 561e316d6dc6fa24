/** Platforms, ventures and sellers: plain data shared by the protocol core, the worker and the pages. */
import type { ValidUrl } from './checked';

export type PlatformId = 'lazada' | 'aliexpress';
export const PLATFORM_IDS: readonly PlatformId[] = ['lazada', 'aliexpress'];

/** Lazada ventures plus `cb`, cross-border: one token serving every venture. */
export const COUNTRIES = ['sg', 'my', 'th', 'vn', 'ph', 'id', 'cb'] as const;
export type Country = (typeof COUNTRIES)[number];

/** The three URLs an app may override: the login page and the two token endpoints. */
export const ENDPOINT_FIELDS = ['authorizeUrl', 'tokenCreateUrl', 'tokenRefreshUrl'] as const;
export type EndpointField = (typeof ENDPOINT_FIELDS)[number];

/** Endpoints as a person typed them (unchecked). */
export type EndpointUrls = Record<EndpointField, string>;

/** Endpoints checked at save (or the platform's own): trusted when signing. */
export type PlatformEndpoints = Record<EndpointField, ValidUrl>;

/** One venture a grant covers (several for a cross-border seller). */
export interface CountryAccount {
  country: string;
  sellerId?: string;
  userId?: string;
  shortCode?: string;
}

/** Who a grant belongs to, normalized across both platforms. */
export interface SellerIdentity {
  /** Login account (Lazada `account`, AliExpress `user_nick` or `account`). */
  account: string;
  accountPlatform?: string;
  /** Lower-case venture code, or `cb` for cross-border. */
  country: string;
  userId?: string;
  sellerId?: string;
  /** One entry per venture; for a single-venture seller, that venture. */
  countries: CountryAccount[];
}
