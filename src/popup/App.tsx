/** The popup: header, a storage banner when needed, then setup hint, "Connect shop" and the shop list. */
import { useCallback, useMemo } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { AppView, GrantView } from '../shared/model';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { usePageActions } from '../ui/open-page';
import { ConnectPanel } from './ConnectPanel';
import { EmptyState } from './EmptyState';
import { ShopList } from './ShopList';
import { StorageBanner } from './StorageBanner';
import { clockNotice, reauthorizeCountries } from './shop-words';
import { useConnect } from './use-connect';
import { useShops } from './use-shops';
import { useStorageHealth } from './use-storage-health';

export interface AppProps {
  /** From `?grant=<id>`: the shop a notification was about. */
  focusGrantId?: string;
  clock?: () => number;
  /** How often the shop list is reloaded while open, besides on each change the worker signals. */
  listPollMs?: number;
  /** How often a running login is checked on. */
  connectPollMs?: number;
}

const systemClock = () => Date.now();
/** While apps load: one empty list, so the memoised shop list does not render again for a new one. */
const NO_APPS: readonly AppView[] = [];

export function App({
  focusGrantId,
  clock = systemClock,
  listPollMs = 60_000,
  connectPollMs = 1000,
}: AppProps) {
  const client = useClient();
  const { openOptionsPage } = usePageActions();
  const shops = useShops(client, listPollMs, clock, focusGrantId);
  const connect = useConnect(client, connectPollMs, shops.reload);
  const storage = useStorageHealth(client, listPollMs);
  const rows = shops.page?.rows;
  const clockWords = rows && clockNotice(rows);
  // The banner says it better than the list's own "Could not save" notice.
  const loadError =
    shops.loadError?.code === 'storage_failed' && storage.failures.length > 0 ? null : shops.loadError;
  const checkAgain = useCallback(() => {
    shops.reload();
    storage.reload();
  }, [shops.reload, storage.reload]);

  // Only the shown window is held: a shop outside it is named by the connect panel's own words.
  const accounts = useMemo(() => new Map(rows?.map((view) => [view.id, view.seller.account])), [rows]);
  const accountFor = useCallback((grantId: string) => accounts.get(grantId), [accounts]);
  const reauthorize = useCallback(
    (view: GrantView) => {
      const countries = reauthorizeCountries(view);
      connect.start({ appId: view.appId, ...(countries ? { countries } : {}), reauthorizeGrantId: view.id });
      // The progress shows in the connect panel at the top, possibly far above this row.
      window.scrollTo?.({ top: 0, behavior: 'smooth' });
    },
    [connect.start],
  );

  return (
    <main class="popup">
      <header class="popup__header">
        <h1>Seller Auth</h1>
        <button type="button" class="button button--quiet" onClick={() => void openOptionsPage()}>
          {t('settings')}
        </button>
      </header>
      <StorageBanner failures={storage.failures} onCheckAgain={checkAgain} />
      {loadError && <ErrorNotice error={loadError} onRetry={shops.reload} />}
      {shops.apps === undefined ? (
        !shops.loadError && <p class="muted">{t('loading')}</p>
      ) : shops.apps.length === 0 ? (
        <EmptyState kind="no-apps" />
      ) : (
        <ConnectPanel apps={shops.apps} connect={connect} accountFor={accountFor} />
      )}
      {shops.apps && shops.apps.length > 0 && shops.page?.shops === 0 && <EmptyState kind="no-shops" />}
      {clockWords && (
        <p class="notice" role="status">
          {clockWords}
        </p>
      )}
      {shops.page && shops.page.shops > 0 && (
        <ShopList
          page={shops.page}
          filter={shops.filter}
          loadFailed={shops.loadError !== null}
          apps={shops.apps ?? NO_APPS}
          onFilter={shops.setFilter}
          onPage={shops.showPage}
          now={shops.now}
          focusGrantId={focusGrantId}
          connectBusy={connect.running}
          onReauthorize={reauthorize}
          onChanged={shops.replaceGrant}
          onRemoved={shops.dropGrant}
        />
      )}
    </main>
  );
}
