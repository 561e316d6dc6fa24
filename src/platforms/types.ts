/** Plain data shared by the protocol core, the worker and the pages. No behaviour here. */

export type PlatformId = 'lazada' | 'aliexpress';
export const PLATFORM_IDS: readonly PlatformId[] = ['lazada', 'aliexpress'];

/** Lazada ventures plus `cb`, cross-border: one token serving every venture. */
export const COUNTRIES = ['sg', 'my', 'th', 'vn', 'ph', 'id', 'cb'] as const;
export type Country = (typeof COUNTRIES)[number];

export interface PlatformEndpoints {
  authorizeUrl: string;
  tokenCreateUrl: string;
  tokenRefreshUrl: string;
}

/** What the worker needs to sign a token call. Only the worker ever holds one of these. */
export interface AppCredentials {
  platform: PlatformId;
  appKey: string;
  appSecret: string;
  endpoints: PlatformEndpoints;
}

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

/** A token response, parsed and normalized, with absolute deadlines (epoch ms). */
export interface TokenGrant {
  accessToken: string;
  /** Always the newest: a refresh rotates it. */
  refreshToken: string;
  accessExpiresAt: number;
  /**
   * The date by which the seller must authorize again. When the grant cannot be refreshed
   * (`refresh_expires_in` is 0), this equals `accessExpiresAt` and `refreshable` is false.
   */
  refreshExpiresAt: number;
  refreshable: boolean;
  obtainedAt: number;
  seller: SellerIdentity;
  requestId?: string;
}

/** The signed token calls. Implemented by `createTokenClient` (src/platforms/token-client.ts). */
export interface TokenClient {
  /** POST /auth/token/create with the code from the callback. */
  create(app: AppCredentials, code: string): Promise<TokenGrant>;
  /** POST /auth/token/refresh. The returned grant carries the NEW refresh token (rotation). */
  refresh(app: AppCredentials, refreshToken: string): Promise<TokenGrant>;
}
