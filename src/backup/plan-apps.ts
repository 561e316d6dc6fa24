/**
 * Apps are matched by platform and app key, not by id: two browsers that each added the same app gave
 * it different ids. When this browser has the app twice (say, once with sandbox endpoints), the oldest
 * is the match, and a grant goes to whichever of them already holds that seller (plan-grants.ts).
 * A matched app keeps its local id; the file's profile replaces the local one only when it was edited
 * later. A secret is added where none is stored, replaced only along with a newer profile (changing a
 * secret saves the profile), and never cleared: a file without secrets adds none.
 */
import type { AppProfile } from '../shared/model';
import type { BackupApp } from './contents';
import type { ImportPlan, PlannedApp } from './import-plan';
import type { LocalState } from './local-state';

export interface AppPlan {
  apps: ImportPlan['apps'];
  secrets: ImportPlan['secrets'];
  /**
   * File app id -> this browser's ids for that app, the match first: one id, or several when this browser
   * holds the same platform and key more than once.
   */
  appIds: ReadonlyMap<string, readonly string[]>;
}

const matchKey = (app: Pick<AppProfile, 'platform' | 'appKey'>) => `${app.platform}\u0000${app.appKey}`;

function profileFrom(file: BackupApp, id: string, createdAt: number): AppProfile {
  const app: AppProfile = {
    id,
    name: file.name,
    platform: file.platform,
    appKey: file.appKey,
    callbackUrl: file.callbackUrl,
    createdAt,
    // The file's own time, not now: importing the same file again then finds nothing newer.
    updatedAt: file.updatedAt,
  };
  if (file.endpoints) app.endpoints = { ...file.endpoints };
  return app;
}

/** Local apps by platform and key, oldest first: duplicates here resolve the same way every time. */
function localByKey(apps: readonly AppProfile[]): Map<string, AppProfile[]> {
  const byKey = new Map<string, AppProfile[]>();
  const oldestFirst = [...apps].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  for (const app of oldestFirst) byKey.set(matchKey(app), [...(byKey.get(matchKey(app)) ?? []), app]);
  return byKey;
}

function freshId(taken: ReadonlySet<string>, newId: () => string): string {
  for (let tries = 0; tries < 10; tries++) {
    const id = newId();
    if (!taken.has(id)) return id;
  }
  throw new Error('newId keeps returning ids already in use.');
}

export function planApps(fileApps: readonly BackupApp[], local: LocalState, newId: () => string): AppPlan {
  const plan: AppPlan = { apps: { add: [], update: [], keep: [] }, secrets: [], appIds: new Map() };
  const appIds = plan.appIds as Map<string, readonly string[]>;
  const known = localByKey(local.apps);
  const added = new Map<string, PlannedApp>();
  const takenIds = new Set(local.apps.map((app) => app.id));

  for (const file of fileApps) {
    const key = matchKey(file);
    const earlier = added.get(key);
    if (earlier) {
      appIds.set(file.id, [earlier.app.id]);
      plan.apps.keep.push({ appId: earlier.app.id, fileAppId: file.id, reason: 'duplicate_in_file' });
      continue;
    }
    const matches = known.get(key) ?? [];
    const match = matches[0];
    if (!match) {
      // Ids are random, so the file's id is free unless this browser's app was re-keyed since the export.
      const id = takenIds.has(file.id) ? freshId(takenIds, newId) : file.id;
      takenIds.add(id);
      const planned = { app: profileFrom(file, id, file.createdAt), fileAppId: file.id };
      plan.apps.add.push(planned);
      added.set(key, planned);
      appIds.set(file.id, [id]);
      if (file.secret !== undefined) plan.secrets.push({ appId: id, secret: file.secret, replaces: false });
      continue;
    }
    appIds.set(
      file.id,
      matches.map((app) => app.id),
    );
    const newer = file.updatedAt > match.updatedAt;
    if (newer) {
      plan.apps.update.push({ app: profileFrom(file, match.id, match.createdAt), fileAppId: file.id });
    } else {
      plan.apps.keep.push({ appId: match.id, fileAppId: file.id, reason: 'local_same_or_newer' });
    }
    const stored = local.secrets.get(match.id);
    if (file.secret === undefined || file.secret === stored) continue;
    if (stored === undefined) plan.secrets.push({ appId: match.id, secret: file.secret, replaces: false });
    else if (newer) plan.secrets.push({ appId: match.id, secret: file.secret, replaces: true });
  }
  return plan;
}
