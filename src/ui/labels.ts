/** Names people read for the codes the platforms use. */

import type { Country, PlatformId } from '../platforms/types';
import type { GrantHealth } from '../shared/model';

export const COUNTRY_NAMES: Record<Country, string> = {
  sg: 'Singapore',
  my: 'Malaysia',
  th: 'Thailand',
  vn: 'Vietnam',
  ph: 'Philippines',
  id: 'Indonesia',
  cb: 'Cross-border',
};

/** Unknown codes (an AliExpress locale, a future venture) are shown upper-cased rather than hidden. */
export function countryName(code: string): string {
  const known = COUNTRY_NAMES[code.toLowerCase() as Country] as string | undefined;
  return known ?? code.toUpperCase();
}

export const PLATFORM_NAMES: Record<PlatformId, string> = { lazada: 'Lazada', aliexpress: 'AliExpress' };

export const HEALTH_LABELS: Record<GrantHealth, string> = {
  connected: 'Connected',
  expiring: 'Expiring',
  failing: 'Refresh failing',
  needs_authorization: 'Needs authorization',
};
