/**
 * "Connect shop", run by the worker from start to end (the popup closes when the login window takes
 * focus): fresh state, attempt stored before any window opens, login, callback checks, signed code
 * exchange, grant written. Every failure ends the attempt with its code and stores no grant.
 */

import { buildAuthorizeUrl, createState } from '../../platforms/authorize-url';
import { parseCallback } from '../../platforms/callback';
import type { AppCredentials, TokenClient } from '../../platforms/types';
import { SellerAuthError, toErrorData } from '../../shared/errors';
import {
  type AppProfile,
  type AttemptView,
  type CallbackKind,
  type ConnectAttempt,
  isAttemptRunning,
} from '../../shared/model';
import type { Country, SellerIdentity } from '../../shared/platform';
import { grantFromTokens } from '../lifecycle';
import { type Grant, grantIdFor } from '../model';
import type { AppStore, GrantStore, SettingsStore } from '../ports';
import {
  ATTEMPT_LOCK,
  type AttemptDeps,
  finishAttempt,
  latestSettledAttempt,
  toAttemptView,
} from './attempts';
import { callbackKindFor } from './callback-kind';
import type { AuthWindow, KeepAwake, OriginAccess } from './ports';

export interface ConnectDeps extends AttemptDeps {
  apps: AppStore;
  grants: GrantStore;
  settings: SettingsStore;
  tokens: TokenClient;
  credentials: (appId: string) => Promise<AppCredentials | undefined>;
  authWindows: Record<CallbackKind, AuthWindow>;
  originAccess: OriginAccess;
  keepAwake: KeepAwake;
  extensionId: string;
  /** Re-arms the alarm and the badge after a grant changed. */
  rearm: () => Promise<void>;
  newId: () => string;
  /**
   * After a grant was stored (connect or authorize again): best-effort extras (the shop's name), done
   * before the attempt finishes so what a page reads next is final. Bounded by the caller; never throws.
   */
  onConnected?: (grant: Grant) => Promise<unknown>;
}

export interface ConnectRequest {
  appId: string;
  countries?: Country[];
  reauthorizeGrantId?: string;
}

interface Prepared {
  app: AppProfile;
  credentials: AppCredentials;
  window: AuthWindow;
  reauthorizing?: Grant;
}

/** Checks that can fail before any attempt exists: they answer as errors, not as a failed attempt. */
async function prepare(deps: ConnectDeps, request: ConnectRequest): Promise<Prepared> {
  const app = await deps.apps.get(request.appId);
  if (!app) throw new SellerAuthError('not_found', 'This app profile no longer exists.');
  const credentials = await deps.credentials(app.id);
  if (!credentials) {
    throw new SellerAuthError('invalid_input', 'Add the app secret in the settings first.', {
      field: 'appSecret',
    });
  }
  let reauthorizing: Grant | undefined;
  if (request.reauthorizeGrantId !== undefined) {
    reauthorizing = await deps.grants.get(request.reauthorizeGrantId);
    if (!reauthorizing) throw new SellerAuthError('not_found', 'This shop is no longer in the list.');
    if (reauthorizing.appId !== app.id) {
      throw new SellerAuthError('invalid_input', 'This shop was connected through another app.', {
        field: 'appId',
      });
    }
  }
  const kind = callbackKindFor(app.callbackUrl, deps.extensionId);
  if (kind === 'tab' && !(await deps.originAccess.has(app.callbackUrl))) {
    throw new SellerAuthError(
      'permission_denied',
      'Seller Auth needs access to the callback URL to see the login finish. Allow it in the app settings.',
    );
  }
  return { app, credentials, window: deps.authWindows[kind], reauthorizing };
}

/** Stores the new attempt, unless another login is still running (checked and written under one lock). */
function beginAttempt(deps: ConnectDeps, request: ConnectRequest, app: AppProfile): Promise<ConnectAttempt> {
  return deps.locks.withLock(ATTEMPT_LOCK, async () => {
    const latest = await latestSettledAttempt(deps);
    if (latest && isAttemptRunning(latest)) {
      throw new SellerAuthError(
        'auth_flow_busy',
        'A login is already in progress. Finish or close it first.',
      );
    }
    const attempt: ConnectAttempt = {
      id: deps.newId(),
      appId: app.id,
      state: createState(),
      redirectUri: app.callbackUrl,
      countries: request.countries ?? [],
      reauthorizeGrantId: request.reauthorizeGrantId,
      phase: 'waiting_for_login',
      startedAt: deps.clock.now(),
    };
    await deps.attempts.put(attempt);
    deps.live.add(attempt.id);
    return attempt;
  });
}

