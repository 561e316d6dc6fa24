import type { ErrorData } from '../shared/errors';
import type { GrantStatus } from '../shared/model';
import type { PlatformId, SellerIdentity } from '../shared/platform';

/** Stored in IndexedDB (store `grants`, key `id`). Tokens never leave the worker except on request. */
export interface Grant {
  /** `grantIdFor(appId, seller)`: stable, so authorizing the same seller again updates this grant. */
  id: string;
  appId: string;
  platform: PlatformId;
  seller: SellerIdentity;
  accessToken: string;
  refreshToken: string;
  refreshable: boolean;
  accessExpiresAt: number;
  /** Never extended by a refresh: the date a person must authorize again. */
  refreshExpiresAt: number;
  status: GrantStatus;
  /** When the scheduler should next look at this grant (indexed). NEVER_DUE when it needs nothing. */
  dueAt: number;
  /** Consecutive transient refresh failures; reset by a success. */
  failures: number;
  lastError?: ErrorData;
  /**
   * When a failed (or rate-limited) refresh is tried again; undefined when no retry is pending.
   * Kept apart from `dueAt`, which may be earlier for a reminder, so a reminder never brings a retry forward.
   */
  retryAt?: number;
  /**
   * The platform asked us to slow down (a rate limit, not a failure of this grant): the retry waits until
   * then, and people see "Waiting" rather than "Connected". Cleared by the next answer.
   */
  slowDownUntil?: number;
  authorizedAt: number;
  lastRefreshedAt?: number;
  /** Set while a refresh request is on the wire; a crash leaves it behind as evidence. */
  refreshStartedAt?: number;
  /** Reminder thresholds (days before the refresh deadline) already notified. */
  remindedDays: number[];
  /** Whether "needs authorization" was already notified for the current death. */
  deathNotified: boolean;
  createdAt: number;
  updatedAt: number;
  /**
   * "Move to another browser": this browser handed the grant over at this time. The grant stays for
   * reference and is never refreshed, reminded of or marked dead here again: the other browser holds
   * the live token pair now. Authorizing the shop again here takes it back (a fresh grant has no marker).
   */
  movedAt?: number;
  /**
   * When a backup file last took this grant's current authorization (an export here, or the file it was
   * imported from). Authorizing again starts a grant without it: that shop is in no backup yet.
   */
  backedUpAt?: number;
  /** The shop's name from Lazada `/seller/get`, fetched after connect (best effort). */
  shopName?: string;
  /** Its short code from the same answer (`SG4H2K9`). */
  shopCode?: string;
}

/** The grant with its tokens blanked: what is kept for the shop list, in memory and in its listing. */
export function withoutTokens(grant: Grant): Grant {
  return { ...grant, accessToken: '', refreshToken: '' };
}

/** Moved grants are references: nothing schedules, refreshes or counts them. */
export function isMoved(grant: Pick<Grant, 'movedAt'>): boolean {
  return grant.movedAt !== undefined;
}

/** dueAt for grants with nothing scheduled (a valid IndexedDB key that sorts last). */
/**
 * This computer's clock has reached the refresh deadline the grant holds. Only the local view: a clock
 * that jumped ahead says so too, so nothing is called dead on this alone (see `awaitsDeadlineCheck`).
 */
export function pastLocalDeadline(grant: Pick<Grant, 'refreshExpiresAt'>, now: number): boolean {
  return now >= grant.refreshExpiresAt;
}

export const NEVER_DUE = Number.MAX_SAFE_INTEGER;

/** Same app + same seller account + same venture = same grant. */
export function grantIdFor(
  appId: string,
  seller: Pick<SellerIdentity, 'account' | 'country' | 'userId'>,
): string {
  const who = seller.userId ? `u:${seller.userId}` : `a:${seller.account.toLowerCase()}`;
  return `${appId}|${who}|${seller.country.toLowerCase()}`;
}
