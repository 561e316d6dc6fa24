/**
 * Token calls only where Chrome grants host access. Without access a signed form POST is still sent
 * (a CORS simple request: the platform acts on it, the worker sees only "Failed to fetch"), so the
 * check comes first and nothing leaves: the call fails with `permission_denied` instead.
 */
import type { AppCredentials, TokenClient } from '../platforms/types';
import { SellerAuthError } from '../shared/errors';
import type { OriginAccess } from './connect/ports';

export const HOST_ACCESS_MISSING =
  "Chrome has not granted Seller Auth access to this app's token address. Allow access, then try again.";

async function requireAccess(access: OriginAccess, url: string): Promise<void> {
  if (await access.has(url)) return;
  // The pattern "Allow access" asks Chrome for: the origin, as host permissions are origin-wide.
  const { protocol, hostname } = new URL(url);
  throw new SellerAuthError('permission_denied', HOST_ACCESS_MISSING, {
    origin: `${protocol}//${hostname}/*`,
  });
}

/** Wraps the token client used by both connect and refresh: each call checks its endpoint's origin. */
export function withHostAccess(tokens: TokenClient, access: OriginAccess): TokenClient {
  return {
    gatewayOffsetMs: () => tokens.gatewayOffsetMs(),
    async create(app: AppCredentials, code: string) {
      await requireAccess(access, app.endpoints.tokenCreateUrl);
      return tokens.create(app, code);
    },
    async refresh(app: AppCredentials, refreshToken: string) {
      await requireAccess(access, app.endpoints.tokenRefreshUrl);
      return tokens.refresh(app, refreshToken);
    },
  };
}
