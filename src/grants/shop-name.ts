/**
 * The shop's name, from Lazada `/seller/get` with the shop's own token, after connect and on
 * authorizing again. Best effort: without host access to the venture's API host, or on any failure,
 * nothing changes (the shop is shown by its login account, as before).
 */
import type { ApiClient } from '../platforms/api-client';
import { apiGatewayFor } from '../platforms/api-hosts';
import type { AppCredentials } from '../platforms/types';
import type { OriginAccess } from './connect/ports';
import type { Grant } from './model';
import type { AppStore, GrantStore } from './ports';

export interface ShopNameDeps {
  grants: GrantStore;
  apps: AppStore;
  credentials(appId: string): Promise<AppCredentials | undefined>;
  api: ApiClient;
  originAccess: OriginAccess;
  /** Pages and subscribers follow the new name. */
  rearm(): Promise<void>;
}

const MAX_NAME_LENGTH = 200;

function textField(data: unknown, field: string): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>)[field];
  if (typeof value !== 'string') return undefined;
  const text = value.trim().slice(0, MAX_NAME_LENGTH);
  return text === '' ? undefined : text;
}

/** Resolves to whether a name was stored; never throws. */
export async function fetchShopName(deps: ShopNameDeps, grant: Grant): Promise<boolean> {
  try {
    if (grant.platform !== 'lazada') return false;
    const [app, profile] = await Promise.all([deps.credentials(grant.appId), deps.apps.get(grant.appId)]);
    if (!app || !profile) return false;
    const gateway = apiGatewayFor(grant.platform, grant.seller.country, profile.endpoints);
    if (!(await deps.originAccess.has(gateway.rest))) return false;
    const answer = await deps.api.call(app, {
      gateway,
      accessToken: grant.accessToken,
      apiPath: '/seller/get',
      params: {},
    });
    const data =
      typeof answer === 'object' && answer !== null ? (answer as { data?: unknown }).data : undefined;
    const shopName = textField(data, 'name');
    if (shopName === undefined) return false;
    const shopCode = textField(data, 'short_code');
    // Only onto the same authorization: a grant removed or authorized again meanwhile is left alone.
    const stored = await deps.grants.update(grant.id, (current) =>
      current && current.authorizedAt === grant.authorizedAt
        ? { ...current, shopName, ...(shopCode ? { shopCode } : {}) }
        : undefined,
    );
    if (!stored || stored.shopName !== shopName) return false;
    await deps.rearm();
    return true;
  } catch {
    return false;
  }
}
