import { describe, expect, it } from 'vitest';
import {
  LAST_CHANCE_BEFORE_DEADLINE_MS,
  retryBeforeDeadline,
  transientBackoffMs,
} from '../../../src/grants/backoff';
import { MINUTE, T0 } from '../../support/builders';

const middle = () => 0.5;

describe('transientBackoffMs', () => {
  it('starts at 30 s and doubles with each failure', () => {
    expect([1, 2, 3, 4, 5, 6].map((failures) => transientBackoffMs(failures, middle))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000,
    ]);
  });

  it('is capped at 30 minutes, even after a huge number of failures', () => {
    expect(transientBackoffMs(7, middle)).toBe(30 * MINUTE);
    expect(transientBackoffMs(50, middle)).toBe(30 * MINUTE);
    expect(transientBackoffMs(1_000_000, middle)).toBe(30 * MINUTE);
  });

  it('spreads by +/-20%, also at the cap', () => {
    expect(transientBackoffMs(1, () => 0)).toBe(24_000);
    expect(transientBackoffMs(1, () => 1)).toBe(36_000);
    expect(transientBackoffMs(9, () => 0)).toBe(24 * MINUTE);
    expect(transientBackoffMs(9, () => 1)).toBe(36 * MINUTE);
  });

  it('treats nonsense failure counts as the first failure', () => {
    expect(transientBackoffMs(0, middle)).toBe(30_000);
    expect(transientBackoffMs(-3, middle)).toBe(30_000);
  });
});

describe('retryBeforeDeadline', () => {
  const deadline = T0 + 60 * MINUTE;

  it('keeps a retry that lands before the last chance', () => {
    expect(retryBeforeDeadline(T0 + 10 * MINUTE, deadline, T0)).toBe(T0 + 10 * MINUTE);
  });

  it('moves a retry past the deadline to one last try just before it', () => {
    expect(retryBeforeDeadline(T0 + 90 * MINUTE, deadline, T0)).toBe(
      deadline - LAST_CHANCE_BEFORE_DEADLINE_MS,
    );
  });

  it('once the last chance is behind, wakes at the deadline (to mark the grant), never before now', () => {
    const afterLastChance = deadline - LAST_CHANCE_BEFORE_DEADLINE_MS + 1;
    expect(retryBeforeDeadline(afterLastChance + MINUTE, deadline, afterLastChance)).toBe(deadline);
    expect(retryBeforeDeadline(deadline + MINUTE, deadline, deadline + 5)).toBe(deadline + 5);
  });
});
