import { describe, expect, it } from 'vitest';
import { createGatewayClock, offsetFromDate } from '../../../src/platforms/gateway-clock';

const NOW = Date.UTC(2026, 11, 3, 8, 0, 0);
const HOUR = 3_600_000;

describe('offsetFromDate', () => {
  it('compares the gateway Date with the middle of the round trip', () => {
    const date = new Date(NOW + 3 * HOUR).toUTCString();
    expect(offsetFromDate(date, NOW - 1000, NOW + 1000)).toBe(3 * HOUR + 500);
  });

  it('knows nothing from a missing or unreadable header', () => {
    expect(offsetFromDate(null, NOW, NOW)).toBeUndefined();
    expect(offsetFromDate('yesterday-ish', NOW, NOW)).toBeUndefined();
  });
});

describe('createGatewayClock', () => {
  const local = { now: () => NOW };

  it('uses the local clock until a reply shows it is more than a minute off', () => {
    const gateway = createGatewayClock(local);
    expect(gateway.now()).toBe(NOW);
    expect(gateway.observe(new Date(NOW + 20_000).toUTCString(), NOW, NOW)).toBe(false);
    expect(gateway.offsetMs).toBe(0);
    expect(gateway.observe(new Date(NOW - 3 * HOUR).toUTCString(), NOW, NOW)).toBe(true);
    expect(gateway.offsetMs).toBe(-3 * HOUR + 500);
    expect(gateway.now()).toBe(NOW - 3 * HOUR + 500);
  });

  it('follows the latest reply, back to none when the local clock was corrected', () => {
    const gateway = createGatewayClock(local);
    gateway.observe(new Date(NOW + 5 * HOUR).toUTCString(), NOW, NOW);
    expect(gateway.observe(new Date(NOW).toUTCString(), NOW, NOW)).toBe(true);
    expect(gateway.offsetMs).toBe(0);
  });
});
