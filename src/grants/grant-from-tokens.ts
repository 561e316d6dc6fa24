/** A grant from a fresh authorization: new, or the same seller authorizing again (same id). */
import type { TokenGrant } from '../platforms/types';
import type { Settings } from '../shared/model';
import type { PlatformId } from '../shared/platform';
import { type Grant, grantIdFor } from './model';
import { thresholdsPassedAt } from './reminders';
import { nextDueAt } from './schedule';

export interface GrantFromTokensContext {
  appId: string;
  platform: PlatformId;
  now: number;
  settings: Settings;
  /** The stored grant with the same id, if any: authorizing again keeps only its `createdAt`. */
  existing?: Grant;
  random?: () => number;
}

/**
 * Authorizing again starts the grant's life over: connected, no failures, no error, no pending retry,
 * death not yet notified. Reminder thresholds already behind the new deadline count as sent: the person
 * who just authorized does not need a reminder about the deadline they are looking at.
 */
export function grantFromTokens(tokens: TokenGrant, ctx: GrantFromTokensContext): Grant {
  const id = grantIdFor(ctx.appId, tokens.seller);
  const createdAt = ctx.existing?.id === id ? ctx.existing.createdAt : ctx.now;
  const grant: Grant = {
    id,
    appId: ctx.appId,
    platform: ctx.platform,
    seller: tokens.seller,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    refreshable: tokens.refreshable,
    accessExpiresAt: tokens.accessExpiresAt,
    refreshExpiresAt: tokens.refreshExpiresAt,
    status: 'connected',
    dueAt: ctx.now,
    failures: 0,
    authorizedAt: ctx.now,
    remindedDays: thresholdsPassedAt(tokens.refreshExpiresAt, ctx.settings, ctx.now),
    deathNotified: false,
    createdAt,
    updatedAt: ctx.now,
  };
  return { ...grant, dueAt: nextDueAt(grant, ctx.settings, ctx.now, ctx.random) };
}
