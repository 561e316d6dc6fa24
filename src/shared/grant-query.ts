/**
 * The shop list as the worker answers it: a page asks for a filtered, searched window of rows in the one
 * "needs attention first" order, and gets only those rows plus the counts it shows. Thousands of shops
 * never cross the message channel at once.
 */
import type { GrantHealth, GrantView } from './model';
import type { PlatformId } from './platform';

/** `attention`: every shop that is not plainly connected (nor moved). */
export type HealthFilter = GrantHealth | 'attention' | 'all';

export interface ShopFilter {
  /** Words to find in the account, seller or user ids, countries, platform and app name; all must match. */
  text: string;
  platform: PlatformId | 'all';
  health: HealthFilter;
  /** A lower-case venture code or `cb`; a cross-border shop matches each venture it covers. */
  country: string | 'all';
  /** The app the shop was connected through. */
  appId: string | 'all';
}

/** The most rows one reply carries: a window, never the list (about 1 KB of JSON a row). */
export const MAX_QUERY_LIMIT = 100;

export interface GrantQuery extends ShopFilter {
  /** The window: rows `offset` .. `offset + limit - 1` of the matching shops, in order. */
  offset: number;
  limit: number;
  /** Start the window at the page (of `limit` rows) holding this shop instead, when it matches. */
  around?: string;
  /** Shops the page already shows: their rows are not sent again unless listed in `changed`. */
  have?: string[];
  /** Shops a change signal named: their rows are sent again. */
  changed?: string[];
}

export type HealthCounts = Record<GrantHealth, number>;

export interface GrantQueryResult {
  /** The window's shop ids, in order. */
  ids: string[];
  /** The rows of `ids` the page did not have, or that changed. */
  rows: GrantView[];
  /** Where the window starts (moved by `around`, or clamped to the matching count). */
  offset: number;
  /** How many shops match the filter. */
  total: number;
  /** How many shops there are at all. */
  shops: number;
  /** Shops per health among those matching every filter but the health one. */
  counts: HealthCounts;
  /** Venture codes present among all shops, lower-case and sorted: the country filter's choices. */
  countries: string[];
}