/**
 * The one login timeout, for both kinds of window: after `timeoutMs` the login ends as `attempt_expired`
 * and the signal tells the window to close what it opened (the login tab, or Chrome's auth window).
 */
async function openWithTimeout(
  window: AuthWindow,
  authorizeUrl: string,
  redirectUri: string,
  timeoutMs: number,
): Promise<string> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new SellerAuthError('attempt_expired', 'The login took too long. Try again.');
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([window.open(authorizeUrl, redirectUri, controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Opens the login and returns the authorization code from a callback that passed every check. */
async function login(deps: ConnectDeps, prepared: Prepared, attempt: ConnectAttempt): Promise<string> {
  const authorizeUrl = buildAuthorizeUrl({
    platform: prepared.app.platform,
    authorizeUrl: prepared.credentials.endpoints.authorizeUrl,
    appKey: prepared.app.appKey,
    redirectUri: attempt.redirectUri,
    state: attempt.state,
    countries: attempt.countries,
    // A fresh login session, so staff can switch from one seller account to the next.
    forceAuth: true,
  });
  const callbackUrl = await deps.keepAwake(() =>
    openWithTimeout(prepared.window, authorizeUrl, attempt.redirectUri, deps.flowTimeoutMs),
  );
  return parseCallback(callbackUrl, { redirectUri: attempt.redirectUri, state: attempt.state }).code;
}

function describe(seller: SellerIdentity, other: SellerIdentity): string {
  const sameAccount = seller.account.toLowerCase() === other.account.toLowerCase();
  return sameAccount ? `${seller.account} (${seller.country.toUpperCase()})` : seller.account;
}

function accountMismatch(signedIn: SellerIdentity, expected: SellerIdentity): SellerAuthError {
  return new SellerAuthError(
    'account_mismatch',
    `You signed in as ${describe(signedIn, expected)}, but this shop is ${describe(expected, signedIn)}. ` +
      'That login was saved as its own shop; to renew this one, sign in as its account.',
  );
}

/** Writes the grant (the same seller again UPDATES its grant) and logs it; never throws after the write. */
async function storeGrant(deps: ConnectDeps, prepared: Prepared, code: string): Promise<Grant> {
  const tokens = await deps.tokens.create(prepared.credentials, code);
  const settings = await deps.settings.get();
  const now = deps.clock.now();
  const id = grantIdFor(prepared.app.id, tokens.seller);
  let existed = false;
  const stored = await deps.grants.update(id, (existing) => {
    existed = existing !== undefined;
    return grantFromTokens(tokens, {
      appId: prepared.app.id,
      platform: prepared.app.platform,
      now,
      settings,
      existing,
    });
  });
  if (!stored) throw new SellerAuthError('storage_failed', 'The new connection could not be saved.');
  // The grant is safe in IndexedDB; the log line and the alarm are best effort (the next start re-arms).
  await deps.activity
    .add({
      at: now,
      kind: existed ? 'reauthorized' : 'authorized',
      appId: stored.appId,
      grantId: stored.id,
      account: stored.seller.account,
    })
    .catch(() => {});
  await deps.rearm().catch(() => {});
  await deps.onConnected?.(stored).catch(() => {});
  return stored;
}

/** Runs one "Connect shop" to its end and answers with the finished attempt (succeeded or failed). */
export async function connect(deps: ConnectDeps, request: ConnectRequest): Promise<AttemptView> {
  const prepared = await prepare(deps, request);
  let attempt = await beginAttempt(deps, request, prepared.app);
  try {
    const code = await login(deps, prepared, attempt);
    attempt = { ...attempt, phase: 'exchanging' };
    await deps.attempts.put(attempt);
    const grant = await storeGrant(deps, prepared, code);
    const expected = prepared.reauthorizing;
    // Never lose an authorization the seller just gave, but say it renewed a different shop.
    const error =
      expected && expected.id !== grant.id
        ? accountMismatch(grant.seller, expected.seller).toData()
        : undefined;
    return toAttemptView(await finishAttempt(deps, attempt, { grantId: grant.id, error }));
  } catch (error) {
    return toAttemptView(await finishAttempt(deps, attempt, { error: toErrorData(error) }));
  } finally {
    deps.live.delete(attempt.id);
  }
}
