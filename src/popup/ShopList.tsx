/**
 * The shops, in the worker's order (needs attention first). Agencies have thousands, so only pages of 50 are rendered
 * ("Show more"), and search plus filters appear once the list is longer than a glance.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { GrantView } from '../shared/model';
import { EMPTY_QUERY, filterShops, isEmptyQuery, type ShopQuery, shopCountries } from './filter-shops';
import { ShopFilters } from './ShopFilters';
import { ShopRow } from './ShopRow';

export const PAGE_SIZE = 50;
/** Up to this many shops, a list reads at a glance and filters would only be clutter. */
const FILTERS_FROM = 9;

export interface ShopListProps {
  shops: readonly GrantView[];
  now: number;
  focusGrantId?: string;
  connectBusy: boolean;
  onReauthorize(view: GrantView): void;
  onChanged(view: GrantView): void;
  onRemoved(grantId: string): void;
}

export function ShopList({ shops, now, focusGrantId, ...rowActions }: ShopListProps) {
  const [query, setQuery] = useState<ShopQuery>(EMPTY_QUERY);
  const [shown, setShown] = useState(PAGE_SIZE);
  // In the worker's order (needs attention first): filtering keeps it.
  const matching = useMemo(() => filterShops(shops, query), [shops, query]);
  const countries = useMemo(() => [...new Set(shops.flatMap(shopCountries))].sort(), [shops]);

  // A deep-linked shop beyond the first page: show enough pages to reach it.
  const focusIndex = focusGrantId ? matching.findIndex((view) => view.id === focusGrantId) : -1;
  useEffect(() => {
    if (focusIndex >= shown) setShown(Math.ceil((focusIndex + 1) / PAGE_SIZE) * PAGE_SIZE);
  }, [focusIndex, shown]);

  const changeQuery = (next: ShopQuery) => {
    setQuery(next);
    setShown(PAGE_SIZE);
  };
  const visible = matching.slice(0, shown);

  return (
    <section class="shops" aria-label="Shops">
      {shops.length >= FILTERS_FROM && (
        <ShopFilters query={query} onChange={changeQuery} countries={countries} />
      )}
      {matching.length === 0 ? (
        <p class="empty muted">
          No shops match.{' '}
          {!isEmptyQuery(query) && (
            <button type="button" class="button" onClick={() => changeQuery(EMPTY_QUERY)}>
              Clear search and filters
            </button>
          )}
        </p>
      ) : (
        <ul class="shop-list">
          {visible.map((view) => (
            <ShopRow
              key={view.id}
              view={view}
              now={now}
              highlighted={view.id === focusGrantId}
              {...rowActions}
            />
          ))}
        </ul>
      )}
      {shops.length >= FILTERS_FROM && (
        <div class="list-footer">
          <span>
            Showing {visible.length.toLocaleString('en')} of {matching.length.toLocaleString('en')} shops
          </span>
          {visible.length < matching.length && (
            <button type="button" class="button" onClick={() => setShown(shown + PAGE_SIZE)}>
              Show more
            </button>
          )}
        </div>
      )}
    </section>
  );
}
