/**
 * Text longer than any layout expects, until the translations bring their own: a cross-border seller
 * in all six countries with a very long account, and a very long app name.
 */
import { DEMO_PASSWORD, type LazadaSeller } from '../../sandbox/index';

export const LONG_SELLER: LazadaSeller = {
  platform: 'lazada',
  account: 'the.very.long.seller.account.name.of.a.cross.border.agency@an-unusually-long-domain.example',
  password: DEMO_PASSWORD,
  country: 'cb',
  ventures: [
    { country: 'sg', sellerId: '1000901', userId: 2000901, shortCode: 'SG1LONG' },
    { country: 'my', sellerId: '1000902', userId: 2000902, shortCode: 'MY1LONG' },
    { country: 'th', sellerId: '1000903', userId: 2000903, shortCode: 'TH1LONG' },
    { country: 'vn', sellerId: '1000904', userId: 2000904, shortCode: 'VN1LONG' },
    { country: 'ph', sellerId: '1000905', userId: 2000905, shortCode: 'PH1LONG' },
    { country: 'id', sellerId: '1000906', userId: 2000906, shortCode: 'ID1LONG' },
  ],
};
/** Just under the 80 characters an app name may have. */
export const LONG_APP_NAME = 'Sandbox Lazada App of the Southeast Asia Operations Team, Large Agency (Live)';
export const LONG_ALIEXPRESS_APP_NAME =
  'Sandbox AliExpress App of the Southeast Asia Operations Team (Production)';
