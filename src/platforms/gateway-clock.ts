/**
 * The gateway's clock as seen from here, estimated from the HTTP `Date` header of its replies. A
 * seller's computer may be hours off: Lazada refuses a signed `timestamp` more than 2 hours away from
 * its own time (`InvalidTimestamp`), and AliExpress states deadlines as absolute times on its clock.
 * With the offset, the signed timestamp is the gateway's time, and absolute deadlines land on this
 * computer's clock where they belong. Memory only: a restarted worker learns it again from one reply.
 */

/**
 * Below this the offset is noise to us (`Date` has whole seconds, the reply took its time, and the
 * gateway's window is hours): the local clock is used as it is.
 */
export const NEGLIGIBLE_OFFSET_MS = 60_000;

/**
 * Gateway time minus local time, from one reply: its `Date` against the middle of the request's
 * round trip. Undefined when the header is missing or unreadable.
 */
export function offsetFromDate(
  date: string | null | undefined,
  sentAt: number,
  receivedAt: number,
): number | undefined {
  if (!date) return undefined;
  const gatewayAt = Date.parse(date);
  if (!Number.isFinite(gatewayAt)) return undefined;
  // `Date` is truncated to the second: its middle is the best guess.
  return gatewayAt + 500 - (sentAt + receivedAt) / 2;
}

export interface GatewayClock {
  /** The gateway's time now, by the latest estimate. */
  now(): number;
  /** Gateway time minus local time; 0 while unknown or negligible. */
  readonly offsetMs: number;
  /** Learns from one reply; returns whether the estimate changed. */
  observe(date: string | null | undefined, sentAt: number, receivedAt: number): boolean;
}

export function createGatewayClock(local: { now(): number }): GatewayClock {
  let offsetMs = 0;
  return {
    now: () => local.now() + offsetMs,
    get offsetMs() {
      return offsetMs;
    },
    observe(date, sentAt, receivedAt) {
      const measured = offsetFromDate(date, sentAt, receivedAt);
      if (measured === undefined) return false;
      // The latest reply wins: the local clock may have been corrected since.
      const next = Math.abs(measured) < NEGLIGIBLE_OFFSET_MS ? 0 : Math.round(measured);
      const changed = Math.abs(next - offsetMs) >= NEGLIGIBLE_OFFSET_MS || (next === 0) !== (offsetMs === 0);
      offsetMs = next;
      return changed;
    },
  };
}
