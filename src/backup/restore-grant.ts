/**
 * The record "Apply" writes for a planned grant: the file's tokens and deadlines under this browser's ids,
 * with scheduling started afresh here (like a new authorization, grant-from-tokens.ts). It carries no
 * moved marker: an imported grant is active in the browser that imported it.
 */
import type { Grant } from '../grants/model';
import { thresholdsPassedAt } from '../grants/reminders';
import { nextDueAt } from '../grants/schedule';
import type { Settings } from '../shared/model';
import type { PlannedGrant } from './import-plan';

export interface RestoreContext {
  now: number;
  /** When the file was exported: the grant is in that backup (the "not in any backup" count skips it). */
  fileExportedAt?: number;
  settings: Settings;
  random?: () => number;
}

export function restoredGrant(planned: PlannedGrant, ctx: RestoreContext): Grant {
  const { incoming } = planned;
  const grant: Grant = {
    id: planned.id,
    appId: planned.appId,
    platform: incoming.platform,
    seller: structuredClone(incoming.seller),
    accessToken: incoming.accessToken,
    refreshToken: incoming.refreshToken,
    refreshable: incoming.refreshable,
    accessExpiresAt: incoming.accessExpiresAt,
    refreshExpiresAt: incoming.refreshExpiresAt,
    status: incoming.status,
    dueAt: ctx.now,
    failures: 0,
    authorizedAt: incoming.authorizedAt,
    // The person importing sees deadlines and dead shops in the preview: remind only of what is still ahead.
    remindedDays: thresholdsPassedAt(incoming.refreshExpiresAt, ctx.settings, ctx.now),
    deathNotified: incoming.status === 'needs_authorization',
    createdAt: planned.local?.createdAt ?? incoming.createdAt,
    updatedAt: ctx.now,
  };
  if (incoming.lastRefreshedAt !== undefined) grant.lastRefreshedAt = incoming.lastRefreshedAt;
  if (ctx.fileExportedAt !== undefined) grant.backedUpAt = ctx.fileExportedAt;
  return { ...grant, dueAt: nextDueAt(grant, ctx.settings, ctx.now, ctx.random) };
}
