/** App profiles. The secret is write-only: it goes to the SecretStore and no reply ever carries it. */

import { callbackKindFor } from '../../grants/connect/callback-kind';
import type { OriginAccess } from '../../grants/connect/ports';
import { HOST_ACCESS_MISSING } from '../../grants/host-access-tokens';
import type { ActivityLog, AppStore, Clock, GrantStore, SecretStore } from '../../grants/ports';
import { endpointHostsChanged, tokenUrls } from '../../platforms/app-endpoints';
import { SellerAuthError } from '../../shared/errors';
import { tPlural } from '../../shared/i18n';
import type { AppProfile, AppView } from '../../shared/model';
import { type Handlers, missingSecret } from '../messaging/request-parsers';

export interface AppHandlerDeps {
  apps: AppStore;
  grants: GrantStore;
  secrets: SecretStore;
  originAccess: OriginAccess;
  activity: ActivityLog;
  clock: Clock;
  extensionId: string;
  rearm: () => Promise<void>;
  newId: () => string;
  /** The `apps.list` answer; the worker keeps it in memory (wiring/worker.ts). Default: read it now. */
  listViews?: () => Promise<AppView[]>;
}

type AppViewDeps = Pick<AppHandlerDeps, 'apps' | 'secrets' | 'extensionId'>;

async function toView(deps: AppViewDeps, app: AppProfile): Promise<AppView> {
  return {
    ...app,
    hasSecret: await deps.secrets.has(app.id),
    callbackKind: callbackKindFor(app.callbackUrl, deps.extensionId),
  };
}

/** Every app profile as pages see it (never its secret, only whether one is stored), by name. */
export async function listAppViews(deps: AppViewDeps): Promise<AppView[]> {
  const views = await Promise.all((await deps.apps.list()).map((app) => toView(deps, app)));
  return views.sort((a, b) => a.name.localeCompare(b.name));
}

type AppHandlers = Pick<Handlers, 'apps.list' | 'apps.save' | 'apps.remove'>;

export function createAppHandlers(deps: AppHandlerDeps): AppHandlers {
  const listViews = deps.listViews ?? (() => listAppViews(deps));
  const requireApp = async (appId: string): Promise<AppProfile> => {
    const app = await deps.apps.get(appId);
    if (!app) throw new SellerAuthError('not_found', 'This app profile no longer exists.');
    return app;
  };

  return {
    'apps.list': () => listViews(),

    // Checked at the edge (app-input.ts); only what needs the store is decided here.
    'apps.save': async (input) => {
      const existing = input.id === undefined ? undefined : await requireApp(input.id);
      const secretStored = existing !== undefined && (await deps.secrets.has(existing.id));
      if (input.appSecret === undefined && !secretStored) throw missingSecret();
      if (existing && existing.platform !== input.platform) {
        throw new SellerAuthError(
          'invalid_input',
          'The platform of a saved app cannot change: add a new app.',
          {
            field: 'platform',
          },
        );
      }
      if (existing && existing.appKey !== input.appKey && (await deps.grants.listByApp(existing.id)).length) {
        throw new SellerAuthError(
          'invalid_input',
          'This app has connected shops: its app key cannot change, they would lose their app. Add a new app instead.',
          { field: 'appKey' },
        );
      }
      // A secret sent to a new host must be one the person typed for it, never the stored one.
      if (existing && input.appSecret === undefined && endpointHostsChanged(existing, input)) {
        throw new SellerAuthError('invalid_input', 'The endpoints changed: enter the app secret again.', {
          field: 'appSecret',
        });
      }
      for (const url of tokenUrls(input)) {
        if (!(await deps.originAccess.has(url))) {
          throw new SellerAuthError('permission_denied', HOST_ACCESS_MISSING);
        }
      }
      const now = deps.clock.now();
      const app: AppProfile = {
        id: existing?.id ?? deps.newId(),
        name: input.name,
        platform: input.platform,
        appKey: input.appKey,
        callbackUrl: input.callbackUrl,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      if (input.endpoints) app.endpoints = input.endpoints;
      if (input.customGateway) app.customGateway = true;
      // Profile first: a failure in between leaves an app without a secret (visible), never a stray secret.
      await deps.apps.put(app);
      if (input.appSecret !== undefined) await deps.secrets.put(app.id, input.appSecret);
      return toView(deps, app);
    },

    'apps.remove': async ({ appId }) => {
      const app = await requireApp(appId);
      const removedGrants = await deps.apps.remove(app.id);
      await deps.activity.add({
        at: deps.clock.now(),
        kind: 'removed',
        appId: app.id,
        detail: tPlural('activity_app_removed', removedGrants, app.name),
      });
      await deps.rearm();
      return { removedGrants };
    },
  };
}
