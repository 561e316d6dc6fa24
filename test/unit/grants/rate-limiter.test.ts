import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/grants/rate-limiter';
import { FakeClock } from '../../support/fakes/fake-clock';

function limiter(perMinute: number, burst: number) {
  const clock = new FakeClock();
  const start = clock.now();
  const rate = new RateLimiter({ clock, sleep: clock.sleep, perMinute, burst });
  /** Takes `count` slots one after the other; resolves to when each was granted, from the start. */
  const take = async (count: number): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      await rate.acquire();
      times.push(clock.now() - start);
    }
    return times;
  };
  return { clock, rate, take, start };
}

describe('RateLimiter', () => {
  it('allows a burst, then one call per interval', async () => {
    const { clock, take } = limiter(60, 3);
    expect(await clock.run(take(6))).toEqual([0, 0, 0, 1000, 2000, 3000]);
  });

  it('lets calls waiting in parallel through one interval apart', async () => {
    const { clock, rate, start } = limiter(120, 1);
    const granted: number[] = [];
    const wait = async () => {
      await rate.acquire();
      granted.push(clock.now() - start);
    };
    await clock.run(Promise.all([wait(), wait(), wait(), wait()]));
    expect(granted).toEqual([0, 500, 1000, 1500]);
  });

  it('refuses, without waiting, a slot that would come after the budget', async () => {
    const { clock, rate, take } = limiter(60, 1);
    await clock.run(take(1));
    expect(await rate.acquire(clock.now() + 500)).toBe(false);
    expect(clock.pendingTimers).toBe(0);
    expect(await clock.run(rate.acquire(clock.now() + 5000))).toBe(true);
  });

  it('on a rate limit pauses for the hint and halves the pace, without a burst after', async () => {
    const { clock, rate, take } = limiter(60, 3);
    await clock.run(take(3));
    rate.slowDown(5000);
    expect(rate.ratePerMinute).toBe(30);
    const [first = 0, second = 0, third = 0] = await clock.run(take(3));
    expect(first).toBe(5000);
    // About 2 s apart (30 a minute, climbing back): slower than the 1 s before, and no burst of three.
    for (const gap of [second - first, third - second]) {
      expect(gap).toBeGreaterThan(1500);
      expect(gap).toBeLessThanOrEqual(2000);
    }
  });

  it('halves once for several limits reported during one pause', () => {
    const { rate } = limiter(120, 1);
    rate.slowDown(1000);
    rate.slowDown(1000);
    rate.slowDown(1000);
    expect(rate.ratePerMinute).toBe(60);
  });

  it('grows the pause while limits repeat without a success, and resets it after one', async () => {
    const { clock, rate } = limiter(600, 1);
    const pauseAfter = async (hint: number): Promise<number> => {
      rate.slowDown(hint);
      const from = clock.now();
      await clock.run(rate.acquire());
      return clock.now() - from;
    };
    expect(await pauseAfter(1000)).toBe(1000);
    expect(await pauseAfter(1000)).toBe(2000);
    expect(await pauseAfter(1000)).toBe(4000);
    rate.succeeded();
    expect(await pauseAfter(1000)).toBe(1000);
  });

  it('wins the pace back gradually after the pause', async () => {
    const { clock, rate } = limiter(120, 1);
    rate.slowDown(1000);
    expect(rate.ratePerMinute).toBe(60);
    await clock.advance(1000);
    expect(rate.ratePerMinute).toBe(60);
    await clock.advance(15_000);
    expect(rate.ratePerMinute).toBe(90);
    await clock.advance(60_000);
    expect(rate.ratePerMinute).toBe(120);
  });

  it('keeps its pace after the clock steps back an hour', async () => {
    const { clock, take } = limiter(60, 1);
    await clock.run(take(2));
    clock.stepBack(60 * 60_000);
    const before = clock.now();
    await clock.run(take(2));
    // One interval apart as before the step, not an hour of nothing while the clock catches up.
    expect(clock.now() - before).toBeLessThanOrEqual(2000);
  });

  it('keeps a pause its own length after the clock steps back', async () => {
    const { clock, rate } = limiter(60, 1);
    await clock.run(rate.acquire());
    rate.slowDown(10_000);
    clock.stepBack(60 * 60_000);
    const before = clock.now();
    await clock.run(rate.acquire());
    expect(clock.now() - before).toBeLessThanOrEqual(10_000);
    expect(clock.now() - before).toBeGreaterThanOrEqual(9_000);
  });
});
