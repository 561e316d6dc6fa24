/**
 * Paces refresh calls across one run: a token bucket on the injected clock, so tests run in fake
 * time. When the gateway rate-limits us it pauses everyone for the hinted time (growing while limits
 * repeat with no success between), halves the pace, then wins the pace back gradually over a minute.
 */
import { DEFAULT_RATE_LIMIT_WAIT_MS } from './backoff';
import { MINUTE_MS } from './durations';
import type { Clock } from './ports';

export type Sleep = (ms: number) => Promise<void>;

export interface RateLimiterOptions {
  clock: Clock;
  sleep: Sleep;
  perMinute: number;
  /** Calls allowed back to back before the steady pace applies. */
  burst: number;
}

const MIN_PER_MINUTE = 1;
const MAX_PAUSE_MS = MINUTE_MS;
/** How long the pace takes to climb from nothing back to the configured one (linearly). */
const RECOVERY_MS = MINUTE_MS;

export class RateLimiter {
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly targetPerMinute: number;
  private readonly burst: number;
  /** The pace right after the last slow-down (undefined: never slowed). */
  private slowedTo: number | undefined;
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private lastPauseMs = 0;

  constructor(options: RateLimiterOptions) {
    this.clock = options.clock;
    this.sleep = options.sleep;
    this.targetPerMinute = Math.max(MIN_PER_MINUTE, options.perMinute || MIN_PER_MINUTE);
    this.burst = Math.max(1, Math.floor(options.burst) || 1);
    this.tokens = this.burst;
    this.refilledAt = options.clock.now();
  }

  /** The pace now, in calls per minute. */
  get ratePerMinute(): number {
    return this.rateAt(this.clock.now());
  }

  /**
   * Waits for a token and takes it. Resolves false, without waiting or taking one, when the token would
   * come at or after `notAfter` (the caller's time budget). Tokens are taken only after the wait, so a
   * pause or slow-down that happens meanwhile applies to calls already waiting.
   */
  async acquire(notAfter = Number.POSITIVE_INFINITY): Promise<boolean> {
    for (;;) {
      const now = this.clock.now();
      this.refill(now);
      if (now >= this.pausedUntil && this.tokens >= 1) {
        this.tokens -= 1;
        return true;
      }
      const at =
        now < this.pausedUntil ? this.pausedUntil : now + ((1 - this.tokens) * MINUTE_MS) / this.rateAt(now);
      if (at >= notAfter) return false;
      await this.sleep(at - now);
    }
  }

  /** The gateway said "too many": pause everyone and halve the pace (once per pause). */
  slowDown(retryAfterMs?: number): void {
    const now = this.clock.now();
    const hintMs = retryAfterMs && retryAfterMs > 0 ? retryAfterMs : DEFAULT_RATE_LIMIT_WAIT_MS;
    if (now < this.pausedUntil) {
      // Calls already in flight when the pause began: one signal, not one halving each.
      this.pausedUntil = Math.max(this.pausedUntil, now + hintMs);
      return;
    }
    this.slowedTo = Math.max(MIN_PER_MINUTE, this.rateAt(now) / 2);
    this.lastPauseMs = Math.min(MAX_PAUSE_MS, Math.max(hintMs, this.lastPauseMs * 2));
    this.pausedUntil = now + this.lastPauseMs;
    // No burst after a pause: one call at its end, the rest at the slower pace.
    this.tokens = 1;
    this.refilledAt = now;
  }

  /** A call went through: the next rate limit pauses for its hint again, not for a grown pause. */
  succeeded(): void {
    this.lastPauseMs = 0;
  }

  /** Tokens accrue at the current pace, up to the burst, and not while paused. */
  private refill(now: number): void {
    this.followBackwardStep(now);
    const from = Math.max(this.refilledAt, this.pausedUntil);
    if (now > from) {
      this.tokens = Math.min(this.burst, this.tokens + ((now - from) * this.rateAt(now)) / MINUTE_MS);
    }
    this.refilledAt = Math.max(this.refilledAt, now);
  }

  /**
   * The clock stepped back (a corrected system clock): move the pacer's own moments back with it. Kept
   * where they were, a one-hour step would hold every token and pause for that hour.
   */
  private followBackwardStep(now: number): void {
    const step = this.refilledAt - now;
    if (step <= 0) return;
    this.refilledAt -= step;
    if (Number.isFinite(this.pausedUntil)) this.pausedUntil -= step;
  }

  private rateAt(now: number): number {
    if (this.slowedTo === undefined) return this.targetPerMinute;
    const regained = (this.targetPerMinute * Math.max(0, now - this.pausedUntil)) / RECOVERY_MS;
    return Math.min(this.targetPerMinute, this.slowedTo + regained);
  }
}
