/** What a person sees of a grant: its health, and a view without tokens. */
import type { GrantHealth, GrantView, Settings } from '../shared/model';
import { DAY_MS } from './durations';
import { type Grant, isMoved, pastLocalDeadline } from './model';
import { isDeadlineWithin, reminderDaysOf } from './reminders';
import { awaitsDeadlineCheck, plannedRefreshAt, refreshMarginMs } from './schedule';

export function grantHealth(grant: Grant, settings: Settings, now: number): GrantHealth {
  if (isMoved(grant)) return 'moved';
  const expired = !grant.refreshable && now >= grant.accessExpiresAt;
  const deadlinePassed = pastLocalDeadline(grant, now) && !awaitsDeadlineCheck(grant, now);
  if (grant.status === 'needs_authorization' || deadlinePassed || expired) {
    return 'needs_authorization';
  }
  if (grant.failures > 0 || grant.lastError !== undefined) return 'failing';
  const firstReminderDays = reminderDaysOf(settings)[0];
  if (firstReminderDays !== undefined && grant.refreshExpiresAt - now <= firstReminderDays * DAY_MS) {
    return 'expiring';
  }
  return 'connected';
}

/** Field by field on purpose: a spread would carry the tokens along. */
export function toGrantView(
  grant: Grant,
  appName: string,
  settings: Settings,
  now: number,
  clockOffsetMs = 0,
): GrantView {
  const nextRefreshAt = plannedRefreshAt(grant, settings, now);
  return {
    id: grant.id,
    appId: grant.appId,
    appName,
    platform: grant.platform,
    seller: structuredClone(grant.seller),
    status: grant.status,
    health: grantHealth(grant, settings, now),
    accessExpiresAt: grant.accessExpiresAt,
    refreshExpiresAt: grant.refreshExpiresAt,
    refreshable: grant.refreshable,
    authorizedAt: grant.authorizedAt,
    lastRefreshedAt: grant.lastRefreshedAt,
    nextRefreshAt,
    refreshKeepsMs:
      nextRefreshAt === undefined || grant.retryAt !== undefined
        ? undefined
        : refreshMarginMs(grant.accessExpiresAt - (grant.lastRefreshedAt ?? grant.authorizedAt), settings),
    failures: grant.failures,
    lastError: grant.lastError && { ...grant.lastError },
    ...(grant.slowDownUntil !== undefined && grant.slowDownUntil > now
      ? { slowDownUntil: grant.slowDownUntil }
      : {}),
    ...(grant.movedAt !== undefined ? { movedAt: grant.movedAt } : {}),
    ...(grant.shopName !== undefined ? { shopName: grant.shopName } : {}),
    ...(grant.shopCode !== undefined ? { shopCode: grant.shopCode } : {}),
    ...(clockOffsetMs !== 0 ? { clockOffsetMs } : {}),
  };
}

/**
 * Anything but a healthy grant wants a look: a coming deadline, failing refreshes, or a dead grant. A
 * moved one does not: another browser looks after it.
 */
export function needsAttention(view: Pick<GrantView, 'health'>): boolean {
  return view.health !== 'connected' && view.health !== 'moved';
}

/**
 * The toolbar badge: how many grants want a person. That is every shop whose deadline is within 7 days
 * even when the first reminder is set closer (or reminders are off), plus failing and dead ones.
 */
export function attentionCount(grants: readonly Grant[], settings: Settings, now: number): number {
  return grants.filter(
    (grant) => needsAttention({ health: grantHealth(grant, settings, now) }) || isDeadlineWithin(grant, now),
  ).length;
}

/** What the order looks at: a view, or the worker's compact row of one. */
export type AttentionKey = Pick<GrantView, 'id' | 'health' | 'refreshExpiresAt'> & {
  seller: Pick<GrantView['seller'], 'account'>;
};

/** `localeCompare` with one collator made once: the same order, several times faster over thousands. */
const ACCOUNT_ORDER = new Intl.Collator();

const ATTENTION_RANK: Record<GrantHealth, number> = {
  needs_authorization: 0,
  failing: 1,
  expiring: 2,
  connected: 3,
  moved: 4,
};

/**
 * The shop list's one order (the worker sorts, the popup trusts it): needing a person first (dead,
 * failing, expiring), moved ones last, then the nearest "authorize again" deadline, then the account, then the id.
 */
export function byAttention(a: AttentionKey, b: AttentionKey): number {
  return (
    ATTENTION_RANK[a.health] - ATTENTION_RANK[b.health] ||
    a.refreshExpiresAt - b.refreshExpiresAt ||
    ACCOUNT_ORDER.compare(a.seller.account, b.seller.account) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
