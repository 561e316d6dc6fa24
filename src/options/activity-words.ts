/** Human words for activity log events. Pure. */
import type { ActivityKind } from '../shared/model';

const EVENT_LABELS: Record<ActivityKind, string> = {
  authorized: 'Authorized',
  reauthorized: 'Authorized again',
  refreshed: 'Refreshed',
  refresh_failed: 'Refresh failed',
  needs_authorization: 'Needs authorization',
  reminded: 'Reminder sent',
  removed: 'Removed',
  connect_failed: 'Connect failed',
  backup_exported: 'Backup saved',
  backup_imported: 'Backup imported',
};

export function eventLabel(kind: ActivityKind): string {
  return EVENT_LABELS[kind];
}
