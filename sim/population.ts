/**
 * The simulated shops: sellers of both platforms on apps of both statuses (test apps: 7 days of access,
 * 30 to authorize again; online apps: 30 and 180), each wanting to connect at a random time in the
 * first 30 days. Pure: the same seed gives the same shops for every pattern and policy.
 */
import type { LazadaVenture, RegisteredApp, SandboxSeller } from '../sandbox/types';
import type { PlatformId } from '../src/shared/platform';
import { DAY_MS } from './time';

export interface SimApp {
  appKey: string;
  appSecret: string;
  platform: PlatformId;
  name: string;
  accessDays: number;
  refreshDays: number;
}

export const SIM_APPS: readonly SimApp[] = [
  {
    appKey: '100701',
    appSecret: 'sim-lazada-test-app-secret-00000001',
    platform: 'lazada',
    name: 'Lazada test app',
    accessDays: 7,
    refreshDays: 30,
  },
  {
    appKey: '100702',
    appSecret: 'sim-lazada-online-app-secret-000002',
    platform: 'lazada',
    name: 'Lazada online app',
    accessDays: 30,
    refreshDays: 180,
  },
  {
    appKey: 'sim500703',
    appSecret: 'sim-aliexpress-test-app-secret-0003',
    platform: 'aliexpress',
    name: 'AliExpress test app',
    accessDays: 7,
    refreshDays: 30,
  },
  {
    appKey: 'sim500704',
    appSecret: 'sim-aliexpress-online-secret-000004',
    platform: 'aliexpress',
    name: 'AliExpress online app',
    accessDays: 30,
    refreshDays: 180,
  },
];

export interface Shop {
  index: number;
  app: SimApp;
  seller: SandboxSeller;
  /** When the seller first wants to connect (the browser may be closed then: it happens at the next start). */
  wantsToConnectAt: number;
}

const VENTURES: readonly LazadaVenture['country'][] = ['sg', 'my', 'th', 'vn', 'ph', 'id'];
const PASSWORD = 'sim';

function sellerFor(index: number, platform: PlatformId): SandboxSeller {
  const account = `shop-${String(index).padStart(3, '0')}@sim.test`;
  const id = 7_000_000 + index;
  if (platform === 'aliexpress') {
    return {
      platform,
      account,
      password: PASSWORD,
      userId: String(id),
      sellerId: String(id + 100_000),
      havanaId: String(id + 200_000),
      userNick: `sim${id}`,
      locale: 'en_US',
    };
  }
  const country = VENTURES[index % VENTURES.length] ?? 'sg';
  return {
    platform,
    account,
    password: PASSWORD,
    country,
    ventures: [
      { country, sellerId: String(id), userId: id + 1_000_000, shortCode: `${country.toUpperCase()}S${id}` },
    ],
  };
}

export function population(count: number, start: number, random: () => number): Shop[] {
  return Array.from({ length: count }, (_, index) => {
    const app = SIM_APPS[index % SIM_APPS.length] as SimApp;
    return {
      index,
      app,
      seller: sellerFor(index, app.platform),
      wantsToConnectAt: Math.round(start + random() * 30 * DAY_MS),
    };
  });
}

/** The apps as the sandbox registers them, with their own lifetimes. */
export function sandboxApps(callbackUrl: string): RegisteredApp[] {
  return SIM_APPS.map((app) => ({
    appKey: app.appKey,
    appSecret: app.appSecret,
    platform: app.platform,
    name: app.name,
    callbackUrls: [callbackUrl],
    lifetimes: {
      accessTtlSeconds: (app.accessDays * DAY_MS) / 1000,
      refreshTtlSeconds: (app.refreshDays * DAY_MS) / 1000,
    },
  }));
}
