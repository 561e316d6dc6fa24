/** The shop list with no search and no filter. */
import type { ShopFilter } from '../shared/grant-query';

export const EMPTY_FILTER: ShopFilter = {
  text: '',
  platform: 'all',
  health: 'all',
  country: 'all',
  appId: 'all',
};

export function isEmptyFilter(filter: ShopFilter): boolean {
  return (
    filter.text.trim() === '' &&
    filter.platform === 'all' &&
    filter.health === 'all' &&
    filter.country === 'all' &&
    filter.appId === 'all'
  );
}
