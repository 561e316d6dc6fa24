/** A clock that moves only when told, for tests of timed work. */

import type { Clock } from '../../../src/grants/ports';
import { T0 } from '../builders';

/** The builders' T0: fakes and records start from the same moment. */
export const FAKE_EPOCH = T0;

/** Lets every pending promise callback run (one macrotask drains all microtasks). */
export function settleMicrotasks(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

interface Timer {
  at: number;
  order: number;
  resolve: () => void;
}

/**
 * Time that moves only when told. `sleep` waits on it; `advance` moves it, waking sleepers in time order;
 * `run` drives a task to its end, jumping to the next timer whenever everything else is waiting.
 */
export class FakeClock implements Clock {
  private time: number;
  private timers: Timer[] = [];
  private order = 0;

  constructor(start: number = FAKE_EPOCH) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** How many sleepers are waiting. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  readonly sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.time + Math.max(0, ms), order: this.order++, resolve });
    });

  /** A timer on this clock, with its cancel: what token-client's and refresh-grant's `startTimer` take. */
  readonly startTimer = (fire: () => void, ms: number): (() => void) => {
    const timer: Timer = { at: this.time + Math.max(0, ms), order: this.order++, resolve: fire };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  };

  /** Moves time forward by `ms`, waking each sleeper at its own time and letting it run before the next. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.time + ms);
  }

  /**
   * The system clock corrected backwards: time jumps back by `ms`. Timers keep their moments (as
   * `setTimeout` does, they wait in elapsed time), so they shift back with the clock.
   */
  stepBack(ms: number): void {
    this.time -= ms;
    for (const timer of this.timers) timer.at -= ms;
  }

  /** Moves time to `target`; whatever is ready runs first, at the time it was ready. */
  async advanceTo(target: number): Promise<void> {
    for (;;) {
      await settleMicrotasks();
      const timer = this.popDue(target);
      if (!timer) break;
      this.time = Math.max(this.time, timer.at);
      timer.resolve();
    }
    this.time = Math.max(this.time, target);
    await settleMicrotasks();
  }

  /** Runs `task` to its end in fake time. Throws if it waits on something the clock cannot move. */
  async run<T>(task: Promise<T>, maxSteps = 100_000): Promise<T> {
    let settled = false;
    const watched = task.finally(() => {
      settled = true;
    });
    watched.catch(() => {});
    for (let step = 0; step < maxSteps; step++) {
      await settleMicrotasks();
      if (settled) return watched;
      const timer = this.popDue(Number.POSITIVE_INFINITY);
      if (!timer) throw new Error('FakeClock.run: the task waits on something other than the clock.');
      this.time = Math.max(this.time, timer.at);
      timer.resolve();
    }
    throw new Error(`FakeClock.run: not finished after ${maxSteps} steps.`);
  }

  private popDue(limit: number): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers) {
      if (
        timer.at <= limit &&
        (!best || timer.at < best.at || (timer.at === best.at && timer.order < best.order))
      ) {
        best = timer;
      }
    }
    if (best) this.timers.splice(this.timers.indexOf(best), 1);
    return best;
  }
}
