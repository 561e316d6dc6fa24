import { describe, expect, it } from 'vitest';
import { estimateDrain, PACKED_ALARM_MIN_MS, RUN_BUDGET_MS } from '../extrapolate';

const SLOW = { maxRefreshesPerMinute: 120, maxConcurrentRefreshes: 4 };
const perWakeAtSlowPace = 4 + (120 * RUN_BUDGET_MS) / 60_000;

describe('estimateDrain', () => {
  it('at 120 a minute: 5,000 grants take 2,500 s at the pace, the burst plus the pace per wake', () => {
    const estimate = estimateDrain(5_000, SLOW, 0);
    expect(estimate.atPaceSeconds).toBe(2_500);
    expect(estimate.perWake).toBe(perWakeAtSlowPace);
    expect(estimate.wakes).toBe(Math.ceil(5_000 / perWakeAtSlowPace));
  });

  it('adds the gap between wakes: a packed install waits 30 s after each wake', () => {
    const unpacked = estimateDrain(5_000, SLOW, 0);
    const packed = estimateDrain(5_000, SLOW, PACKED_ALARM_MIN_MS);
    expect(packed.withWakesSeconds - unpacked.withWakesSeconds).toBeCloseTo(
      ((unpacked.wakes - 1) * PACKED_ALARM_MIN_MS) / 1000,
    );
    // Whole wakes of RUN_BUDGET_MS, then the last wake's share after its burst.
    const lastWakeGrants = 5_000 - (unpacked.wakes - 1) * unpacked.perWake;
    expect(unpacked.withWakesSeconds).toBeCloseTo(
      ((unpacked.wakes - 1) * RUN_BUDGET_MS) / 1000 + ((lastWakeGrants - 4) * 60) / 120,
    );
  });

  it('fits a small drain in one wake: only what the burst does not cover waits for the pace', () => {
    const estimate = estimateDrain(10, { maxRefreshesPerMinute: 60, maxConcurrentRefreshes: 4 }, 30_000);
    expect(estimate.wakes).toBe(1);
    expect(estimate.withWakesSeconds).toBe(6);
  });
});
