/** A worker over the shared in-memory fakes, plus small fakes of the worker's own adapters. */
import { parseRequest } from '../../../src/background/messaging/request-parsers';
import type {
  Badge,
  ChangeSignal,
  DurableStorage,
  KeptValue,
  Scheduler,
} from '../../../src/background/wiring/ports';
import { memoryKeptValue } from '../../../src/background/wiring/storage-health-monitor';
import { createWorker } from '../../../src/background/wiring/worker';
import type { AuthWindow, KeepAwake, OriginAccess } from '../../../src/grants/connect/ports';
import { grantFromTokens } from '../../../src/grants/lifecycle';
import type { Grant } from '../../../src/grants/model';
import type { StorageHealth } from '../../../src/grants/storage-health';
import { createMemoryToolAccessStore, type ToolAccessStore } from '../../../src/grants/tools/access';
import type { ConsentWindow, PageBridges } from '../../../src/grants/tools/ports';
import type { ApiClient } from '../../../src/platforms/api-client';
import { SellerAuthError } from '../../../src/shared/errors';
import { type AppProfile, type CallbackKind, DEFAULT_SETTINGS } from '../../../src/shared/model';
import type { SellerIdentity } from '../../../src/shared/platform';
import type { MessageType, RequestOf, ResponseOf } from '../../../src/shared/protocol';
import { appSecret } from '../../support/checked';
import { FakeClock } from '../../support/fakes/fake-clock';
import { FakeLockManager } from '../../support/fakes/fake-lock-manager';
import { FakeNotifier } from '../../support/fakes/fake-notifier';
import { FakeTokenClient } from '../../support/fakes/fake-token-client';
import { FakeActivityLog } from '../../support/fakes/memory-activity-log';
import { FakeAppStore } from '../../support/fakes/memory-app-store';
import { FakeAttemptStore } from '../../support/fakes/memory-attempt-store';
import { FakeGrantStore } from '../../support/fakes/memory-grant-store';
import { FakeRecordBatchStore } from '../../support/fakes/memory-record-batch-store';
import { FakeSecretStore } from '../../support/fakes/memory-secret-store';
import { FakeSettingsStore } from '../../support/fakes/memory-settings-store';
import { seededRandom } from '../../support/fakes/seeded-random';

export const EXTENSION_ID = 'kgjfgplpablkjnlkjmjdecgdpfankdle';
export const IDENTITY_CALLBACK = `https://${EXTENSION_ID}.chromiumapp.org/`;
export const TAB_CALLBACK = 'https://app.example.com/oauth/callback';
export const APP_SECRET = 'app-secret-never-shown-1234';

export class RecordingScheduler implements Scheduler {
  readonly armed: (number | undefined)[] = [];
  /** How often the safety alarm was made sure of. */
  safetyEnsured = 0;
  get current(): number | undefined {
    return this.armed.at(-1);
  }
  async arm(when: number | undefined): Promise<void> {
    this.armed.push(when);
  }
  async ensureSafetyAlarm(): Promise<void> {
    this.safetyEnsured += 1;
  }
}

/** Every badge shown, in order: a count, or '!' for a storage failure. */
export class RecordingBadge implements Badge {
  readonly shown: (number | '!')[] = [];
  get current(): number | '!' | undefined {
    return this.shown.at(-1);
  }
  async show(count: number): Promise<void> {
    this.shown.push(count);
  }
  async showStorageFailure(): Promise<void> {
    this.shown.push('!');
  }
}

/** Records whether durable storage was asked for. */
export class RecordingDurableStorage implements DurableStorage {
  requests = 0;
  async request(): Promise<boolean> {
    this.requests += 1;
    return true;
  }
}

/** Counts the signals sent to open pages; `onSignal` lets a test look at the stores as each goes out. */
export class RecordingChangeSignal implements ChangeSignal {
  sent = 0;
  /** The ids each signal named (undefined: anything may have changed). */
  readonly ids: (readonly string[] | undefined)[] = [];
  onSignal: () => void = () => {};
  async grantsChanged(ids?: readonly string[]): Promise<void> {
    this.sent += 1;
    this.ids.push(ids);
    this.onSignal();
  }
}

/**
 * Host access as Chrome would grant it: the token hosts a build declares (the platforms' and the
 * sandbox's) from the start, any other origin once a test allows it.
 */
export class AllowedOrigins implements OriginAccess {
  readonly allowed = new Set<string>([
    'https://auth.lazada.com',
    'https://api-sg.aliexpress.com',
    'http://127.0.0.1:8787',
  ]);
  async has(url: string): Promise<boolean> {
    return this.allowed.has(new URL(url).origin);
  }
}

/** What the "seller" does in the login window, given what the worker opened. */
export type LoginScript = (login: {
  authorizeUrl: URL;
  redirectUri: string;
  state: string;
}) => Promise<string>;

/** A login window whose seller follows a script; records what it was opened with. */
export class ScriptedAuthWindow implements AuthWindow {
  readonly opened: { authorizeUrl: string; redirectUri: string; signal: AbortSignal }[] = [];
  script: LoginScript = async () => {
    throw new Error('no login scripted');
  };

