/** Records and views shared by the worker and the pages. Views never contain a secret or a token. */
import type { ErrorCode, ErrorData } from './errors';
import type { Country, EndpointUrls, PlatformEndpoints, PlatformId, SellerIdentity } from './platform';

/** An app profile as stored (store `apps`). The secret lives apart (store `secrets`), worker-only. */
export interface AppProfile {
  id: string;
  name: string;
  platform: PlatformId;
  appKey: string;
  /** The callback URL registered for the app: this extension's chromiumapp.org URL, or another https URL. */
  callbackUrl: string;
  /** Overrides of the platform's default endpoints (the sandbox, or another marketplace), checked at save. */
  endpoints?: Partial<PlatformEndpoints>;
  /** The person vouched for endpoints outside the platforms' own domains (and typed the secret for them). */
  customGateway?: true;
  createdAt: number;
  updatedAt: number;
}

/** How the login runs: identity.launchWebAuthFlow, or a normal tab whose navigation we catch. */
export type CallbackKind = 'identity' | 'tab';

export interface AppView extends AppProfile {
  hasSecret: boolean;
  callbackKind: CallbackKind;
}

/** What the options page sends to add or edit an app. `appSecret` omitted or empty keeps the stored one. */
export interface AppInput {
  id?: string;
  name: string;
  platform: PlatformId;
  appKey: string;
  appSecret?: string;
  callbackUrl: string;
  endpoints?: Partial<EndpointUrls>;
  /** Allows endpoints outside the platforms' own domains (see src/platforms/gateway-hosts.ts). */
  customGateway?: boolean;
}

/** A grant lives until it is removed; a dead one waits for the seller to authorize again. */
export type GrantStatus = 'connected' | 'needs_authorization';

/**
 * What a person sees. `expiring`: connected, but the refresh deadline is within the first reminder.
 * `failing`: connected, but the last refresh failed (network, rate limit, app settings) and is retried.
 * `moved`: handed to another browser with "Move"; kept here for reference, never refreshed here.
 */
export type GrantHealth = 'connected' | 'expiring' | 'failing' | 'needs_authorization' | 'moved';

export interface GrantView {
  id: string;
  appId: string;
  appName: string;
  platform: PlatformId;
  seller: SellerIdentity;
  status: GrantStatus;
  health: GrantHealth;
  accessExpiresAt: number;
  refreshExpiresAt: number;
  refreshable: boolean;
  authorizedAt: number;
  lastRefreshedAt?: number;
  /** When the worker will next try to refresh (undefined when nothing is scheduled). */
  nextRefreshAt?: number;
  /** The access life the planned refresh keeps (its margin); absent for a retry or when none is planned. */
  refreshKeepsMs?: number;
  failures: number;
  lastError?: ErrorData;
  /** The platform asked to slow down: the next try waits until then. Absent otherwise. */
  slowDownUntil?: number;
  /** When "Move" handed this shop to another browser (health `moved`). */
  movedAt?: number;
  /** The shop's name and short code from the platform, when known. */
  shopName?: string;
  shopCode?: string;
  /**
   * The platform's clock minus this computer's, when they differ by more than a minute. Every time in
   * a view is on this computer's clock (alarms and "in 3 days" follow it); calendar dates add this.
   */
  clockOffsetMs?: number;
}

export type AttemptPhase = 'waiting_for_login' | 'exchanging' | 'succeeded' | 'failed';

/** One "Connect shop" attempt, stored so it survives a worker restart and a closed popup. */
export interface ConnectAttempt {
  id: string;
  appId: string;
  /** Random, >= 128 bits; never shown to pages. */
  state: string;
  redirectUri: string;
  countries: Country[];
  reauthorizeGrantId?: string;
  phase: AttemptPhase;
  startedAt: number;
  finishedAt?: number;
  grantId?: string;
  error?: ErrorData;
}

export type AttemptView = Omit<ConnectAttempt, 'state'>;

/** A login still under way: waiting for the seller, or exchanging the code. */
export function isAttemptRunning(attempt: Pick<ConnectAttempt, 'phase'> | null | undefined): boolean {
  return attempt?.phase === 'waiting_for_login' || attempt?.phase === 'exchanging';
}

export interface Settings {
  /** Refresh this long before the access token expires. */
  refreshLeadMinutes: number;
  /**
   * "Keep at least N days of access": refresh early enough to outlast a closed browser. 0 or absent: the
   * lead only. Stored settings always carry it (they are read over DEFAULT_SETTINGS).
   */
  keepAccessDays?: number;
  /** Remind this many days before the refresh deadline. */
  reminderDays: number[];
  maxConcurrentRefreshes: number;
  maxRefreshesPerMinute: number;
  notifications: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  refreshLeadMinutes: 30,
  keepAccessDays: 3,
  reminderDays: [7, 2, 1],
  maxConcurrentRefreshes: 4,
  maxRefreshesPerMinute: 300,
  notifications: true,
};

export type ActivityKind =
  | 'authorized'
  | 'reauthorized'
  | 'refreshed'
  | 'refresh_failed'
  | 'needs_authorization'
  | 'reminded'
  | 'removed'
  | 'connect_failed'
  | 'backup_exported'
  | 'backup_imported'
  | 'tool_access_granted'
  | 'tool_access_refused'
  | 'tool_access_revoked'
  | 'tool_token_handout'
  | 'tool_api_call';

/** One line of the activity log. Never a secret or a token. */
export interface ActivityEntry {
  id?: number;
  at: number;
  kind: ActivityKind;
  appId?: string;
  grantId?: string;
  /** Seller account, for people reading the log. */
  account?: string;
  errorCode?: ErrorCode;
  detail?: string;
  /** The seller tool an entry is about: `ext:<extension id>` or `origin:<origin>`. */
  caller?: string;
}
