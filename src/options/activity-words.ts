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
  tool_access_granted: 'Tool given access',
  tool_access_refused: 'Tool refused',
  tool_access_revoked: 'Tool access revoked',
  tool_token_handout: 'Token given to a tool',
  tool_api_call: 'API call for a tool',
};

export function eventLabel(kind: ActivityKind): string {
  return EVENT_LABELS[kind];
}
