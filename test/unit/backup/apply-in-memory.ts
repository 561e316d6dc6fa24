/** What "Apply" does to the stores, over plain data: lets tests import twice and compare states. */

import { toolCallerKey } from '../../../src/backup/contents';
import type { ImportPlan } from '../../../src/backup/import-plan';
import type { LocalGrant, LocalState } from '../../../src/backup/local-state';
import { restoredGrant } from '../../../src/backup/restore-grant';

export function applyInMemory(local: LocalState, plan: ImportPlan, now: number): LocalState {
  const apps = new Map(local.apps.map((app) => [app.id, app]));
  for (const { app } of [...plan.apps.add, ...plan.apps.update]) apps.set(app.id, app);
  const secrets = new Map(local.secrets);
  for (const change of plan.secrets) secrets.set(change.appId, change.secret);
  const settings = { ...local.settings, ...plan.settings };
  const grants = new Map<string, LocalGrant>(local.grants.map((grant) => [grant.id, grant]));
  for (const planned of [...plan.grants.add, ...plan.grants.update]) {
    grants.set(planned.id, restoredGrant(planned, { now, settings, random: () => 0.5 }));
  }
  const tools = new Map(
    local.toolPermissions.map((permission) => [toolCallerKey(permission.caller), permission]),
  );
  for (const permission of plan.toolPermissions.add) tools.set(toolCallerKey(permission.caller), permission);
  return {
    apps: [...apps.values()],
    secrets,
    grants: [...grants.values()],
    settings,
    toolPermissions: [...tools.values()],
  };
}
