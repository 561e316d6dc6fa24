/** Everything the running sandbox knows and can change, independent of HTTP. */
import { DEFAULT_CONFIG, parseConfigChange, SandboxInputError } from './config';
import { createFaultBook, type FaultBook } from './faults';
import { createGrantLedger, type GrantLedger } from './grant-ledger';
import { createRateLimiter, type RateLimiter } from './rate-limiter';
import { createRequestLog, type RequestLog } from './request-log';
import type { AppLifetimes, RegisteredApp, SandboxClock, SandboxConfig, SandboxSeller } from './types';

export interface SandboxState {
  now(): number;
  /** Waits on the sandbox's clock (latency, delayed answers). */
  sleep: SandboxClock['sleep'];
  config(): Readonly<SandboxConfig>;
  configure(change: Partial<SandboxConfig>): SandboxConfig;
  findApp(appKey: string): RegisteredApp | undefined;
  findSeller(account: string): SandboxSeller | undefined;
  apps(): RegisteredApp[];
  sellers(): SandboxSeller[];
  registerApp(app: RegisteredApp): void;
  registerSeller(seller: SandboxSeller): void;
  readonly ledger: GrantLedger;
  readonly faults: FaultBook;
  readonly rateLimiter: RateLimiter;
  readonly log: RequestLog;
  /** Back to the starting config, no faults, empty log. Issued codes and grants stay valid. */
  reset(): void;
}

export interface SandboxStateOptions {
  config: Partial<SandboxConfig>;
  apps: RegisteredApp[];
  sellers: readonly SandboxSeller[];
  clock: SandboxClock;
  logLimit: number;
}

function checkApp(app: RegisteredApp): RegisteredApp {
  if (!app.appKey || !app.appSecret || !app.name)
    throw new SandboxInputError('an app needs appKey, appSecret and name');
  if (app.platform !== 'lazada' && app.platform !== 'aliexpress') {
    throw new SandboxInputError(`app ${app.appKey}: platform must be lazada or aliexpress`);
  }
  for (const url of app.callbackUrls) {
    if (!URL.canParse(url)) throw new SandboxInputError(`app ${app.appKey}: callback URL is not a URL`);
  }
  const checked: RegisteredApp = { ...app, callbackUrls: [...app.callbackUrls] };
  if (app.lifetimes !== undefined) checked.lifetimes = checkLifetimes(app.appKey, app.lifetimes);
  return checked;
}

function checkLifetimes(appKey: string, lifetimes: AppLifetimes): AppLifetimes {
  if (typeof lifetimes !== 'object' || lifetimes === null) {
    throw new SandboxInputError(`app ${appKey}: lifetimes must be an object`);
  }
  const { accessTtlSeconds, refreshTtlSeconds } = lifetimes;
  try {
    return parseConfigChange({ accessTtlSeconds, refreshTtlSeconds }) as AppLifetimes;
  } catch (error) {
    throw new SandboxInputError(`app ${appKey}: ${(error as Error).message}`);
  }
}

function checkSeller(seller: SandboxSeller): SandboxSeller {
  if (typeof seller.account !== 'string' || !seller.account || typeof seller.password !== 'string') {
    throw new SandboxInputError('a seller needs an account and a password');
  }
  if (seller.platform === 'lazada' && Array.isArray(seller.ventures)) return seller;
  if (seller.platform === 'aliexpress') return seller;
  throw new SandboxInputError(
    `seller ${seller.account}: platform must be lazada (with ventures) or aliexpress`,
  );
}

export function createSandboxState(options: SandboxStateOptions): SandboxState {
  const startingConfig: SandboxConfig = { ...DEFAULT_CONFIG, ...parseConfigChange(options.config) };
  let config = { ...startingConfig };
  const apps = new Map<string, RegisteredApp>();
  const sellers = new Map<string, SandboxSeller>();
  const faults = createFaultBook();
  const rateLimiter = createRateLimiter();
  const log = createRequestLog(options.logLimit);

  const state: SandboxState = {
    now: () => options.clock.now(),
    sleep: (ms, signal) => options.clock.sleep(ms, signal),
    config: () => config,
    configure(change) {
      config = { ...config, ...parseConfigChange(change) };
      return { ...config };
    },
    findApp: (appKey) => apps.get(appKey),
    // Logins are e-mail addresses: case does not matter.
    findSeller: (account) => sellers.get(account.toLowerCase()),
    apps: () =>
      [...apps.values()].map((app) => ({
        ...app,
        callbackUrls: [...app.callbackUrls],
        ...(app.lifetimes ? { lifetimes: { ...app.lifetimes } } : {}),
      })),
    sellers: () => [...sellers.values()],
    registerApp(app) {
      apps.set(app.appKey, checkApp(app));
    },
    registerSeller(seller) {
      sellers.set(seller.account.toLowerCase(), checkSeller(seller));
    },
    ledger: createGrantLedger(),
    faults,
    rateLimiter,
    log,
    reset() {
      config = { ...startingConfig };
      faults.clear();
      rateLimiter.clear();
      log.clear();
    },
  };
  for (const app of options.apps) state.registerApp(app);
  for (const seller of options.sellers) state.registerSeller(seller);
  return state;
}
