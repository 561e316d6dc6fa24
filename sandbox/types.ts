/** Public data shapes of the local IOP sandbox. Plain data only; behaviour lives beside each concept. */
import type { AppCredentials } from '../src/platforms/types';
import type { Country, EndpointUrls, PlatformId } from '../src/shared/platform';

/** An app registered on the sandbox, as an app owner registers it on the platform's console. */
export interface RegisteredApp {
  appKey: string;
  appSecret: string;
  /** Decides the dialect of every answer for this app. */
  platform: PlatformId;
  name: string;
  /** Exact redirect_uri values the authorize page accepts. */
  callbackUrls: string[];
  /** The platform sets lifetimes by app status (test, online): this app's own, else the config's. */
  lifetimes?: AppLifetimes;
}

export interface AppLifetimes {
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
}

/** The sandbox's time: what "now" is, and how it waits (latency, delayed answers). */
export interface SandboxClock {
  now(): number;
  /** Resolves after `ms` on this clock, or as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** One venture of a Lazada seller (several for a cross-border seller). */
export interface LazadaVenture {
  country: Exclude<Country, 'cb'>;
  sellerId: string;
  userId: number;
  shortCode: string;
}

export interface LazadaSeller {
  platform: 'lazada';
  account: string;
  password: string;
  /** The venture the seller logs in to, or `cb` for a cross-border seller. */
  country: Country;
  ventures: LazadaVenture[];
}

export interface AliExpressSeller {
  platform: 'aliexpress';
  account: string;
  password: string;
  userId: string;
  sellerId: string;
  havanaId: string;
  userNick: string;
  locale: string;
}

export type SandboxSeller = LazadaSeller | AliExpressSeller;

/** What can be changed while the sandbox runs (`configure`, `POST /__admin/config`). */
export interface SandboxConfig {
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** New grants get refresh_expires_in 0, and every refresh is refused (`AUTH_TYPE_UNSUPPORTED`). */
  refreshDisabled: boolean;
  codeTtlSeconds: number;
  timestampWindowSeconds: number;
  /** Send numbers as strings (`"expires_in": "604800"`), a real variant of the gateway. */
  numbersAsStrings: boolean;
  /** The real gateway names the Lazada venture array either way. */
  countryListName: 'country_user_info' | 'country_user_info_list';
  /** Token calls per app per second before `ApiCallLimit`; 0 means unlimited. */
  rateLimitPerSecond: number;
}

export interface SandboxOptions extends Partial<SandboxConfig> {
  /** 0 (the default) picks any free port. The sandbox always listens on 127.0.0.1. */
  port?: number;
  /** Registered next to the demo apps. Callback URLs may use `{sandbox}` for the sandbox's own URL. */
  apps?: RegisteredApp[];
  sellers?: SandboxSeller[];
  /** Clock override (epoch ms), so tests reach code expiry and the timestamp window without waiting. */
  now?: () => number;
  /** A whole clock (time and waits), for a simulation on virtual time. Wins over `now`. */
  clock?: SandboxClock;
  /** How many request-log entries are kept (oldest dropped first). */
  logLimit?: number;
}

/** The endpoints faults can be scripted for. */
export type SandboxEndpoint = 'authorize' | 'token.create' | 'token.refresh' | 'api';
export const SANDBOX_ENDPOINTS: readonly SandboxEndpoint[] = [
  'authorize',
  'token.create',
  'token.refresh',
  // The signed business APIs (`/rest/seller/get`, `/rest/orders/get`), all as one.
  'api',
];

export type FaultKind = 'http500' | 'html' | 'malformedJson' | 'apiCallLimit' | 'serviceTimeout' | 'drop';
export const FAULT_KINDS: readonly FaultKind[] = [
  'http500',
  'html',
  'malformedJson',
  'apiCallLimit',
  'serviceTimeout',
  'drop',
];

/** The token endpoints: the only ones that process something an answer can be lost after. */
export type TokenEndpoint = Extract<SandboxEndpoint, 'token.create' | 'token.refresh'>;
export const TOKEN_ENDPOINTS: readonly TokenEndpoint[] = ['token.create', 'token.refresh'];

/**
 * The request is processed (a code redeemed, a pair rotated), then its answer is lost: `drop` closes the
 * connection without one, `delay_ms` sends it only after `delayMs` (past a client's timeout, say).
 */
export type AfterProcessing =
  | { mode: 'drop' }
  | { mode: 'delay_ms'; delayMs: number }
  /** Answers at once with both tokens and their lifetimes but none of the identity fields. */
  | { mode: 'strip_identity' };

/**
 * A standing fault for one endpoint: every request waits `latencyMs`, then fails with `fail` if set, or,
 * when processed, loses its answer as `afterProcessing` says (token endpoints only).
 */
export interface FaultSpec {
  latencyMs?: number;
  fail?: FaultKind;
  afterProcessing?: AfterProcessing;
}

/**
 * What the request log names: the platform endpoints, and the demo apps' own callback page (the app
 * server a tab login redirects to), so tests see whether an authorization code reached that server.
 */
export type LoggedEndpoint = SandboxEndpoint | 'callback';

/** One handled request. Never a secret, a token or a code. */
export interface LogEntry {
  /** Sandbox clock (epoch ms) when the request arrived. */
  time: number;
  endpoint: LoggedEndpoint;
  method: string;
  appKey?: string;
  /**
   * `0` for a successful token call, the platform error code (`InvalidCode`...), a fault kind,
   * `aborted` (client left during the latency), an authorize outcome (`login_page`, `approved`...),
   * or what the callback page received (`code`, `error`, `empty`; never the code itself).
   */
  outcome: string;
  /**
   * Set when the request was processed but its answer was lost on purpose: `dropped`, `delayed` (sent
   * late), or `client_left` (the client gave up during the delay, so nothing was sent).
   */
  afterProcessing?: 'dropped' | 'delayed' | 'client_left' | 'identity_stripped';
  httpStatus?: number;
  /** Wall-clock time spent on the request, injected latency included. */
  latencyMs: number;
  requestId?: string;
}

/** The faults currently scripted. */
export interface FaultsSnapshot {
  standing: Partial<Record<SandboxEndpoint, FaultSpec>>;
  queued: Partial<Record<SandboxEndpoint, { kind: FaultKind; remaining: number }[]>>;
  /** One-off lost answers, spent by processed requests only; present only while some are queued. */
  queuedAfterProcessing?: Partial<Record<TokenEndpoint, { after: AfterProcessing; remaining: number }[]>>;
}

export interface SandboxUrls extends EndpointUrls {
  /** The loopback page registered as a callback of the demo apps (tab-capture flow). */
  callbackUrl: string;
}

/** What the sandbox knows about a live access token (for tests checking what the extension hands out). */
export interface AccessTokenInfo {
  appKey: string;
  account: string;
  country: string | undefined;
  accessExpiresAt: number;
  refreshExpiresAt: number;
  refreshable: boolean;
}

/** A running sandbox. Getters return copies: changing them changes nothing. */
export interface Sandbox {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly endpoints: SandboxUrls;
  readonly apps: RegisteredApp[];
  readonly sellers: SandboxSeller[];
  readonly config: SandboxConfig;
  readonly log: LogEntry[];
  readonly faults: FaultsSnapshot;
  configure(change: Partial<SandboxConfig>): SandboxConfig;
  setFaults(endpoint: SandboxEndpoint, spec: FaultSpec): void;
  /** The next `count` processed requests to `endpoint` fail with `kind` (queued after earlier calls). */
  failNext(endpoint: SandboxEndpoint, count: number, kind: FaultKind): void;
  /** The next `count` requests to `endpoint` that are processed lose their answer as `after` says. */
  afterProcessingNext(endpoint: TokenEndpoint, count: number, after: AfterProcessing): void;
  clearFaults(): void;
  clearLog(): void;
  /** Makes a pending code older than its lifetime; false when there is no such pending code. */
  expireCode(code: string): boolean;
  /** A code as an approved login would produce it, without the page (tests, benchmarks). */
  issueCode(appKey: string, account: string, country?: Country): string;
  inspectAccessToken(accessToken: string): AccessTokenInfo | undefined;
  /** The platform stops taking this access token (its refresh token stays valid); false if unknown. */
  revokeAccessToken(accessToken: string): boolean;
  /** What the extension's token client needs to talk to this sandbox as `appKey`. */
  credentials(appKey: string): AppCredentials;
  registerApp(app: RegisteredApp): void;
  registerSeller(seller: SandboxSeller): void;
  /** Starting config, no faults, empty log; codes and grants already issued stay valid. */
  reset(): void;
  /** Stops listening and drops open connections; calling it again is harmless. */
  close(): Promise<void>;
}
