/** The import planner: this browser's records and a backup's contents in, an ImportPlan out. Pure. */
import type { BackupContents, BackupToolPermission } from './contents';
import { toolCallerKey } from './contents';
import type { ImportPlan } from './import-plan';
import type { LocalState } from './local-state';
import { planApps } from './plan-apps';
import { planGrants } from './plan-grants';
import { planSettings } from './plan-settings';

export interface PlanOptions {
  /** A fresh app id, for a file's app whose id is already used here by another app. */
  newId: () => string;
}

/**
 * A tool this browser does not know yet gets the file's consent, for the same shops under their ids here.
 * A tool known here keeps this browser's consent: an import never widens what a tool may do.
 */
function planToolPermissions(
  incoming: readonly BackupToolPermission[],
  local: readonly BackupToolPermission[],
  grantIds: ReadonlyMap<string, string>,
): ImportPlan['toolPermissions'] {
  const known = new Set(local.map((permission) => toolCallerKey(permission.caller)));
  const plan: ImportPlan['toolPermissions'] = { add: [], keep: [] };
  for (const permission of incoming) {
    const key = toolCallerKey(permission.caller);
    if (known.has(key)) {
      plan.keep.push(permission);
      continue;
    }
    known.add(key);
    const shops = permission.grantIds.map((id) => grantIds.get(id) ?? id);
    plan.add.push({ ...permission, caller: { ...permission.caller }, grantIds: [...new Set(shops)] });
  }
  return plan;
}

export function planImport(local: LocalState, incoming: BackupContents, options: PlanOptions): ImportPlan {
  const apps = planApps(incoming.apps, local, options.newId);
  const grants = planGrants(incoming.grants, local.grants, apps.appIds);
  return {
    apps: apps.apps,
    secrets: apps.secrets,
    grants: grants.grants,
    settings: planSettings(local.settings, incoming.settings),
    toolPermissions: planToolPermissions(incoming.toolPermissions, local.toolPermissions, grants.grantIds),
  };
}
