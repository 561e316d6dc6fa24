/**
 * Records and views for tests: valid by default, so each test overrides only what it is about. One
 * place for the times they are built around, so a fixture of one layer reads like that of another.
 */
import type { Grant } from '../../src/grants/model';
import type {
  ActivityEntry,
  AppProfile,
  AppView,
  AttemptView,
  ConnectAttempt,
  GrantView,
} from '../../src/shared/model';
import type { SellerIdentity } from '../../src/shared/platform';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The worker's epoch in tests: a Monday morning, far from any DST change or month end. */
export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

/** The pages' "now": a local time, so dates a page shows read the same in every time zone. */
export const PAGE_NOW = new Date(2026, 11, 14, 14, 5).getTime();

export const APP_ID = 'app-1';
export const CALLBACK_URL = 'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org/';

/** Seller `n` of a Singapore shop: distinct ids per `n`. */
export function aSeller(n = 1): SellerIdentity {
  return {
    account: `seller-${n}@example.com`,
    country: 'sg',
    userId: String(10_000 + n),
    sellerId: String(1000 + n),
    countries: [{ country: 'sg', userId: String(10_000 + n), sellerId: String(1000 + n) }],
  };
}

/** A connected grant: authorized at T0, 7 days of access, 30 days to the deadline, due 30 min early. */
export function aGrant(overrides: Partial<Grant> = {}): Grant {
  return {
    id: 'app-1|u:10001|sg',
    appId: APP_ID,
    platform: 'lazada',
    seller: aSeller(1),
    accessToken: 'access-token-secret-1',
    refreshToken: 'refresh-token-secret-1',
    refreshable: true,
    accessExpiresAt: T0 + 7 * DAY,
    refreshExpiresAt: T0 + 30 * DAY,
    status: 'connected',
    dueAt: T0 + 7 * DAY - 30 * MINUTE,
    failures: 0,
    authorizedAt: T0,
    remindedDays: [],
    deathNotified: false,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function anApp(overrides: Partial<AppProfile> = {}): AppProfile {
  return {
    id: APP_ID,
    name: 'Order sync',
    platform: 'lazada',
    appKey: '123456',
    callbackUrl: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/callback',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function anAttempt(overrides: Partial<ConnectAttempt> = {}): ConnectAttempt {
  return {
    id: 'attempt-1',
    appId: APP_ID,
    state: 'state-0123456789abcdef0123456789abcdef',
    redirectUri: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/callback',
    countries: ['sg'],
    phase: 'waiting_for_login',
    startedAt: T0,
    ...overrides,
  };
}

export function anActivityEntry(overrides: Partial<ActivityEntry> = {}, now = PAGE_NOW): ActivityEntry {
  return {
    id: 1,
    at: now - MINUTE,
    kind: 'refreshed',
    grantId: 'app-1|u:101|sg',
    account: 'seller@example.com',
    ...overrides,
  };
}

/** An app as pages see it, saved a month before `now`. */
export function anAppView(overrides: Partial<AppView> = {}, now = PAGE_NOW): AppView {
  return {
    id: APP_ID,
    name: 'Order Sync',
    platform: 'lazada',
    appKey: '100132',
    callbackUrl: CALLBACK_URL,
    createdAt: now - 30 * DAY,
    updatedAt: now - 30 * DAY,
    hasSecret: true,
    callbackKind: 'identity',
    ...overrides,
  };
}

/** A healthy shop as pages see it: authorized a day before `now`, about 6 days of access left. */
export function aGrantView(overrides: Partial<GrantView> = {}, now = PAGE_NOW): GrantView {
  return {
    id: 'app-1|u:10101|sg',
    appId: APP_ID,
    appName: 'Order Sync',
    platform: 'lazada',
    seller: {
      account: 'shop@example.com',
      country: 'sg',
      sellerId: '1001',
      userId: '10101',
      countries: [{ country: 'sg', sellerId: '1001', userId: '10101' }],
    },
    status: 'connected',
    health: 'connected',
    accessExpiresAt: now + 6 * DAY + 2 * HOUR,
    refreshExpiresAt: now + 29 * DAY,
    refreshable: true,
    authorizedAt: now - DAY,
    failures: 0,
    ...overrides,
  };
}

/** `count` distinct shops, spread over both platforms, several ventures and every health. */
export function manyGrantViews(count: number, now = PAGE_NOW): GrantView[] {
  const countries = ['sg', 'my', 'th', 'vn', 'ph', 'id'];
  const healths = ['connected', 'expiring', 'failing', 'needs_authorization'] as const;
  return Array.from({ length: count }, (_, index) => {
    const country = countries[index % countries.length]!;
    const health = healths[index % healths.length]!;
    return aGrantView(
      {
        id: `app-1|u:${index}|${country}`,
        platform: index % 3 === 0 ? 'aliexpress' : 'lazada',
        seller: {
          account: `seller${index}@example.com`,
          country,
          sellerId: `S${index}`,
          userId: `${index}`,
          countries: [{ country, sellerId: `S${index}`, userId: `${index}` }],
        },
        health,
        status: health === 'needs_authorization' ? 'needs_authorization' : 'connected',
        refreshExpiresAt: now + (index % 90) * DAY + HOUR,
      },
      now,
    );
  });
}

export function anAttemptView(overrides: Partial<AttemptView> = {}, now = PAGE_NOW): AttemptView {
  return {
    id: 'attempt-1',
    appId: APP_ID,
    redirectUri: CALLBACK_URL,
    countries: [],
    phase: 'waiting_for_login',
    startedAt: now,
    ...overrides,
  };
}
