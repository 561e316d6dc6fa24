/**
 * The shop list and what a person does to one shop. Replies are views without tokens, except
 * `grants.accessToken`, the one message whose purpose is to hand a token out.
 */
import { byAttention, type RefreshDeps, refreshGrant, toGrantView } from '../../grants/lifecycle';
import { type Grant, isMoved } from '../../grants/model';
import type { ActivityLog, AppStore, Clock, GrantStore } from '../../grants/ports';
import type { ShopSummarySource } from '../../grants/shop-summary-source';
import { SellerAuthError } from '../../shared/errors';
import type { GrantView, Settings } from '../../shared/model';
import type { Handlers } from '../messaging/request-parsers';

export interface GrantHandlerDeps {
  grants: GrantStore;
  apps: AppStore;
  activity: ActivityLog;
  /** The compact picture of every shop that `grants.query` answers from. */
  shops: ShopSummarySource;
  clock: Clock;
  settings: () => Promise<Settings>;
  refresh: RefreshDeps;
  rearm: () => Promise<void>;
}

type GrantHandlers = Pick<
  Handlers,
  'grants.list' | 'grants.query' | 'grants.refresh' | 'grants.remove' | 'grants.accessToken'
>;

/** A token this close to expiry is refreshed before it is handed out: the tool using it needs some time. */
export const ACCESS_TOKEN_MIN_VALIDITY_MS = 60_000;

const notFound = () => new SellerAuthError('not_found', 'This shop is no longer in the list.');

export function createGrantHandlers(deps: GrantHandlerDeps): GrantHandlers {
  const requireGrant = async (grantId: string): Promise<Grant> => {
    const grant = await deps.grants.get(grantId);
    if (!grant) throw notFound();
    return grant;
  };

  const viewOf = async (grant: Grant): Promise<GrantView> => {
    const [app, settings] = await Promise.all([deps.apps.get(grant.appId), deps.settings()]);
    return toGrantView(
      grant,
      app?.name ?? '',
      settings,
      deps.clock.now(),
      deps.refresh.tokens.gatewayOffsetMs(),
    );
  };

  /** Refreshes now, whatever the schedule; a failure is recorded on the grant (its view shows it). */
  const refreshNow = async (grantId: string) => {
    const outcome = await refreshGrant(deps.refresh, grantId, {
      reason: 'manual',
      requestedAt: deps.clock.now(),
    });
    await deps.rearm();
    return outcome;
  };

  return {
    'grants.list': async () => {
      const [grants, apps, settings] = await Promise.all([
        deps.grants.list(),
        deps.apps.list(),
        deps.settings(),
      ]);
      const appNames = new Map(apps.map((app) => [app.id, app.name]));
      const now = deps.clock.now();
      const offset = deps.refresh.tokens.gatewayOffsetMs();
      // The one sort: the popup shows the list in this order.
      return grants
        .map((grant) => toGrantView(grant, appNames.get(grant.appId) ?? '', settings, now, offset))
        .sort(byAttention);
    },

    'grants.query': async (query) => {
      const [shops, settings] = await Promise.all([deps.shops.current(), deps.settings()]);
      return shops.query(query, settings, deps.clock.now(), deps.refresh.tokens.gatewayOffsetMs());
    },

    'grants.refresh': async ({ grantId }) => {
      const grant = await requireGrant(grantId);
      const outcome = await refreshNow(grant.id);
      // Still on the wire: say so, rather than show the old state as if nothing happened.
      if (outcome.kind === 'pending' && outcome.error) throw SellerAuthError.fromData(outcome.error);
      return viewOf(outcome.grant ?? (await requireGrant(grant.id)));
    },

    'grants.remove': async ({ grantId }) => {
      const grant = await requireGrant(grantId);
      if (!(await deps.grants.remove(grant.id))) throw notFound();
      await deps.activity.add({
        at: deps.clock.now(),
        kind: 'removed',
        appId: grant.appId,
        grantId: grant.id,
        account: grant.seller.account,
      });
      await deps.rearm();
      return null;
    },

    'grants.accessToken': async ({ grantId }) => {
      let grant = await requireGrant(grantId);
      if (isMoved(grant)) {
        throw new SellerAuthError(
          'grant_moved',
          'This shop was moved to another browser; use its token there.',
        );
      }
      if (
        grant.status === 'connected' &&
        grant.accessExpiresAt - deps.clock.now() < ACCESS_TOKEN_MIN_VALIDITY_MS
      ) {
        const outcome = await refreshNow(grant.id);
        grant = outcome.grant ?? (await requireGrant(grant.id));
        if (outcome.error && grant.accessExpiresAt <= deps.clock.now())
          throw SellerAuthError.fromData(outcome.error);
      }
      if (grant.status !== 'connected' || grant.accessExpiresAt <= deps.clock.now()) {
        throw new SellerAuthError(
          'access_token_invalid',
          'This shop must be authorized again before its token works.',
        );
      }
      return { accessToken: grant.accessToken, expiresAt: grant.accessExpiresAt };
    },
  };
}
