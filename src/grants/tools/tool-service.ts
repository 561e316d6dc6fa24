/**
 * The seller tools API behind the worker's external edge: who may ask (a stored grant of access, made
 * in the consent window), which shops they see, raw tokens only with `tokens` consent, and business
 * calls signed here with the app secret and the shop's token. Every handout and every call is logged
 * (caller, shop, what), never with a token. Consent requests are memory only: a worker that stops
 * while one is open ends it as a refusal, which the tool hears as a failed message.
 */
import type { ApiClient } from '../../platforms/api-client';
import { apiGatewayFor } from '../../platforms/api-hosts';
import { resolveEndpoints } from '../../platforms/descriptors';
import { pageOriginPattern, parsePageOrigin } from '../../platforms/page-origin';
import type { AppCredentials } from '../../platforms/types';
import { SellerAuthError } from '../../shared/errors';
import type { ActivityEntry, Settings } from '../../shared/model';
import {
  type ConsentAnswer,
  type ConsentRequestView,
  callerKey,
  TOOLS_API_VERSION,
  type ToolAccessView,
  type ToolCaller,
  type ToolEvent,
  type ToolShop,
  type ToolsHello,
  type ToolsMode,
} from '../../shared/tools';
import type { OriginAccess } from '../connect/ports';
import { type RefreshDeps, refreshGrant } from '../lifecycle';
import { type Grant, isMoved } from '../model';
import type { ActivityLog, AppStore, Clock, GrantStore } from '../ports';
import type { RateLimiter } from '../rate-limiter';
import { grantAccess, type ToolAccess, type ToolAccessStore, toAccessView } from './access';
import type { ConsentDecision, ConsentWindow, PageBridges, PendingConsent } from './ports';
import { toToolShop } from './tool-shops';

export interface ToolServiceDeps {
  access: ToolAccessStore;
  grants: GrantStore;
  apps: AppStore;
  credentials(appId: string): Promise<AppCredentials | undefined>;
  settings(): Promise<Settings>;
  clock: Clock;
  activity: ActivityLog;
  refresh: RefreshDeps;
  rearm(): Promise<void>;
  api: ApiClient;
  /** The one pace shared with refreshes (per app settings): every proxied call takes a turn. */
  limiter(): Promise<RateLimiter>;
  consent: ConsentWindow;
  originAccess: OriginAccess;
  newId(): string;
  /** Web page origins allowed as tools; without it none can be added. */
  bridges?: PageBridges;
  /** Keeps the worker alive while a person reads the consent window. */
  keepAwake?: <T>(task: () => Promise<T>) => Promise<T>;
}

/** A token handed out must live at least this long unless the tool asks for more. */
export const DEFAULT_MIN_VALIDITY_S = 60;

export const CAPABILITIES = ['listShops', 'getToken', 'call'];

export interface ToolService {
  hello(caller: ToolCaller): Promise<ToolsHello>;
  requestAccess(
    caller: ToolCaller,
    request: { shops?: string[]; mode?: ToolsMode },
  ): Promise<{ mode: ToolsMode; shops: ToolShop[] }>;
  listShops(caller: ToolCaller): Promise<ToolShop[]>;
  getToken(
    caller: ToolCaller,
    request: { shopId: string; minValidityS?: number },
  ): Promise<{ accessToken: string; expiresAt: number }>;
  call(
    caller: ToolCaller,
    request: { shopId: string; apiPath: string; params?: Record<string, string> },
  ): Promise<unknown>;
  /** For the consent page. */
  consentRequest(id: string): Promise<ConsentRequestView>;
  answerConsent(answer: ConsentAnswer): Promise<null>;
  /** For the options page. */
  listAccess(): Promise<ToolAccessView[]>;
  revoke(caller: string): Promise<null>;
  /**
   * Tells `post` about this caller's shops from now on; throws `tools_not_allowed` without access.
   * Resolves to the unsubscribe. Memory only: a stopped worker closes the port, and the tool reconnects.
   */
  subscribe(caller: ToolCaller, post: (event: ToolEvent) => void, end: () => void): Promise<() => void>;
  /** Grants (or access) changed: each subscriber hears what changed for it. */
  shopsChanged(): Promise<void>;
  /** Web page origins allowed to ask (each with its bridge registered). */
  listOrigins(): Promise<string[]>;
  /** After the page asked Chrome for the origin's host permission, in the click. */
  addOrigin(origin: string): Promise<string[]>;
  /** Unregisters the bridge, ends the origin's grant of access and gives its permission back. */
  removeOrigin(origin: string): Promise<string[]>;
}

const notAllowed = () =>
  new SellerAuthError('tools_not_allowed', 'This tool has no access to Seller Auth: ask for access first.');

