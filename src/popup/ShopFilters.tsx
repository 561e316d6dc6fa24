/**
 * Search box and filters over the shop list (shown once the list is long enough to need them). The
 * worker answers them over every shop; the status choices show how many shops each would leave.
 */
import type { HealthCounts, HealthFilter, ShopFilter } from '../shared/grant-query';
import { formatCount, t } from '../shared/i18n';
import type { AppView, GrantHealth } from '../shared/model';
import type { PlatformId } from '../shared/platform';
import { countryName, HEALTH_LABELS, PLATFORM_NAMES } from '../ui/labels';

export interface ShopFiltersProps {
  filter: ShopFilter;
  onChange(filter: ShopFilter): void;
  /** Venture codes present in the list, for the country filter. */
  countries: readonly string[];
  /** The app filter appears with more than one app. */
  apps: readonly Pick<AppView, 'id' | 'name'>[];
  /** Shops per health under the other filters. */
  counts: HealthCounts;
}

const HEALTHS = Object.keys(HEALTH_LABELS) as GrantHealth[];

function healthOptions(counts: HealthCounts): [HealthFilter, string, number][] {
  const { needs_authorization, failing, expiring, connected, moved } = counts;
  const attention = needs_authorization + failing + expiring;
  return [
    ['all', t('filter_all_statuses'), attention + connected + moved],
    ['attention', t('filter_attention'), attention],
    ...HEALTHS.map((health): [HealthFilter, string, number] => [
      health,
      HEALTH_LABELS[health],
      counts[health],
    ]),
  ];
}

export function ShopFilters({ filter, onChange, countries, apps, counts }: ShopFiltersProps) {
  return (
    <search class="filters">
      <input
        type="search"
        aria-label={t('filter_search')}
        placeholder={t('filter_search_hint')}
        value={filter.text}
        onInput={(event) => onChange({ ...filter, text: event.currentTarget.value })}
      />
      <select
        aria-label={t('filter_platform')}
        value={filter.platform}
        onChange={(event) =>
          onChange({ ...filter, platform: event.currentTarget.value as PlatformId | 'all' })
        }
      >
        <option value="all">{t('filter_all_platforms')}</option>
        {(Object.keys(PLATFORM_NAMES) as PlatformId[]).map((platform) => (
          <option key={platform} value={platform}>
            {PLATFORM_NAMES[platform]}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filter_status')}
        value={filter.health}
        onChange={(event) => onChange({ ...filter, health: event.currentTarget.value as HealthFilter })}
      >
        {healthOptions(counts).map(([value, label, count]) => (
          <option key={value} value={value}>
            {t('filter_option_count', label, formatCount(count))}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filter_country')}
        value={filter.country}
        onChange={(event) => onChange({ ...filter, country: event.currentTarget.value })}
      >
        <option value="all">{t('filter_all_countries')}</option>
        {countries.map((code) => (
          <option key={code} value={code}>
            {countryName(code)}
          </option>
        ))}
      </select>
      {apps.length > 1 && (
        <select
          aria-label={t('filter_app')}
          value={filter.appId}
          onChange={(event) => onChange({ ...filter, appId: event.currentTarget.value })}
        >
          <option value="all">{t('filter_all_apps')}</option>
          {apps.map((app) => (
            <option key={app.id} value={app.id}>
              {app.name}
            </option>
          ))}
        </select>
      )}
    </search>
  );
}
