/** The names people read for the platforms and their ventures: kept apart, so a page needs no more. */
import type { Country, PlatformId } from '../shared/platform';

export const PLATFORM_LABELS = { lazada: 'Lazada', aliexpress: 'AliExpress' } as const satisfies Record<
  PlatformId,
  string
>;

export const COUNTRY_LABELS: Record<Country, string> = {
  sg: 'Singapore',
  my: 'Malaysia',
  th: 'Thailand',
  vn: 'Vietnam',
  ph: 'Philippines',
  id: 'Indonesia',
  cb: 'Cross-border',
};
