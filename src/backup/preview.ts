/**
 * What the options page shows before "Apply": names, counts and reasons. Built field by field from the
 * plan, so no token and no secret reaches the page (a spread of a plan entry would carry both).
 */
import type { GrantStatus, Settings } from '../shared/model';
import type { PlatformId } from '../shared/platform';
import type { BackupContents, BackupGrant } from './contents';
import type { GrantChangeReason, GrantKeepReason, ImportPlan } from './import-plan';
import type { LocalState } from './local-state';

export interface AppSummary {
  id: string;
  name: string;
  platform: PlatformId;
  appKey: string;
}

export interface ShopSummary {
  /** The grant's id in this browser. */
  id: string;
  appName: string;
  platform: PlatformId;
  account: string;
  country: string;
  status: GrantStatus;
  refreshExpiresAt: number;
}

export interface ImportPreview {
  exportedAt: number;
  includesSecrets: boolean;
  apps: { added: AppSummary[]; updated: AppSummary[]; kept: number };
  secrets: { added: number; replaced: number };
  /** Apps left without a secret that imported shops belong to: those shops cannot refresh until one is entered. */
  appsWithoutSecret: AppSummary[];
  shops: {
    added: (ShopSummary & { takesOver: boolean })[];
    updated: (ShopSummary & { reason: GrantChangeReason; takesOver: boolean })[];
    kept: (ShopSummary & { reason: GrantKeepReason })[];
  };
  /** Shops this browser starts refreshing because the file was exported with "Move". */
  takingOver: number;
  settings: (keyof Settings)[];
  tools: { added: number; kept: number };
}

type Shop = Pick<BackupGrant, 'platform' | 'seller' | 'status' | 'refreshExpiresAt'>;

export function previewImport(local: LocalState, incoming: BackupContents, plan: ImportPlan): ImportPreview {
  const names = new Map<string, AppSummary>();
  const summarize = (app: AppSummary): AppSummary => ({
    id: app.id,
    name: app.name,
    platform: app.platform,
    appKey: app.appKey,
  });
  for (const app of local.apps) names.set(app.id, summarize(app));
  for (const { app } of [...plan.apps.add, ...plan.apps.update]) names.set(app.id, summarize(app));

  const shop = (id: string, appId: string, grant: Shop): ShopSummary => ({
    id,
    appName: names.get(appId)?.name ?? appId,
    platform: grant.platform,
    account: grant.seller.account,
    country: grant.seller.country,
    status: grant.status,
    refreshExpiresAt: grant.refreshExpiresAt,
  });
  const localGrants = new Map(local.grants.map((grant) => [grant.id, grant]));
  const fileGrants = new Map(incoming.grants.map((grant) => [grant.id, grant]));

  const changed = [...plan.grants.add, ...plan.grants.update];
  const secretAppIds = new Set([...local.secrets.keys(), ...plan.secrets.map((change) => change.appId)]);
  const withoutSecret = [...new Set(changed.map((planned) => planned.appId))]
    .filter((appId) => !secretAppIds.has(appId))
    .map((appId) => names.get(appId))
    .filter((app): app is AppSummary => app !== undefined);

  return {
    exportedAt: incoming.exportedAt,
    includesSecrets: incoming.includesSecrets,
    apps: {
      added: plan.apps.add.map(({ app }) => summarize(app)),
      updated: plan.apps.update.map(({ app }) => summarize(app)),
      kept: plan.apps.keep.length,
    },
    secrets: {
      added: plan.secrets.filter((change) => !change.replaces).length,
      replaced: plan.secrets.filter((change) => change.replaces).length,
    },
    appsWithoutSecret: withoutSecret,
    shops: {
      added: plan.grants.add.map((planned) => ({
        ...shop(planned.id, planned.appId, planned.incoming),
        takesOver: planned.takesOver,
      })),
      updated: plan.grants.update.map((planned) => ({
        ...shop(planned.id, planned.appId, planned.incoming),
        reason: planned.reason,
        takesOver: planned.takesOver,
      })),
      kept: plan.grants.keep.flatMap((kept) => {
        // This browser's record is the one that stays; a file duplicate has none here yet.
        const grant = localGrants.get(kept.id) ?? fileGrants.get(kept.fileGrantId);
        return grant ? [{ ...shop(kept.id, kept.appId, grant), reason: kept.reason }] : [];
      }),
    },
    takingOver: changed.filter((planned) => planned.takesOver).length,
    settings: Object.keys(plan.settings) as (keyof Settings)[],
    tools: { added: plan.toolPermissions.add.length, kept: plan.toolPermissions.keep.length },
  };
}