  async open(authorizeUrl: string, redirectUri: string, signal: AbortSignal): Promise<string> {
    this.opened.push({ authorizeUrl, redirectUri, signal });
    const url = new URL(authorizeUrl);
    return this.script({ authorizeUrl: url, redirectUri, state: url.searchParams.get('state') ?? '' });
  }
}

/** The platform redirecting back with this code and the state it was given. */
export const approveWith =
  (code: string): LoginScript =>
  async ({ redirectUri, state }) =>
    `${redirectUri}?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`;

export const cancelLogin: LoginScript = async () => {
  throw new SellerAuthError('login_cancelled', 'The login window was closed before the seller finished.');
};

export function seller(account: string, userId: string, country = 'sg'): SellerIdentity {
  return {
    account,
    country,
    userId,
    sellerId: `S${userId}`,
    countries: [{ country, userId, sellerId: `S${userId}` }],
  };
}

export interface HarnessOptions {
  flowTimeoutMs?: number;
  keepAwake?: KeepAwake;
  storageHealth?: KeptValue<StorageHealth>;
  backupIterationsForTests?: number;
  /** Another harness's platform (and its clock): two browsers refreshing the same grants. */
  samePlatformAs?: { clock: FakeClock; tokens: FakeTokenClient };
  consentWindow?: ConsentWindow;
  api?: ApiClient;
  toolAccess?: ToolAccessStore;
  pageBridges?: PageBridges;
}

export function createHarness({ samePlatformAs, ...options }: HarnessOptions = {}) {
  const clock = samePlatformAs?.clock ?? new FakeClock();
  const grants = new FakeGrantStore();
  const secrets = new FakeSecretStore();
  const apps = new FakeAppStore(grants, secrets);
  const settings = new FakeSettingsStore();
  const stores = {
    grants,
    secrets,
    apps,
    attempts: new FakeAttemptStore(),
    settings,
    activity: new FakeActivityLog(),
    batch: new FakeRecordBatchStore({ apps, secrets, grants, settings }),
  };
  const tokens = samePlatformAs?.tokens ?? new FakeTokenClient(clock);
  const scheduler = new RecordingScheduler();
  const badge = new RecordingBadge();
  const changes = new RecordingChangeSignal();
  const notifier = new FakeNotifier();
  const locks = new FakeLockManager();
  const windows: Record<CallbackKind, ScriptedAuthWindow> = {
    identity: new ScriptedAuthWindow(),
    tab: new ScriptedAuthWindow(),
  };
  const origins = new AllowedOrigins();
  const durableStorage = new RecordingDurableStorage();
  const storageHealth = options.storageHealth ?? memoryKeptValue<StorageHealth>();
  const openedPages: string[] = [];
  let ids = 0;

  const deps = {
    stores,
    tokens,
    clock,
    locks,
    notifier,
    scheduler,
    badge,
    changes,
    authWindows: windows,
    originAccess: origins,
    openExtensionPage: async (path: string) => {
      openedPages.push(path);
    },
    extension: { id: EXTENSION_ID, identityCallbackUrl: IDENTITY_CALLBACK },
    random: seededRandom(7),
    newId: () => `id-${++ids}`,
    sleep: clock.sleep,
    storageHealth,
    durableStorage,
    toolAccess: createMemoryToolAccessStore(),
    ...options,
  };
  const worker = createWorker(deps);
  // Tests write the fakes directly; in the product only the worker writes, and tells its summary itself.
  grants.onChange = (id) => worker.shops.changed([id]);
  apps.onChange = () => worker.shops.changed();

  /** Parses and calls a handler as the router would, for a message from the popup. */
  function send<T extends MessageType>(
    type: T,
    ...payload: RequestOf<T> extends undefined ? [] : [RequestOf<T>]
  ) {
    const handler = worker.handlers[type] as (input: unknown) => Promise<ResponseOf<T>>;
    // Parsing throws synchronously; a rejection is what a test of the reply expects.
    return Promise.resolve()
      .then(() => parseRequest(type, payload[0]))
      .then(handler);
  }

  /** Stores an app with its secret directly (the apps.save path has its own tests). */
  async function addApp(overrides: Partial<AppProfile> = {}): Promise<AppProfile> {
    const app: AppProfile = {
      id: `app-${++ids}`,
      name: 'Main app',
      platform: 'lazada',
      appKey: '100132',
      callbackUrl: IDENTITY_CALLBACK,
      createdAt: clock.now(),
      updatedAt: clock.now(),
      ...overrides,
    };
    await stores.apps.put(app);
    await stores.secrets.put(app.id, appSecret(APP_SECRET));
    return app;
  }

  return {
    deps,
    worker,
    send,
    addApp,
    clock,
    stores,
    tokens,
    scheduler,
    badge,
    changes,
    notifier,
    locks,
    windows,
    origins,
    openedPages,
    durableStorage,
    storageHealth,
  };
}

export type Harness = ReturnType<typeof createHarness>;

/** A grant as a connect would have stored it, without running the login. */
export async function storeGrant(h: Harness, appId: string, account: string, userId: string): Promise<Grant> {
  const tokens = h.tokens.issue(seller(account, userId));
  const grant = grantFromTokens(tokens, {
    appId,
    platform: 'lazada',
    now: h.clock.now(),
    settings: DEFAULT_SETTINGS,
  });
  await h.stores.grants.put(grant);
  return grant;
}
