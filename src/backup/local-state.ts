/** What this browser holds, as the export and the import planner read it (worker-side: it has secrets). */
import type { Grant } from '../grants/model';
import type { AppSecret } from '../shared/checked';
import type { AppProfile, Settings } from '../shared/model';
import type { BackupToolPermission } from './contents';

/**
 * A stored grant, with the marker a "Move" leaves (`movedAt`): this browser handed the grant to another
 * one and keeps it for reference only, never refreshing it again.
 */
export type LocalGrant = Grant;

export interface LocalState {
  apps: readonly AppProfile[];
  /** App secrets by app id. */
  secrets: ReadonlyMap<string, AppSecret>;
  grants: readonly LocalGrant[];
  settings: Settings;
  toolPermissions: readonly BackupToolPermission[];
}
