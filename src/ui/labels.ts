/** Names people read for the codes the platforms use. */

import { COUNTRY_LABELS, PLATFORM_LABELS } from '../platforms/names';
import type { GrantHealth } from '../shared/model';
import type { Country, PlatformId } from '../shared/platform';

/** The platform's own names, one source for every page. */
export const COUNTRY_NAMES: Record<Country, string> = COUNTRY_LABELS;

/** Unknown codes (an AliExpress locale, a future venture) are shown upper-cased rather than hidden. */
export function countryName(code: string): string {
  const known = COUNTRY_NAMES[code.toLowerCase() as Country] as string | undefined;
  return known ?? code.toUpperCase();
}

export const PLATFORM_NAMES: Record<PlatformId, string> = PLATFORM_LABELS;

/** A connected shop whose refresh waits because the platform asked to slow down. */
export const WAITING_LABEL = 'Waiting';

export const HEALTH_LABELS: Record<GrantHealth, string> = {
  connected: 'Connected',
  expiring: 'Expiring',
  failing: 'Refresh failing',
  needs_authorization: 'Needs authorization',
  moved: 'Moved',
};
