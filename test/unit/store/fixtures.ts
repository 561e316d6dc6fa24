/** Records for store tests: valid by default, each test overrides only what it is about. */
import type { Grant } from '../../../src/grants/model';
import type { AppProfile, ConnectAttempt } from '../../../src/shared/model';

export const T0 = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;

export function makeGrant(overrides: Partial<Grant> = {}): Grant {
  const id = overrides.id ?? 'app-1|a:seller@example.com|sg';
  return {
    id,
    appId: 'app-1',
    platform: 'lazada',
    seller: {
      account: 'seller@example.com',
      country: 'sg',
      userId: '10101',
      sellerId: '1001',
      countries: [{ country: 'sg', sellerId: '1001', userId: '10101' }],
    },
    accessToken: `access-token-of-${id}`,
    refreshToken: `refresh-token-of-${id}`,
    refreshable: true,
    accessExpiresAt: T0 + 7 * DAY,
    refreshExpiresAt: T0 + 30 * DAY,
    status: 'connected',
    dueAt: T0 + 7 * DAY - 30 * 60_000,
    failures: 0,
    authorizedAt: T0,
    remindedDays: [],
    deathNotified: false,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function makeApp(overrides: Partial<AppProfile> = {}): AppProfile {
  return {
    id: 'app-1',
    name: 'Order sync',
    platform: 'lazada',
    appKey: '123456',
    callbackUrl: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/callback',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function makeAttempt(overrides: Partial<ConnectAttempt> = {}): ConnectAttempt {
  return {
    id: 'attempt-1',
    appId: 'app-1',
    state: 'state-0123456789abcdef0123456789abcdef',
    redirectUri: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/callback',
    countries: ['sg'],
    phase: 'waiting_for_login',
    startedAt: T0,
    ...overrides,
  };
}
