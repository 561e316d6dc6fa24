import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../virtual-clock';

const START = Date.UTC(2025, 0, 6);

describe('VirtualClock', () => {
  it('moves only when told, in whole milliseconds, never back', () => {
    const clock = new VirtualClock(START);
    expect(clock.now()).toBe(START);
    clock.advanceTo(START + 1500.2);
    expect(clock.now()).toBe(START + 1501);
    clock.advanceTo(START);
    expect(clock.now()).toBe(START + 1501);
  });

  it('fires timers due on the way, earliest first, each at its own time', () => {
    const clock = new VirtualClock(START);
    const fired: [string, number][] = [];
    clock.startTimer(() => fired.push(['b', clock.now()]), 2000);
    clock.startTimer(() => fired.push(['a', clock.now()]), 1000);
    clock.startTimer(() => fired.push(['later', clock.now()]), 9000);
    clock.advanceTo(START + 5000);
    expect(fired).toEqual([
      ['a', START + 1000],
      ['b', START + 2000],
    ]);
    expect(clock.pendingTimers).toBe(1);
  });

  it('cancels a timer, and a sleep jumps to its end, firing what it passes', async () => {
    const clock = new VirtualClock(START);
    let timeout = false;
    const cancel = clock.startTimer(() => {
      timeout = true;
    }, 15_000);
    await clock.sleep(10_000);
    expect(timeout).toBe(false);
    await clock.sleep(10_000);
    expect(timeout).toBe(true);
    expect(clock.now()).toBe(START + 20_000);
    cancel();
    const never = clock.startTimer(() => {
      throw new Error('cancelled timers never fire');
    }, 1);
    never();
    clock.advanceTo(START + 30_000);
    expect(clock.pendingTimers).toBe(0);
  });
});
