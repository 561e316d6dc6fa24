/** How long to wait before trying a failed refresh again. */
import { HOUR_MS, MINUTE_MS, SECOND_MS } from './durations';

const FIRST_RETRY_MS = 30 * SECOND_MS;
const MAX_RETRY_MS = 30 * MINUTE_MS;
const JITTER_SHARE = 0.2;
/** Configuration errors (wrong secret, rejected app) do not heal by themselves: look again rarely. */
export const CONFIGURATION_RETRY_MS = 6 * HOUR_MS;
/** Without a hint, a rate-limited call waits this long (the gateway's bans usually last a second). */
export const DEFAULT_RATE_LIMIT_WAIT_MS = SECOND_MS;
/** A gateway's "wait" hint is followed up to this long: a longer one would let access tokens run out. */
export const MAX_RATE_LIMIT_WAIT_MS = 15 * MINUTE_MS;
/** A retry that would land after the deadline gets one last try this long before it. */
export const LAST_CHANCE_BEFORE_DEADLINE_MS = MINUTE_MS;

/**
 * 30 s, 1 min, 2 min... capped at 30 min, then +/-20% so grants that failed together retry apart.
 * The jitter is applied after the cap on purpose: at the cap, equal delays would bunch up again.
 */
export function transientBackoffMs(failures: number, random: () => number = Math.random): number {
  const doublings = Math.min(Math.max(0, Math.floor(failures) - 1), 32);
  const base = Math.min(FIRST_RETRY_MS * 2 ** doublings, MAX_RETRY_MS);
  return Math.round(base * (1 + JITTER_SHARE * (2 * random() - 1)));
}

/**
 * Keeps a retry before the refresh deadline: past it no refresh can succeed. A retry that would land
 * later is moved to one last chance just before the deadline, or, when even that has passed, to the
 * deadline itself, where the grant is marked "needs authorization". Never before `now`.
 */
export function retryBeforeDeadline(retryAt: number, refreshExpiresAt: number, now: number): number {
  const lastChance = refreshExpiresAt - LAST_CHANCE_BEFORE_DEADLINE_MS;
  if (retryAt <= lastChance) return retryAt;
  return now < lastChance ? lastChance : Math.max(refreshExpiresAt, now);
}
