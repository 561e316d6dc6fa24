/**
 * The shop list query's one core (pure): filters, search words, the "needs attention first" order, the
 * window and the counts, over compact rows. The worker runs it over its shop summary
 * (./shop-summary.ts); component tests run it over plain views.
 */
import { COUNTRY_LABELS, PLATFORM_LABELS } from '../platforms/names';
import {
  type GrantQuery,
  type GrantQueryResult,
  type HealthCounts,
  type HealthFilter,
  MAX_QUERY_LIMIT,
  type ShopFilter,
} from '../shared/grant-query';
import type { GrantHealth, GrantView } from '../shared/model';
import type { PlatformId, SellerIdentity } from '../shared/platform';
import { type AttentionKey, byAttention, needsAttention } from './health';

/** One shop as the query sees it: what the filters, the search and the order look at. */
export interface QueryRow extends AttentionKey {
  platform: PlatformId;
  appId: string;
  /** Lower-case venture codes (./shop-summary.ts `shopCountries`). */
  countries: readonly string[];
  /** Lower-case search text (`shopHaystack`). */
  haystack: string;
}

function countryWords(code: string): string {
  return (COUNTRY_LABELS as Record<string, string | undefined>)[code] ?? code.toUpperCase();
}

/** Every venture code a shop covers, lower-case, without repeats. */
export function shopCountries(seller: Pick<SellerIdentity, 'country' | 'countries'>): string[] {
  const codes = [seller.country, ...seller.countries.map((entry) => entry.country)];
  return [...new Set(codes.map((code) => code.toLowerCase()))];
}

/** What a search looks in: account, seller and user ids, countries, platform, app name, shop name and code. */
export function shopHaystack(
  seller: SellerIdentity,
  appName: string,
  platform: PlatformId,
  shop: { shopName?: string | undefined; shopCode?: string | undefined } = {},
): string {
  const parts = [
    seller.account,
    seller.sellerId,
    seller.userId,
    appName,
    PLATFORM_LABELS[platform],
    shop.shopName,
    shop.shopCode,
  ];
  for (const code of shopCountries(seller)) parts.push(code, countryWords(code));
  for (const entry of seller.countries) parts.push(entry.sellerId, entry.userId, entry.shortCode);
  return parts.filter(Boolean).join('\n').toLowerCase();
}

function matchesHealth(health: GrantHealth, filter: HealthFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'attention') return needsAttention({ health });
  return health === filter;
}

/** Filters apart from health: the counts per health are taken over these. */
function matcherOf(filter: ShopFilter): (row: QueryRow) => boolean {
  const terms = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const country = filter.country.toLowerCase();
  return (row) =>
    (filter.platform === 'all' || row.platform === filter.platform) &&
    (filter.appId === 'all' || row.appId === filter.appId) &&
    (filter.country === 'all' || row.countries.includes(country)) &&
    terms.every((term) => row.haystack.includes(term));
}

/** Beyond this many rows a full sort is as quick as keeping the first ones in order. */
const PARTIAL_SORT_UP_TO = 1000;

/**
 * The first `count` rows in the attention order, sorted: kept in a small sorted array while going
 * through the rows once, so a window near the top of 20,000 shops does not sort all of them.
 */
export function firstInOrder<R extends AttentionKey>(rows: readonly R[], count: number): R[] {
  if (count > PARTIAL_SORT_UP_TO || count >= rows.length) return [...rows].sort(byAttention).slice(0, count);
  const kept: R[] = [];
  for (const row of rows) {
    const last = kept[kept.length - 1];
    if (kept.length === count && last !== undefined && byAttention(row, last) >= 0) continue;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (byAttention(kept[middle]!, row) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, row);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

export interface QueryContext<R> {
  /** How many shops there are at all. */
  shops: number;
  countries: string[];
  /** The full view of a row in the window. */
  view(row: R): GrantView;
}

export function answerQuery<R extends QueryRow>(
  rows: Iterable<R>,
  query: GrantQuery,
  context: QueryContext<R>,
): GrantQueryResult {
  const matches = matcherOf(query);
  const counts: HealthCounts = { needs_authorization: 0, failing: 0, expiring: 0, connected: 0, moved: 0 };
  const ranked: R[] = [];
  for (const row of rows) {
    if (!matches(row)) continue;
    counts[row.health] += 1;
    if (matchesHealth(row.health, query.health)) ranked.push(row);
  }
  const limit = Math.min(Math.max(query.limit, 0), MAX_QUERY_LIMIT);
  let offset = Math.max(query.offset, 0);
  if (query.around !== undefined && limit > 0) {
    const target = ranked.find((row) => row.id === query.around);
    // Its place in the order: how many rows come before it (no sort needed).
    if (target)
      offset = Math.floor(ranked.filter((row) => byAttention(row, target) < 0).length / limit) * limit;
  }
  // Past the end (the list shrank): the last window that has rows.
  if (offset >= ranked.length)
    offset = limit > 0 ? Math.max(0, Math.ceil(ranked.length / limit) - 1) * limit : 0;
  const window = firstInOrder(ranked, offset + limit).slice(offset);
  const have = new Set(query.have);
  const changed = new Set(query.changed);
  return {
    ids: window.map((row) => row.id),
    rows: window.filter((row) => !have.has(row.id) || changed.has(row.id)).map(context.view),
    offset,
    total: ranked.length,
    shops: context.shops,
    counts,
    countries: context.countries,
  };
}
