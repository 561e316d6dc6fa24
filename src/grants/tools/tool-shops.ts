/** What a tool sees of a shop: public identifiers, health and deadlines. Never a token. */
import type { Settings } from '../../shared/model';
import type { ToolShop } from '../../shared/tools';
import { grantHealth } from '../health';
import type { Grant } from '../model';

/** Field by field on purpose: a spread would carry the tokens along. */
export function toToolShop(grant: Grant, settings: Settings, now: number): ToolShop {
  return {
    id: grant.id,
    name: grant.shopName ?? grant.seller.account,
    platform: grant.platform,
    country: grant.seller.country,
    countries: grant.seller.countries.map((entry) => ({ ...entry })),
    health: grantHealth(grant, settings, now),
    accessExpiresAt: grant.accessExpiresAt,
    refreshExpiresAt: grant.refreshExpiresAt,
  };
}
