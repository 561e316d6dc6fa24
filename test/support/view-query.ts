/** The worker's list query over plain views, for page tests: the same core, without a shop summary. */
import { answerQuery, shopCountries, shopHaystack } from '../../src/grants/shop-query';
import type { GrantQuery, GrantQueryResult } from '../../src/shared/grant-query';
import type { GrantView } from '../../src/shared/model';

export function queryViews(views: readonly GrantView[], query: GrantQuery): GrantQueryResult {
  const rows = views.map((view) => ({
    view,
    id: view.id,
    health: view.health,
    refreshExpiresAt: view.refreshExpiresAt,
    seller: view.seller,
    platform: view.platform,
    appId: view.appId,
    countries: shopCountries(view.seller),
    haystack: shopHaystack(view.seller, view.appName, view.platform, view),
  }));
  return answerQuery(rows, query, {
    shops: views.length,
    countries: [...new Set(rows.flatMap((row) => row.countries))].sort(),
    view: (row) => row.view,
  });
}
