/** What the protocol core signs and answers with. No behaviour here. */
import type { AppSecret } from '../shared/checked';
import type { PlatformEndpoints, PlatformId, SellerIdentity } from '../shared/platform';

/** What the worker needs to sign a token call. Only the worker ever holds one of these. */
export interface AppCredentials {
  platform: PlatformId;
  appKey: string;
  appSecret: AppSecret;
  endpoints: PlatformEndpoints;
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

/**
 * A refresh reply, read leniently: who the seller is was learned at create, so identity fields are not
 * needed, and what the reply leaves out keeps its stored value.
 */
export interface RefreshedTokens {
  accessToken: string;
  accessExpiresAt: number;
  /** Absent when the reply has none: the stored one stays valid (RFC 6749 section 6). */
  refreshToken?: string;
  /** Absent when the reply states no refresh lifetime: the stored deadline stays. */
  refreshExpiresAt?: number;
  /** False only when the reply says the grant can no longer be refreshed. */
  refreshable: boolean;
  obtainedAt: number;
  requestId?: string;
}

/** The signed token calls. Implemented by `createTokenClient` (src/platforms/token-client.ts). */
export interface TokenClient {
  /** POST /auth/token/create with the code from the callback. */
  create(app: AppCredentials, code: string): Promise<TokenGrant>;
  /**
   * POST /auth/token/refresh. The reply carries the NEW refresh token (rotation). Never aborted once
   * sent: the platform may already have rotated, so only the caller's waiting has a limit.
   */
  refresh(app: AppCredentials, refreshToken: string): Promise<RefreshedTokens>;
  /**
   * The platform's clock minus this computer's, as its latest reply showed; 0 while unknown or under a
   * minute. Calendar dates a person reads are shown on the platform's clock.
   */
  gatewayOffsetMs(): number;
}
