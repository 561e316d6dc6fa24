/**
 * The worker's compact picture of every shop, for answering the pages' list queries: each grant without
 * its tokens, with its app's name and a prepared search text. Pure: filled from the stores by
 * ./shop-summary-source.ts, which keeps it in step with IndexedDB (the truth). Health depends on the time
 * and the settings, so it is worked out per query (./shop-query.ts), never stored.
 */
import type { GrantQuery, GrantQueryResult } from '../shared/grant-query';
import type { Settings } from '../shared/model';
import { attentionCount, grantHealth, toGrantView } from './health';
import { type Grant, withoutTokens } from './model';
import { answerQuery, type QueryRow, shopCountries, shopHaystack } from './shop-query';

interface Entry {
  /** The grant with its tokens blanked: nothing secret is kept in memory for the list. */
  grant: Grant;
  appName: string;
  countries: string[];
  haystack: string;
}

interface EntryRow extends QueryRow {
  entry: Entry;
}

export interface ShopSummary {
  /** Replaces everything (a rebuild from the store). */
  replaceAll(grants: readonly Grant[], appNames: ReadonlyMap<string, string>): void;
  /** Puts one grant in place (or adds it); `undefined` removes the id. */
  set(id: string, grant: Grant | undefined, appName: string): void;
  size(): number;
  /** `clockOffsetMs`: the platform's clock minus this one, carried in each view (see GrantView). */
  query(query: GrantQuery, settings: Settings, now: number, clockOffsetMs?: number): GrantQueryResult;
  /** The toolbar badge's count, from the summary rather than the store. */
  attentionCount(settings: Settings, now: number): number;
}

function entryOf(grant: Grant, appName: string): Entry {
  return {
    grant: withoutTokens(grant),
    appName,
    countries: shopCountries(grant.seller),
    haystack: shopHaystack(grant.seller, appName, grant.platform, grant),
  };
}

export function createShopSummary(): ShopSummary {
  const entries = new Map<string, Entry>();
  let countryList: string[] | undefined;

  const countries = () => {
    countryList ??= [...new Set([...entries.values()].flatMap((entry) => entry.countries))].sort();
    return countryList;
  };

  function* rowsAt(settings: Settings, now: number): Generator<EntryRow> {
    for (const entry of entries.values()) {
      const { grant } = entry;
      yield {
        entry,
        id: grant.id,
        health: grantHealth(grant, settings, now),
        refreshExpiresAt: grant.refreshExpiresAt,
        seller: grant.seller,
        platform: grant.platform,
        appId: grant.appId,
        countries: entry.countries,
        haystack: entry.haystack,
      };
    }
  }

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

    query: (query, settings, now, clockOffsetMs = 0) =>
      answerQuery(rowsAt(settings, now), query, {
        shops: entries.size,
        countries: countries(),
        view: (row) => toGrantView(row.entry.grant, row.entry.appName, settings, now, clockOffsetMs),
      }),

    attentionCount: (settings, now) =>
      attentionCount(
        [...entries.values()].map((entry) => entry.grant),
        settings,
        now,
      ),
  };
}
