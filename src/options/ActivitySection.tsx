/**
 * The activity log, newest first, with a view per shop (each shop keeps its last 100 entries however
 * busy the others are); read again on each change the worker signals. The shop choice lists the shops
 * the log mentions plus those a search finds through the worker's list query: never every shop at once.
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type ErrorData, toErrorData } from '../shared/errors';
import { t, tPlural } from '../shared/i18n';
import type { ActivityEntry, GrantView } from '../shared/model';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useWorkerEvent } from '../ui/worker-events';
import { ActivityRow } from './ActivityRow';
import { activityShops } from './activity-shops';

/** Enough to see what happened lately without loading a large agency's whole history. */
export const ACTIVITY_LIMIT = 200;
/** Shops the search offers at once. */
const SHOP_CHOICES = 100;

export function ActivitySection(props: { now?: () => number }): JSX.Element {
  const client = useClient();
  const [entries, setEntries] = useState<ActivityEntry[]>();
  const [allEntries, setAllEntries] = useState<ActivityEntry[]>([]);
  const [grants, setGrants] = useState<GrantView[]>([]);
  const [grantId, setGrantId] = useState('');
  const [shopSearch, setShopSearch] = useState('');
  const [error, setError] = useState<ErrorData>();
  // Only the latest request may fill the table: quick filter changes can answer out of order.
  const latestRequest = useRef(0);

  const load = useCallback(
    async (shop: string) => {
      const request = ++latestRequest.current;
      setError(undefined);
      try {
        const list = await client.send('activity.list', {
          limit: ACTIVITY_LIMIT,
          ...(shop ? { grantId: shop } : {}),
        });
        if (request !== latestRequest.current) return;
        const newestFirst = [...list].sort((a, b) => b.at - a.at);
        setEntries(newestFirst);
        if (!shop) setAllEntries(newestFirst);
      } catch (cause) {
        if (request === latestRequest.current) setError(toErrorData(cause));
      }
    },
    [client],
  );

  useEffect(() => {
    void load('');
  }, [load]);

  useEffect(() => {
    // Shop names for the filter; the log still works without them.
    const query = { text: shopSearch, platform: 'all', health: 'all', country: 'all', appId: 'all' } as const;
    client.send('grants.query', { ...query, offset: 0, limit: SHOP_CHOICES }).then(
      (result) => setGrants(result.rows),
      () => undefined,
    );
  }, [client, shopSearch]);

  useWorkerEvent('grants.changed', () => void load(grantId));

  const chooseShop = (shop: string) => {
    setGrantId(shop);
    void load(shop);
  };

  const now = (props.now ?? Date.now)();
  return (
    <section aria-labelledby="activity-heading">
      <div class="section-header">
        <h2 id="activity-heading">{t('activity_heading')}</h2>
        <button type="button" class="button button--quiet" onClick={() => void load(grantId)}>
          {t('reload')}
        </button>
      </div>
      <div class="field field--inline">
        <label for="activity-shop-search">{t('activity_find_shop')}</label>
        <input
          id="activity-shop-search"
          type="search"
          value={shopSearch}
          placeholder={t('activity_find_hint')}
          onInput={(event) => setShopSearch(event.currentTarget.value)}
        />
        <label for="activity-shop">{t('activity_shop')}</label>
        <select
          id="activity-shop"
          value={grantId}
          onChange={(event) => chooseShop(event.currentTarget.value)}
        >
          <option value="">{t('activity_all_shops')}</option>
          {activityShops(allEntries, grants).map((shop) => (
            <option key={shop.grantId} value={shop.grantId}>
              {shop.label}
            </option>
          ))}
        </select>
      </div>
      {error && <ErrorNotice error={error} onRetry={() => void load(grantId)} />}
      {entries === undefined && !error && <p class="muted">{t('activity_loading')}</p>}
      {entries?.length === 0 && <p class="muted">{t('activity_none')}</p>}
      {entries && entries.length > 0 && (
        <table class="table">
          <caption class="visually-hidden">{t('activity_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('activity_time')}</th>
              <th scope="col">{t('activity_shop')}</th>
              <th scope="col">{t('activity_event')}</th>
              <th scope="col">{t('activity_outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <ActivityRow key={entry.id ?? index} entry={entry} now={now} />
            ))}
          </tbody>
        </table>
      )}
      {entries?.length === ACTIVITY_LIMIT && (
        <p class="muted">{tPlural('activity_latest', ACTIVITY_LIMIT)}</p>
      )}
    </section>
  );
}
