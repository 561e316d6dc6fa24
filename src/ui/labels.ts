/** Names people read for the codes the platforms use, in the installed language. */

import { PLATFORM_LABELS } from '../platforms/names';
import { t, uiLanguage } from '../shared/i18n';
import type { GrantHealth } from '../shared/model';
import { COUNTRIES, type Country, type PlatformId } from '../shared/platform';

/** Kept per language: every shop row names its countries, and `Intl.DisplayNames.of` is not cheap. */
let regions: { language: string; display: Intl.DisplayNames; names: Map<Country, string> } | undefined;

/** A venture's name in the installed language (Intl's region names); `cb` is cross-border. */
function ventureName(country: Country): string {
  if (country === 'cb') return t('country_cb');
  const language = uiLanguage();
  if (regions?.language !== language) {
    regions = { language, display: new Intl.DisplayNames(language, { type: 'region' }), names: new Map() };
  }
  let name = regions.names.get(country);
  if (name === undefined) {
    name = regions.display.of(country.toUpperCase()) ?? country.toUpperCase();
    regions.names.set(country, name);
  }
  return name;
}

/** Read when shown, so the words follow the catalog installed at start. */
export const COUNTRY_NAMES = Object.fromEntries(COUNTRIES.map((country) => [country, ''])) as Record<
  Country,
  string
>;
for (const country of COUNTRIES) {
  Object.defineProperty(COUNTRY_NAMES, country, { get: () => ventureName(country), enumerable: true });
}

/** Unknown codes (an AliExpress locale, a future venture) are shown upper-cased rather than hidden. */
export function countryName(code: string): string {
  const lower = code.toLowerCase();
  return (COUNTRIES as readonly string[]).includes(lower)
    ? ventureName(lower as Country)
    : code.toUpperCase();
}

/** The platforms' own names (brands: the same in every language). */
export const PLATFORM_NAMES: Record<PlatformId, string> = PLATFORM_LABELS;

/** A connected shop whose refresh waits because the platform asked to slow down. */
export function waitingLabel(): string {
  return t('health_waiting');
}

export const HEALTH_LABELS: Record<GrantHealth, string> = {
  get connected() {
    return t('health_connected');
  },
  get expiring() {
    return t('health_expiring');
  },
  get failing() {
    return t('health_failing');
  },
  get needs_authorization() {
    return t('health_needs_authorization');
  },
  get moved() {
    return t('health_moved');
  },
};
