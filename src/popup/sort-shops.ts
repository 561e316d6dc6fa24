/** Shops needing a person first, then the nearest "authorize again" deadline. */
import type { GrantHealth, GrantView } from '../shared/model';

const ATTENTION_RANK: Record<GrantHealth, number> = {
  needs_authorization: 0,
  failing: 1,
  expiring: 2,
  connected: 3,
};

function compareShops(a: GrantView, b: GrantView): number {
  return (
    ATTENTION_RANK[a.health] - ATTENTION_RANK[b.health] ||
    a.refreshExpiresAt - b.refreshExpiresAt ||
    (a.seller.account < b.seller.account ? -1 : a.seller.account > b.seller.account ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function sortShops(views: readonly GrantView[]): GrantView[] {
  return [...views].sort(compareShops);
}
