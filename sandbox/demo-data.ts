/** The demo apps and seller logins every demo and browser test uses. All passwords are `demo`. */
import type { AliExpressSeller, LazadaSeller, RegisteredApp, SandboxSeller } from './types';

/** This extension's redirect target: its id is pinned by the manifest `key`. */
export const EXTENSION_CALLBACK_URL = 'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org/';

/** The loopback page for the tab-capture flow, relative to the sandbox URL. */
export const SANDBOX_CALLBACK_PATH = '/callback';

export const DEMO_PASSWORD = 'demo';

export const DEMO_LAZADA_APP_KEY = '100001';
export const DEMO_ALIEXPRESS_APP_KEY = '500001';

/** Both demo apps accept both callbacks: the chromiumapp.org one and the sandbox's loopback page. */
export function demoApps(sandboxUrl: string): RegisteredApp[] {
  const callbackUrls = [EXTENSION_CALLBACK_URL, `${sandboxUrl}${SANDBOX_CALLBACK_PATH}`];
  return [
    {
      appKey: DEMO_LAZADA_APP_KEY,
      appSecret: 'KhLlz2lWzRhB3TKuxFuuNEq5LIMQJ4Ga',
      platform: 'lazada',
      name: 'Sandbox Lazada App',
      callbackUrls,
    },
    {
      appKey: DEMO_ALIEXPRESS_APP_KEY,
      appSecret: 'Qm7rT2vYc9XwLp4ZsN8eKd3HbF6uJa1G',
      platform: 'aliexpress',
      name: 'Sandbox AliExpress App',
      callbackUrls,
    },
  ];
}

const lazadaSg: LazadaSeller = {
  platform: 'lazada',
  account: 'sg.seller@sandbox.test',
  password: DEMO_PASSWORD,
  country: 'sg',
  ventures: [{ country: 'sg', sellerId: '1000101', userId: 2000101, shortCode: 'SG4H2K9' }],
};

const lazadaCrossBorder: LazadaSeller = {
  platform: 'lazada',
  account: 'cb.seller@sandbox.test',
  password: DEMO_PASSWORD,
  country: 'cb',
  ventures: [
    { country: 'sg', sellerId: '1000201', userId: 2000201, shortCode: 'SG7Q1MA' },
    { country: 'my', sellerId: '1000202', userId: 2000202, shortCode: 'MY3T8PB' },
    { country: 'th', sellerId: '1000203', userId: 2000203, shortCode: 'TH5W2NC' },
    { country: 'vn', sellerId: '1000204', userId: 2000204, shortCode: 'VN9E6RD' },
    { country: 'ph', sellerId: '1000205', userId: 2000205, shortCode: 'PH2Y4LE' },
    { country: 'id', sellerId: '1000206', userId: 2000206, shortCode: 'ID8U3JF' },
  ],
};

const lazadaMy: LazadaSeller = {
  platform: 'lazada',
  account: 'my.seller@sandbox.test',
  password: DEMO_PASSWORD,
  country: 'my',
  ventures: [{ country: 'my', sellerId: '1000301', userId: 2000301, shortCode: 'MY6D5XG' }],
};

const aliexpress: AliExpressSeller = {
  platform: 'aliexpress',
  account: 'ae.seller@sandbox.test',
  password: DEMO_PASSWORD,
  userId: '2200001001',
  sellerId: '2200001001',
  havanaId: '3300001001',
  userNick: 'sg1234567abcd',
  locale: 'en_US',
};

export const DEMO_SELLERS = { lazadaSg, lazadaCrossBorder, lazadaMy, aliexpress } as const;

export const DEMO_SELLER_LIST: readonly SandboxSeller[] = Object.values(DEMO_SELLERS);
