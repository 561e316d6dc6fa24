/** One connected shop: who it is, its two clocks, what went wrong last, and its actions. */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { GrantView } from '../shared/model';
import { describeError } from '../ui/error-words';
import { countryName, PLATFORM_NAMES } from '../ui/labels';
import { StatusPill } from '../ui/StatusPill';
import { ShopActions } from './ShopActions';
import {
  accessTokenLine,
  deadlineLine,
  isCrossBorder,
  movedLine,
  nextRefreshLine,
  shopCountryName,
  shopLabel,
} from './shop-words';

export interface ShopRowProps {
  view: GrantView;
  now: number;
  /** Opened from a notification about this shop: scroll to it and mark it. */
  highlighted?: boolean;
  connectBusy: boolean;
  onReauthorize(view: GrantView): void;
  onChanged(view: GrantView): void;
  onRemoved(grantId: string): void;
}

export function ShopRow({ view, now, highlighted, ...actions }: ShopRowProps) {
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlighted) row.current?.scrollIntoView?.({ block: 'center' });
  }, [highlighted]);

  const { seller } = view;
  const crossBorder = isCrossBorder(view);
  const meta = [PLATFORM_NAMES[view.platform], shopCountryName(view), view.appName].filter(Boolean);
  if (!crossBorder && seller.sellerId) meta.push(t('shop_seller_id', seller.sellerId));
  const lastError = view.lastError && describeError(view.lastError);
  const moved = movedLine(view);
  const refreshLine = !moved && view.refreshable ? nextRefreshLine(view, now) : undefined;

  return (
    <li
      ref={row}
      class={highlighted ? 'shop shop--highlighted' : 'shop'}
      aria-label={shopLabel(view)}
      aria-current={highlighted ? 'true' : undefined}
      data-grant-id={view.id}
    >
      <div class="shop__head">
        <span class="shop__account">{seller.account}</span>
        {view.shopName && (
          <span class="shop__name muted">
            {view.shopCode ? `${view.shopName} · ${view.shopCode}` : view.shopName}
          </span>
        )}
        <StatusPill health={view.health} waiting={view.slowDownUntil !== undefined} />
      </div>
      <p class="fineprint">{meta.join(' · ')}</p>
      {crossBorder && seller.countries.length > 0 && (
        <ul class="shop__countries" aria-label={t('shop_countries_of', seller.account)}>
          {seller.countries.map((entry) => (
            <li key={entry.country}>
              {[
                countryName(entry.country),
                entry.sellerId && t('shop_seller_id', entry.sellerId),
                entry.userId && t('shop_user_id', entry.userId),
              ]
                .filter(Boolean)
                .join(' · ')}
            </li>
          ))}
        </ul>
      )}
      {moved ? (
        <p>{moved}</p>
      ) : (
        <>
          <p>{accessTokenLine(view, now)}</p>
          <p>{deadlineLine(view, now)}</p>
        </>
      )}
      {!moved && !view.refreshable && <p class="fineprint">{t('shop_not_refreshable')}</p>}
      {refreshLine && <p class="fineprint">{refreshLine}</p>}
      {lastError && (
        <p class="shop__error">
          {t('error_line', lastError.title, lastError.detail)}
          {view.lastError?.platformCode && <span class="fineprint"> ({view.lastError.platformCode})</span>}
        </p>
      )}
      <ShopActions view={view} {...actions} />
    </li>
  );
}
