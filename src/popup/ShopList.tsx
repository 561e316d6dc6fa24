/**
 * One window of the shops, in the worker's order (needs attention first). Agencies have thousands: only
 * the window is rendered (and held), "Previous" and "Next" move it, and search plus filters, answered by
 * the worker over every shop, appear once the list is longer than a glance.
 */

import { useEffect, useState } from 'preact/hooks';
import type { ShopFilter } from '../shared/grant-query';
import { formatCount, t } from '../shared/i18n';
import type { AppView, GrantView } from '../shared/model';
import { memo } from '../ui/memo';
import { EMPTY_FILTER, isEmptyFilter } from './empty-filter';
import { ShopFilters } from './ShopFilters';
import { ShopRow } from './ShopRow';
import { PAGE_SIZE, type ShopPage } from './use-shops';

/** Up to this many shops, a list reads at a glance and filters would only be clutter. */
const FILTERS_FROM = 9;
/**
 * What the first paint shows before the rest of the window: more than a popup's height of rows (Chrome
 * caps a popup at 600 px; measured, a connected shop's row is about 260 px tall).
 */
const FIRST_PAINT_ROWS = 4;

/** Runs `then` once the next frame is painted (a task after its animation frame); returns a cancel. */
function afterNextPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(then);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

export interface ShopListProps {
  page: ShopPage;
  filter: ShopFilter;
  /** The last question to the worker failed (the notice above says why and offers a retry). */
  loadFailed: boolean;
  apps: readonly AppView[];
  now: number;
  focusGrantId?: string;
  connectBusy: boolean;
  onFilter(filter: ShopFilter): void;
  onPage(offset: number): void;
  onReauthorize(view: GrantView): void;
  onChanged(view: GrantView): void;
  onRemoved(grantId: string): void;
}

export const ShopList = memo(function ShopList({
  page,
  filter,
  loadFailed,
  apps,
  now,
  focusGrantId,
  onFilter,
  onPage,
  ...rowActions
}: ShopListProps) {
  const withFilters = page.shops >= FILTERS_FROM;
  // The list's first paint waits only for the rows it can show; the rest of the window follows after
  // that frame. Measured: rendering and laying out all 50 rows took longer than everything else
  // between the reply and the first row on screen. Not a bare effect: preact runs a component's
  // pending effects early when it renders again, and start-up replies arrive before the first paint.
  const [firstPaintDone, setFirstPaintDone] = useState(false);
  useEffect(() => afterNextPaint(() => setFirstPaintDone(true)), []);
  const rows = firstPaintDone ? page.rows : page.rows.slice(0, FIRST_PAINT_ROWS);
  // Rows that answer an earlier search or filter are not shown under this one once its query failed.
  const unanswered = loadFailed && page.filter !== filter;
  const first = page.offset + 1;
  const last = page.offset + page.rows.length;

  return (
    <section class="shops" aria-label={t('shops_label')}>
      {withFilters && (
        <ShopFilters
          filter={filter}
          onChange={onFilter}
          countries={page.countries}
          apps={apps}
          counts={page.counts}
        />
      )}
      {unanswered ? (
        <p class="empty muted">{t('shops_filter_failed')}</p>
      ) : page.rows.length === 0 ? (
        <p class="empty muted">
          {t('shops_none_match')}{' '}
          {!isEmptyFilter(filter) && (
            <button type="button" class="button" onClick={() => onFilter(EMPTY_FILTER)}>
              {t('shops_clear_filters')}
            </button>
          )}
        </p>
      ) : (
        <ul class="shop-list">
          {rows.map((view) => (
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
      {withFilters && !unanswered && (
        <nav class="list-footer" aria-label={t('shops_pages')}>
          <span role="status">
            {page.rows.length > 0 &&
              t('shops_showing', formatCount(first), formatCount(last), formatCount(page.total))}
          </span>
          {page.offset > 0 && (
            <button type="button" class="button" onClick={() => onPage(page.offset - PAGE_SIZE)}>
              {t('previous')}
            </button>
          )}
          {last < page.total && (
            <button type="button" class="button" onClick={() => onPage(page.offset + PAGE_SIZE)}>
              {t('next')}
            </button>
          )}
        </nav>
      )}
    </section>
  );
});
