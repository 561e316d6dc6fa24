/** The sentences a shop row is made of. Pure: callers pass `now`. */

import { t } from '../shared/i18n';
import type { GrantView } from '../shared/model';
import { COUNTRIES, type Country } from '../shared/platform';
import { countryName } from '../ui/labels';
import { durationWords, formatDate, relativeTime } from '../ui/time-words';

/** Names a shop in button labels, so screen readers and tests can tell rows apart. */
export function shopLabel(view: GrantView): string {
  return [view.seller.account, shopCountryName(view), view.appName].filter(Boolean).join(', ');
}

/** The shop's venture in words; empty for an AliExpress seller, whose grant has no venture. */
export function shopCountryName(view: GrantView): string {
  return view.seller.country ? countryName(view.seller.country) : '';
}

/**
 * A calendar date of this shop as the platform's clock will read it. Times in a view are on this
 * computer's clock, which may be wrong; "in 3 days" is right either way, a calendar date is not.
 */
function shownDate(view: GrantView, at: number): string {
  return formatDate(at + (view.clockOffsetMs ?? 0));
}

const MINUTE_MS = 60_000;

/** Said once above the list while this computer's clock is more than a minute off the platform's. */
export function clockNotice(views: readonly GrantView[]): string | undefined {
  const offset = views.find((view) => view.clockOffsetMs !== undefined)?.clockOffsetMs;
  if (offset === undefined) return undefined;
  // Measured to about a second: 2:59:59 is "3 hours", not "2 hours".
  const size = durationWords(Math.round(Math.abs(offset) / MINUTE_MS) * MINUTE_MS);
  return offset > 0 ? t('clock_behind', size) : t('clock_ahead', size);
}

export function accessTokenLine(view: GrantView, now: number): string {
  if (view.accessExpiresAt <= now) return t('shop_access_expired');
  return t('shop_access_expires', relativeTime(view.accessExpiresAt, now));
}

/** Shown for every shop: the date a person must act before, refresh or not. */
export function deadlineLine(view: GrantView, now: number): string {
  const date = shownDate(view, view.refreshExpiresAt);
  const when = relativeTime(view.refreshExpiresAt, now);
  if (view.refreshExpiresAt <= now && view.health !== 'needs_authorization') {
    // Only this computer's clock says so yet: the worker asks the platform before calling it dead.
    return t('shop_deadline_unconfirmed', date, when);
  }
  if (view.refreshExpiresAt <= now) return t('shop_deadline_passed', date, when);
  // The platform ended it early (a refused refresh token): the old deadline no longer matters.
  if (view.status === 'needs_authorization') return t('shop_authorization_ended');
  return t('shop_authorize_by', date, when);
}

/**
 * When the worker next refreshes and why. Honest about the browser: a refresh runs only while it is open,
 * so a time already past, or one the browser may be closed at, happens at the next start after it.
 */
export function nextRefreshLine(view: GrantView, now: number): string | undefined {
  const at = view.nextRefreshAt;
  if (at === undefined || view.status !== 'connected') return undefined;
  if (view.slowDownUntil !== undefined && view.slowDownUntil > now) {
    return t('shop_waiting', relativeTime(view.slowDownUntil, now));
  }
  // The popup is open, so the browser runs: the due alarm or the 30-minute safety alarm picks it up.
  if (at <= now) return t('shop_refresh_due', shownDate(view, at));
  if (view.refreshKeepsMs === undefined) {
    return t('shop_next_attempt', relativeTime(at, now), shownDate(view, at));
  }
  return t('shop_next_refresh', shownDate(view, at), durationWords(view.refreshKeepsMs));
}

/** A shop handed to another browser: its clocks here no longer matter, the date it moved does. */
export function movedLine(view: GrantView): string | undefined {
  return view.movedAt === undefined ? undefined : t('shop_moved', shownDate(view, view.movedAt));
}

export function isCrossBorder(view: GrantView): boolean {
  return view.seller.country.toLowerCase() === 'cb';
}

/** The countries to ask for when authorizing this shop again (Lazada only; AliExpress has none). */
export function reauthorizeCountries(view: GrantView): Country[] | undefined {
  if (view.platform !== 'lazada') return undefined;
  const country = view.seller.country.toLowerCase();
  return (COUNTRIES as readonly string[]).includes(country) ? [country as Country] : undefined;
}
