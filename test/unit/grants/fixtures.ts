/** A small world for grant life-cycle tests: every port faked, one app, sellers connected on demand. */

import type { DueWorkDeps } from '../../../src/grants/due-work';
import { grantFromTokens } from '../../../src/grants/grant-from-tokens';
import type { Grant } from '../../../src/grants/model';
import { resolveEndpoints } from '../../../src/platforms/descriptors';
import type { AppCredentials } from '../../../src/platforms/types';
import type { Settings } from '../../../src/shared/model';
import { APP_ID, aSeller, T0 } from '../../support/builders';
import { appSecret } from '../../support/checked';
import { FakeClock } from '../../support/fakes/fake-clock';
import { FakeLockManager } from '../../support/fakes/fake-lock-manager';
import { FakeNotifier } from '../../support/fakes/fake-notifier';
import { FakeTokenClient, type IssueOptions } from '../../support/fakes/fake-token-client';
import { FakeActivityLog } from '../../support/fakes/memory-activity-log';
import { FakeGrantStore } from '../../support/fakes/memory-grant-store';
import { FakeSettingsStore } from '../../support/fakes/memory-settings-store';
import { seededRandom } from '../../support/fakes/seeded-random';

export const CREDENTIALS: AppCredentials = {
  platform: 'lazada',
  appKey: '123456',
  appSecret: appSecret('app-secret-never-logged'),
  endpoints: resolveEndpoints('lazada'),
};

export interface World {
  clock: FakeClock;
  grants: FakeGrantStore;
  tokens: FakeTokenClient;
  locks: FakeLockManager;
  activity: FakeActivityLog;
  notifier: FakeNotifier;
  settingsStore: FakeSettingsStore;
  /** Which app ids have credentials (remove one to simulate a deleted app or secret). */
  configuredApps: Set<string>;
  deps: DueWorkDeps;
}

export function makeWorld(options: { settings?: Partial<Settings>; seed?: number } = {}): World {
  const clock = new FakeClock(T0);
  const grants = new FakeGrantStore();
  const tokens = new FakeTokenClient(clock);
  const locks = new FakeLockManager();
  const activity = new FakeActivityLog(100_000);
  const notifier = new FakeNotifier();
  const settingsStore = new FakeSettingsStore(options.settings);
  const configuredApps = new Set([APP_ID]);
  const deps: DueWorkDeps = {
    grants,
    credentials: async (appId) => (configuredApps.has(appId) ? CREDENTIALS : undefined),
    tokens,
    locks,
    clock,
    activity,
    settings: () => settingsStore.get(),
    random: seededRandom(options.seed ?? 42),
    notifier,
    sleep: clock.sleep,
    startTimer: clock.startTimer,
  };
  return { clock, grants, tokens, locks, activity, notifier, settingsStore, configuredApps, deps };
}

/** Seller `n` authorizes now: the fake server issues the pair and the grant is stored. */
export async function connectSeller(world: World, n: number, issue: IssueOptions = {}): Promise<Grant> {
  const tokens = world.tokens.issue(aSeller(n), issue);
  const grant = grantFromTokens(tokens, {
    appId: APP_ID,
    platform: 'lazada',
    now: world.clock.now(),
    settings: await world.settingsStore.get(),
    random: world.deps.random,
  });
  await world.grants.put(grant);
  return grant;
}

export function storedGrant(world: World, id: string): Grant {
  const grant = world.grants.peek(id);
  if (!grant) throw new Error(`grant ${id} is not stored`);
  return grant;
}

export const SETTINGS: Settings = {
  refreshLeadMinutes: 30,
  reminderDays: [7, 2, 1],
  maxConcurrentRefreshes: 4,
  maxRefreshesPerMinute: 120,
  notifications: true,
};
