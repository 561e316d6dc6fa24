/** The shop search and filters: a pure function over views, fast enough for thousands of shops. */

import type { GrantHealth, GrantView } from '../shared/model';
import type { PlatformId } from '../shared/platform';
import { countryName, PLATFORM_NAMES } from '../ui/labels';

/** `attention`: every shop that is not plainly connected. */
export type HealthFilter = GrantHealth | 'attention' | 'all';

export interface ShopQuery {
  /** Words to find in the account, seller or user ids, countries and app name; all must match. */
  text: string;
  platform: PlatformId | 'all';
  health: HealthFilter;
  /** A lower-case venture code or `cb`; a cross-border shop matches each venture it covers. */
  country: string | 'all';
}

export const EMPTY_QUERY: ShopQuery = { text: '', platform: 'all', health: 'all', country: 'all' };

export function isEmptyQuery(query: ShopQuery): boolean {
  return (
    query.text.trim() === '' && query.platform === 'all' && query.health === 'all' && query.country === 'all'
  );
}

/** Every venture code a shop covers, lower-case, without repeats. */
export function shopCountries(view: GrantView): string[] {
  const codes = [view.seller.country, ...view.seller.countries.map((entry) => entry.country)];
  return [...new Set(codes.map((code) => code.toLowerCase()))];
}

// Views are replaced, never mutated, on each poll: caching by identity is safe and saves rebuilding
// thousands of strings on every keystroke.
const haystacks = new WeakMap<GrantView, string>();

function haystackOf(view: GrantView): string {
  const cached = haystacks.get(view);
  if (cached !== undefined) return cached;
  const { seller } = view;
  const parts = [
    seller.account,
    seller.sellerId,
    seller.userId,
    view.appName,
    PLATFORM_NAMES[view.platform],
    view.shopName,
    view.shopCode,
  ];
  for (const code of shopCountries(view)) parts.push(code, countryName(code));
  for (const entry of seller.countries) parts.push(entry.sellerId, entry.userId, entry.shortCode);
  const haystack = parts.filter(Boolean).join('\n').toLowerCase();
  haystacks.set(view, haystack);
  return haystack;
}

function matchesHealth(view: GrantView, health: HealthFilter): boolean {
  if (health === 'all') return true;
  if (health === 'attention') return view.health !== 'connected' && view.health !== 'moved';
  return view.health === health;
}

export function filterShops(views: readonly GrantView[], query: ShopQuery): GrantView[] {
  const terms = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  const country = query.country.toLowerCase();
  return views.filter(
    (view) =>
      (query.platform === 'all' || view.platform === query.platform) &&
      matchesHealth(view, query.health) &&
      (query.country === 'all' || shopCountries(view).includes(country)) &&
      (terms.length === 0 || terms.every((term) => haystackOf(view).includes(term))),
  );
}
