/**
 * What the options page shows before "Apply": names, counts and reasons. Built field by field from the
 * plan, so no token and no secret reaches the page (a spread of a plan entry would carry both).
 */
import type { AppSummary, ImportPreview, ShopSummary } from '../shared/backup';
import type { Settings } from '../shared/model';
import type { BackupContents, BackupGrant } from './contents';
import type { ImportPlan } from './import-plan';
import type { LocalState } from './local-state';

export type { AppSummary, ImportPreview, ShopSummary };

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
