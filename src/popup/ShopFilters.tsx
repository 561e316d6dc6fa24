/** Search box and filters over the shop list (shown once the list is long enough to need them). */
import type { PlatformId } from '../shared/platform';
import { countryName, HEALTH_LABELS, PLATFORM_NAMES } from '../ui/labels';
import type { HealthFilter, ShopQuery } from './filter-shops';

export interface ShopFiltersProps {
  query: ShopQuery;
  onChange(query: ShopQuery): void;
  /** Venture codes present in the list, for the country filter. */
  countries: readonly string[];
}

const HEALTH_OPTIONS: { value: HealthFilter; label: string }[] = [
  { value: 'all', label: 'All statuses' },
  { value: 'attention', label: 'Needs attention' },
  ...(Object.keys(HEALTH_LABELS) as (keyof typeof HEALTH_LABELS)[]).map((health) => ({
    value: health,
    label: HEALTH_LABELS[health],
  })),
];

export function ShopFilters({ query, onChange, countries }: ShopFiltersProps) {
  return (
    <search class="filters">
      <input
        type="search"
        aria-label="Search shops"
        placeholder="Search account, seller ID, country, app"
        value={query.text}
        onInput={(event) => onChange({ ...query, text: event.currentTarget.value })}
      />
      <select
        aria-label="Platform"
        value={query.platform}
        onChange={(event) =>
          onChange({ ...query, platform: event.currentTarget.value as PlatformId | 'all' })
        }
      >
        <option value="all">All platforms</option>
        {(Object.keys(PLATFORM_NAMES) as PlatformId[]).map((platform) => (
          <option key={platform} value={platform}>
            {PLATFORM_NAMES[platform]}
          </option>
        ))}
      </select>
      <select
        aria-label="Status"
        value={query.health}
        onChange={(event) => onChange({ ...query, health: event.currentTarget.value as HealthFilter })}
      >
        {HEALTH_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Country"
        value={query.country}
        onChange={(event) => onChange({ ...query, country: event.currentTarget.value })}
      >
        <option value="all">All countries</option>
        {countries.map((code) => (
          <option key={code} value={code}>
            {countryName(code)}
          </option>
        ))}
      </select>
    </search>
  );
}
