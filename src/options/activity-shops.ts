/** The shops the activity log can be filtered by. Pure. */
import type { ActivityEntry, GrantView } from '../shared/model';

export interface ActivityShop {
  grantId: string;
  label: string;
}

/**
 * Every connected shop plus every shop the log mentions (removed shops stay findable), named
 * "account (COUNTRY) · app" when the grant still exists, else by the account the log recorded.
 */
export function activityShops(
  entries: readonly ActivityEntry[],
  grants: readonly GrantView[],
): ActivityShop[] {
  const shops = new Map<string, string>();
  for (const grant of grants) {
    // An AliExpress grant has no venture: no empty "()" after its account.
    const { account, country } = grant.seller;
    shops.set(grant.id, `${account}${country ? ` (${country.toUpperCase()})` : ''} · ${grant.appName}`);
  }
  for (const entry of entries) {
    if (entry.grantId && !shops.has(entry.grantId)) shops.set(entry.grantId, entry.account ?? entry.grantId);
  }
  return [...shops]
    .map(([grantId, label]) => ({ grantId, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