/** What a subscriber last heard of a shop: a change of any of these is news. */
function shopSignature(shop: ToolShop): string {
  return JSON.stringify([shop.health, shop.accessExpiresAt, shop.refreshExpiresAt, shop.name]);
}

interface Subscriber {
  caller: ToolCaller;
  post(event: ToolEvent): void;
  end(): void;
  heard: Map<string, string>;
}

export function createToolService(deps: ToolServiceDeps): ToolService {
  const subscribers = new Set<Subscriber>();
  const pending = new Map<string, { request: PendingConsent; answer: (decision: ConsentDecision) => void }>();

  const log = async (entry: Omit<ActivityEntry, 'id' | 'at'>) => {
    try {
      await deps.activity.add({ at: deps.clock.now(), ...entry });
    } catch {
      // Best effort: the log failing must not fail the tool's request.
    }
  };
  const logShop = (grant: Grant, kind: ActivityEntry['kind'], caller: ToolCaller, what: string) =>
    log({
      kind,
      appId: grant.appId,
      grantId: grant.id,
      account: grant.seller.account,
      caller: callerKey(caller),
      detail: what,
    });

  const requireAccess = async (caller: ToolCaller): Promise<ToolAccess> => {
    const access = await deps.access.get(callerKey(caller));
    if (!access) throw notAllowed();
    return access;
  };

  const touch = async (access: ToolAccess) => {
    try {
      await deps.access.put({ ...access, lastUsedAt: deps.clock.now() });
    } catch {
      // Best effort, like the log.
    }
  };

  const requireShop = async (access: ToolAccess, shopId: string): Promise<Grant> => {
    const grant = access.shopIds.includes(shopId) ? await deps.grants.get(shopId) : undefined;
    if (!grant) {
      throw new SellerAuthError('tools_shop_not_granted', 'This shop was not shared with this tool.');
    }
    if (isMoved(grant)) {
      throw new SellerAuthError('grant_moved', 'This shop was moved to another browser; use it there.');
    }
    return grant;
  };

  const visibleShops = async (shopIds: readonly string[]): Promise<ToolShop[]> => {
    const settings = await deps.settings();
    const now = deps.clock.now();
    const grants = await Promise.all(shopIds.map((id) => deps.grants.get(id)));
    return grants
      .filter((grant): grant is Grant => grant !== undefined && !isMoved(grant))
      .map((grant) => toToolShop(grant, settings, now));
  };

  /** The refresh every other caller shares (the grant's lock): a tool never refreshes on its own. */
  const refreshNow = async (grantId: string) => {
    const outcome = await refreshGrant(deps.refresh, grantId, {
      reason: 'manual',
      requestedAt: deps.clock.now(),
    });
    await deps.rearm();
    return outcome;
  };

  /** A live token for at least `minValidityMs`, refreshed first when needed; throws when there is none. */
  const liveGrant = async (grant: Grant, minValidityMs: number): Promise<Grant> => {
    let current = grant;
    if (current.status === 'connected' && current.accessExpiresAt - deps.clock.now() < minValidityMs) {
      const outcome = await refreshNow(current.id);
      current = outcome.grant ?? current;
      if (outcome.error && current.accessExpiresAt <= deps.clock.now()) {
        throw SellerAuthError.fromData(outcome.error);
      }
    }
    if (current.status !== 'connected' || current.accessExpiresAt <= deps.clock.now()) {
      throw new SellerAuthError(
        'access_token_invalid',
        'This shop must be authorized again before its token works.',
      );
    }
    return current;
  };

  const sendCall = async (
    grant: Grant,
    app: AppCredentials,
    gateway: ReturnType<typeof apiGatewayFor>,
    apiPath: string,
    params: Record<string, string>,
  ) => {
    const limiter = await deps.limiter();
    await limiter.acquire();
    try {
      const answer = await deps.api.call(app, { gateway, accessToken: grant.accessToken, apiPath, params });
      limiter.succeeded();
      return answer;
    } catch (error) {
      if (error instanceof SellerAuthError && error.code === 'rate_limited') {
        limiter.slowDown(error.details.retryAfterMs);
      }
      throw error;
    }
  };

  const notifySubscribers = async () => {
    for (const subscriber of [...subscribers]) {
      try {
        const access = await deps.access.get(callerKey(subscriber.caller));
        if (!access) {
          subscribers.delete(subscriber);
          subscriber.post({ event: 'access.ended' });
          subscriber.end();
          continue;
        }
        const shops = await visibleShops(access.shopIds);
        const seen = new Set<string>();
        for (const shop of shops) {
          seen.add(shop.id);
          const signature = shopSignature(shop);
          if (subscriber.heard.get(shop.id) === signature) continue;
          subscriber.heard.set(shop.id, signature);
          subscriber.post({ event: 'shop.changed', shop });
        }
        for (const shopId of [...subscriber.heard.keys()]) {
          if (seen.has(shopId)) continue;
          subscriber.heard.delete(shopId);
          subscriber.post({ event: 'shop.removed', shopId });
        }
      } catch {
        // A port that went away, or storage failing: the next change tries again.
      }
    }
  };

  return {
    async hello(caller) {
      const access = await deps.access.get(callerKey(caller));
      return {
        name: 'Seller Auth',
        version: TOOLS_API_VERSION,
        capabilities: [...CAPABILITIES],
        access: access
          ? { granted: true, mode: access.mode, shops: access.shopIds.length }
          : { granted: false, shops: 0 },
      };
    },

    async requestAccess(caller, request) {
      if (pending.size > 0) {
        throw new SellerAuthError('tools_consent_busy', 'Another consent window is open: answer it first.');
      }
      const id = deps.newId();
      let answer: (decision: ConsentDecision) => void = () => {};
      const answered = new Promise<ConsentDecision>((resolve) => {
        answer = resolve;
      });
      pending.set(id, {
        request: { id, caller, askedShops: request.shops ?? [], askedMode: request.mode ?? 'proxy' },
        answer,
      });
      let decision: ConsentDecision | undefined;
      const keepAwake = deps.keepAwake ?? ((task) => task());
      try {
        decision = await keepAwake(async () => {
          const window = await deps.consent.open(id);
          const answer = await Promise.race([answered, window.closed.then(() => undefined)]);
          await window.close().catch(() => {});
          return answer;
        });
      } finally {
        pending.delete(id);
      }
      if (!decision?.approve) {
        await log({ kind: 'tool_access_refused', caller: callerKey(caller) });
        throw new SellerAuthError('tools_consent_refused', 'The person did not give this tool access.');
      }
      // Only shops that exist now: an id typed into a crafted answer grants nothing.
      const shops = await visibleShops(decision.shopIds);
      const previous = await deps.access.get(callerKey(caller));
      const access = grantAccess(
        caller,
        { shopIds: shops.map((shop) => shop.id), mode: decision.mode },
        deps.clock.now(),
        previous,
      );
      await deps.access.put(access);
      await notifySubscribers();
      await log({
        kind: 'tool_access_granted',
        caller: callerKey(caller),
        detail: `${access.mode === 'tokens' ? 'raw tokens' : 'proxied calls'}, ${shops.length} shop${shops.length === 1 ? '' : 's'}`,
      });
      return { mode: access.mode, shops };
    },

    async listShops(caller) {
      const access = await requireAccess(caller);
      await touch(access);
      return visibleShops(access.shopIds);
    },

    async getToken(caller, { shopId, minValidityS }) {
      const access = await requireAccess(caller);
      if (access.mode !== 'tokens') {
        throw new SellerAuthError('tools_tokens_not_granted', 'This tool may not read access tokens.');
      }
      const grant = await liveGrant(
        await requireShop(access, shopId),
        (minValidityS ?? DEFAULT_MIN_VALIDITY_S) * 1000,
      );
      await touch(access);
      await logShop(grant, 'tool_token_handout', caller, 'access token handed out');
      return { accessToken: grant.accessToken, expiresAt: grant.accessExpiresAt };
    },

    async call(caller, { shopId, apiPath, params = {} }) {
      const access = await requireAccess(caller);
      let grant = await liveGrant(await requireShop(access, shopId), DEFAULT_MIN_VALIDITY_S * 1000);
      const [app, profile] = await Promise.all([deps.credentials(grant.appId), deps.apps.get(grant.appId)]);
      if (!app || !profile) throw new SellerAuthError('not_found', "This shop's app is no longer set up.");
      const gateway = apiGatewayFor(grant.platform, grant.seller.country, profile.endpoints);
      if (!(await deps.originAccess.has(gateway.rest))) {
        const { protocol, hostname } = new URL(gateway.rest);
        throw new SellerAuthError(
          'permission_denied',
          "Chrome has not granted Seller Auth access to this shop's API address.",
          { origin: `${protocol}//${hostname}/*` },
        );
      }
      await touch(access);
      try {
        let answer: unknown;
        try {
          answer = await sendCall(grant, app, gateway, apiPath, params);
        } catch (error) {
          // A token the platform no longer takes (revoked, or spent elsewhere): one refresh, one retry.
          if (!(error instanceof SellerAuthError) || error.code !== 'access_token_invalid') throw error;
          const refused = grant.accessToken;
          const outcome = await refreshNow(grant.id);
          // Skipped: someone refreshed meanwhile; their token is as good as ours.
          const fresh = outcome.grant ?? (await deps.grants.get(grant.id));
          if (!fresh || fresh.accessToken === refused || fresh.status !== 'connected') throw error;
          grant = fresh;
          answer = await sendCall(grant, app, gateway, apiPath, params);
        }
        await logShop(grant, 'tool_api_call', caller, apiPath);
        return answer;
      } catch (error) {
        const code = error instanceof SellerAuthError ? error.code : 'internal';
        await log({
          kind: 'tool_api_call',
          appId: grant.appId,
          grantId: grant.id,
          account: grant.seller.account,
          errorCode: code,
          caller: callerKey(caller),
          detail: apiPath,
        });
        throw error;
      }
    },

    async consentRequest(id) {
      const entry = pending.get(id);
      if (!entry) throw new SellerAuthError('not_found', 'This request for access is over.');
      const [grants, apps, settings] = await Promise.all([
        deps.grants.list(),
        deps.apps.list(),
        deps.settings(),
      ]);
      const now = deps.clock.now();
      const endpoints = new Map(apps.map((app) => [app.id, app.endpoints]));
      const live = grants.filter((grant) => !isMoved(grant));
      const apiOrigins: Record<string, string> = {};
      for (const grant of live) {
        const { protocol, hostname } = new URL(
          apiGatewayFor(grant.platform, grant.seller.country, endpoints.get(grant.appId)).rest,
        );
        apiOrigins[grant.id] = `${protocol}//${hostname}/*`;
      }
      return {
        ...structuredClone(entry.request),
        shops: live.map((grant) => toToolShop(grant, settings, now)),
        apiOrigins,
      };
    },

    async answerConsent({ id, approve, shopIds, mode }) {
      const entry = pending.get(id);
      if (!entry) throw new SellerAuthError('not_found', 'This request for access is over.');
      entry.answer({ approve, shopIds, mode });
      return null;
    },

    async listAccess() {
      return (await deps.access.list()).map(toAccessView).sort((a, b) => a.createdAt - b.createdAt);
    },

    async subscribe(caller, post, end) {
      const access = await requireAccess(caller);
      const shops = await visibleShops(access.shopIds);
      const subscriber: Subscriber = {
        caller,
        post,
        end,
        heard: new Map(shops.map((shop) => [shop.id, shopSignature(shop)])),
      };
      subscribers.add(subscriber);
      post({ event: 'shops', shops });
      return () => {
        subscribers.delete(subscriber);
      };
    },

    shopsChanged: () => notifySubscribers(),

    async listOrigins() {
      return deps.bridges ? (await deps.bridges.list()).sort() : [];
    },

    async addOrigin(value) {
      const origin = parsePageOrigin(value);
      if (!deps.bridges) throw new SellerAuthError('internal', 'Web pages cannot be added in this build.');
      if (!(await deps.originAccess.has(`${origin}/`))) {
        throw new SellerAuthError(
          'permission_denied',
          'Chrome has not granted Seller Auth access to this page.',
          {
            origin: pageOriginPattern(origin),
          },
        );
      }
      if (!(await deps.bridges.list()).includes(origin)) await deps.bridges.register(origin);
      return (await deps.bridges.list()).sort();
    },

    async removeOrigin(value) {
      const origin = parsePageOrigin(value);
      if (!deps.bridges) return [];
      await deps.bridges.unregister(origin);
      const caller = callerKey({ kind: 'origin', origin });
      if (await deps.access.remove(caller)) {
        await log({ kind: 'tool_access_revoked', caller });
        await notifySubscribers();
      }
      // Kept while an app still reaches that host (its endpoints or callback), or another origin on it.
      const pattern = pageOriginPattern(origin);
      const apps = await deps.apps.list();
      const stillUsed = [
        ...apps.flatMap((app) => [
          ...Object.values(resolveEndpoints(app.platform, app.endpoints)),
          app.callbackUrl,
        ]),
        ...(await deps.bridges.list()),
      ].some((url) => {
        try {
          return pageOriginPattern(url) === pattern;
        } catch {
          return false;
        }
      });
      if (!stillUsed) await deps.bridges.dropPermission(pattern).catch(() => {});
      return (await deps.bridges.list()).sort();
    },

    async revoke(caller) {
      const access = await deps.access.get(caller);
      if (!access || !(await deps.access.remove(caller))) {
        throw new SellerAuthError('not_found', 'This tool has no access any more.');
      }
      await log({ kind: 'tool_access_revoked', caller });
      await notifySubscribers();
      return null;
    },
  };
}
