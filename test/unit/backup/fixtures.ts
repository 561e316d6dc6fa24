/** A small browser's worth of records for backup tests: two apps, three shops, one secret each. */

import { buildBackupContents } from '../../../src/backup/build-contents';
import type { BackupContents } from '../../../src/backup/contents';
import { BackupError, type BackupErrorCode } from '../../../src/backup/errors';
import type { LocalGrant, LocalState } from '../../../src/backup/local-state';
import { grantIdFor } from '../../../src/grants/model';
import { type AppProfile, DEFAULT_SETTINGS } from '../../../src/shared/model';
import { aGrant, aSeller, DAY, HOUR, T0 } from '../../support/builders';
import { appSecret, validUrl } from '../../support/checked';

export { DAY, HOUR, T0 };

/** Cheap enough for many runs; the real count has its own test. */
export const TEST_ITERATIONS = 1_000;
export const PASSPHRASE = 'correct horse battery staple';

export const LAZADA_APP: AppProfile = {
  id: 'app-lazada',
  name: 'Lazada shop tools',
  platform: 'lazada',
  appKey: '123456',
  callbackUrl: 'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org/',
  createdAt: T0 - 10 * DAY,
  updatedAt: T0 - 10 * DAY,
};

export const ALIEXPRESS_APP: AppProfile = {
  id: 'app-aliexpress',
  name: 'AliExpress orders',
  platform: 'aliexpress',
  appKey: '654321',
  callbackUrl: 'https://tools.example.com/callback',
  endpoints: { authorizeUrl: validUrl('http://127.0.0.1:8787/oauth/authorize') },
  createdAt: T0 - 5 * DAY,
  updatedAt: T0 - 5 * DAY,
};

export const SECRETS = new Map([
  [LAZADA_APP.id, appSecret('lazada-app-secret-do-not-leak')],
  [ALIEXPRESS_APP.id, appSecret('aliexpress-app-secret-do-not-leak')],
]);

/** Seller `n` of `app`, authorized at `authorizedAt`, with tokens named after both. */
export function shop(app: AppProfile, n: number, overrides: Partial<LocalGrant> = {}): LocalGrant {
  const seller = aSeller(n);
  return {
    ...aGrant({
      id: grantIdFor(app.id, seller),
      appId: app.id,
      platform: app.platform,
      seller,
      accessToken: `access-${app.id}-${n}-gen0-secret-token`,
      refreshToken: `refresh-${app.id}-${n}-gen0-secret-token`,
    }),
    ...overrides,
  };
}

export function localState(overrides: Partial<LocalState> = {}): LocalState {
  return {
    apps: [LAZADA_APP, ALIEXPRESS_APP],
    secrets: SECRETS,
    grants: [
      shop(LAZADA_APP, 1),
      shop(LAZADA_APP, 2, { lastRefreshedAt: T0 + 2 * HOUR }),
      shop(ALIEXPRESS_APP, 3, { status: 'needs_authorization' }),
    ],
    settings: DEFAULT_SETTINGS,
    toolPermissions: [],
    ...overrides,
  };
}

export function emptyState(): LocalState {
  return { apps: [], secrets: new Map(), grants: [], settings: DEFAULT_SETTINGS, toolPermissions: [] };
}

export function sampleContents(options: { includeSecrets?: boolean } = {}): BackupContents {
  return buildBackupContents(localState(), { now: T0 + DAY, ...options });
}

/** Every token and secret in a state: none of them may show up in errors, logs or previews. */
export function sensitiveStrings(state: LocalState): string[] {
  return [
    ...state.secrets.values(),
    ...state.grants.flatMap((grant) => [grant.accessToken, grant.refreshToken]),
  ];
}

/** The BackupError an async call rejects with; anything else (or success) fails the test. */
export async function rejection(task: () => Promise<unknown>): Promise<BackupError> {
  try {
    await task();
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw error;
  }
  throw new Error('expected a BackupError');
}

export async function codeOf(task: () => Promise<unknown>): Promise<BackupErrorCode> {
  return (await rejection(task)).code;
}
