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

/** The signed token calls. Implemented by `createTokenClient` (src/platforms/token-client.ts). */
export interface TokenClient {
  /** POST /auth/token/create with the code from the callback. */
  create(app: AppCredentials, code: string): Promise<TokenGrant>;
  /** POST /auth/token/refresh. The returned grant carries the NEW refresh token (rotation). */
  refresh(app: AppCredentials, refreshToken: string): Promise<TokenGrant>;
}
