/**
 * The worker's compact picture of every shop, for answering the pages' list queries: each grant without
 * its tokens, with its app's name and a prepared search text. Pure: filled from the stores by
 * ./shop-summary-source.ts, which keeps it in step with IndexedDB (the truth). Health depends on the time
 * and the settings, so it is worked out per query, never stored.
 */
import { COUNTRY_LABELS, PLATFORMS } from '../platforms/descriptors';
import {
  type GrantQuery,
  type GrantQueryResult,
  type HealthCounts,
  type HealthFilter,
  MAX_QUERY_LIMIT,
  type ShopFilter,
} from '../shared/grant-query';
import type { GrantHealth, GrantView, Settings } from '../shared/model';
import { attentionCount, byAttention, grantHealth, needsAttention, toGrantView } from './health';
import type { Grant } from './model';

interface Entry {
  /** The grant with its tokens blanked: nothing secret is kept in memory for the list. */
  grant: Grant;
  appName: string;
  countries: string[];
  haystack: string;
}

export interface ShopSummary {
  /** Replaces everything (a rebuild from the store). */
  replaceAll(grants: readonly Grant[], appNames: ReadonlyMap<string, string>): void;
  /** Puts one grant in place (or adds it); `undefined` removes the id. */
  set(id: string, grant: Grant | undefined, appName: string): void;
  size(): number;
  query(query: GrantQuery, settings: Settings, now: number): GrantQueryResult;
  /** The toolbar badge's count, from the summary rather than the store. */
  attentionCount(settings: Settings, now: number): number;
}

function countryWords(code: string): string {
  const known = (COUNTRY_LABELS as Record<string, string | undefined>)[code];
  return known ?? code.toUpperCase();
}

/** Every venture code a shop covers, lower-case, without repeats. */
export function grantCountries(grant: Pick<Grant, 'seller'>): string[] {
  const codes = [grant.seller.country, ...grant.seller.countries.map((entry) => entry.country)];
  return [...new Set(codes.map((code) => code.toLowerCase()))];
}

function entryOf(grant: Grant, appName: string): Entry {
  const { seller } = grant;
  const countries = grantCountries(grant);
  const parts = [seller.account, seller.sellerId, seller.userId, appName, PLATFORMS[grant.platform].label];
  for (const code of countries) parts.push(code, countryWords(code));
  for (const entry of seller.countries) parts.push(entry.sellerId, entry.userId, entry.shortCode);
  return {
    grant: { ...grant, accessToken: '', refreshToken: '' },
    appName,
    countries,
    haystack: parts.filter(Boolean).join('\n').toLowerCase(),
  };
}

function matchesHealth(health: GrantHealth, filter: HealthFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'attention') return needsAttention({ health });
  return health === filter;
}

function emptyCounts(): HealthCounts {
  return { needs_authorization: 0, failing: 0, expiring: 0, connected: 0, moved: 0 };
}

/** Filters apart from health: the counts per health are taken over these. */
function matcherOf(filter: ShopFilter): (entry: Entry) => boolean {
  const terms = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const country = filter.country.toLowerCase();
  return (entry) =>
    (filter.platform === 'all' || entry.grant.platform === filter.platform) &&
    (filter.appId === 'all' || entry.grant.appId === filter.appId) &&
    (filter.country === 'all' || entry.countries.includes(country)) &&
    terms.every((term) => entry.haystack.includes(term));
}

interface Ranked {
  entry: Entry;
  view: Pick<GrantView, 'id' | 'health' | 'refreshExpiresAt' | 'seller'>;
}

export function createShopSummary(): ShopSummary {
  const entries = new Map<string, Entry>();
  let countryList: string[] | undefined;

  const countries = () => {
    countryList ??= [...new Set([...entries.values()].flatMap((entry) => entry.countries))].sort();
    return countryList;
  };

  return {
    replaceAll(grants, appNames) {
      entries.clear();
      for (const grant of grants) entries.set(grant.id, entryOf(grant, appNames.get(grant.appId) ?? ''));
      countryList = undefined;
    },

    set(id, grant, appName) {
      if (grant) entries.set(id, entryOf(grant, appName));
      else entries.delete(id);
      countryList = undefined;
    },

    size: () => entries.size,

    query(query, settings, now) {
      const matches = matcherOf(query);
      const counts = emptyCounts();
      const ranked: Ranked[] = [];
      for (const entry of entries.values()) {
        if (!matches(entry)) continue;
        const { grant } = entry;
        const health = grantHealth(grant, settings, now);
        counts[health] += 1;
        if (!matchesHealth(health, query.health)) continue;
        const view = { id: grant.id, health, refreshExpiresAt: grant.refreshExpiresAt, seller: grant.seller };
        ranked.push({ entry, view });
      }
      // The one order: needs attention first (see byAttention); only these fields decide it.
      ranked.sort((a, b) => byAttention(a.view as GrantView, b.view as GrantView));

      const limit = Math.min(Math.max(query.limit, 0), MAX_QUERY_LIMIT);
      let offset = Math.max(query.offset, 0);
      if (query.around !== undefined && limit > 0) {
        const index = ranked.findIndex((item) => item.view.id === query.around);
        if (index >= 0) offset = Math.floor(index / limit) * limit;
      }
      // Past the end (the list shrank): the last window that has rows.
      if (offset >= ranked.length && ranked.length > 0 && limit > 0) {
        offset = Math.floor((ranked.length - 1) / limit) * limit;
      }
      const window = ranked.slice(offset, offset + limit);
      const have = new Set(query.have);
      const changed = new Set(query.changed);
      const rows = window
        .filter((item) => !have.has(item.view.id) || changed.has(item.view.id))
        .map((item) => toGrantView(item.entry.grant, item.entry.appName, settings, now));
      return {
        ids: window.map((item) => item.view.id),
        rows,
        offset: window.length === 0 ? 0 : offset,
        total: ranked.length,
        shops: entries.size,
        counts,
        countries: countries(),
      };
    },

    attentionCount(settings, now) {
      return attentionCount(
        [...entries.values()].map((entry) => entry.grant),
        settings,
        now,
      );
    },
  };
}
