/**
 * Virtual time for the whole simulation: the extension's clock, its sleeps, the token client's timeout and
 * the sandbox's waits all run on it. Time moves only when something waits (a sleep jumps straight to its
 * end) or when the event loop jumps to the next event, so 180 days pass in seconds. Timers due on the
 * way fire in time order, synchronously, before the jump completes: a sandbox answer delayed past the
 * client's timeout fires that timeout first, exactly as in real time.
 */

interface Timer {
  at: number;
  order: number;
  fire: () => void;
}

export class VirtualClock {
  private time: number;
  private timers: Timer[] = [];
  private order = 0;

  constructor(start: number) {
    this.time = Math.ceil(start);
  }

  readonly now = (): number => this.time;

  /**
   * Moves time to `target` (never back), firing every timer due by then, earliest first. Whole
   * milliseconds, like `Date.now()`: a due time with a fraction (jitter) is reached at the next one.
   */
  advanceTo(target: number): void {
    const whole = Math.ceil(target);
    for (;;) {
      const next = this.earliestTimer();
      if (!next || next.at > whole) break;
      this.timers.splice(this.timers.indexOf(next), 1);
      this.time = Math.max(this.time, next.at);
      next.fire();
    }
    this.time = Math.max(this.time, whole);
  }

  /** Waits `ms` of virtual time: jumps there, then yields once so what the jump woke can run. */
  readonly sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    if (!signal?.aborted) this.advanceTo(this.time + Math.max(0, ms));
    await Promise.resolve();
  };

  /** A one-shot timer on virtual time; returns its cancel. Fires only when time is moved past it. */
  readonly startTimer = (fire: () => void, ms: number): (() => void) => {
    const timer: Timer = { at: Math.ceil(this.time + Math.max(0, ms)), order: this.order++, fire };
    this.timers.push(timer);
    return () => {
      const index = this.timers.indexOf(timer);
      if (index >= 0) this.timers.splice(index, 1);
    };
  };

  /** Timers still waiting (the token client's timeouts of calls in flight). */
  get pendingTimers(): number {
    return this.timers.length;
  }

  private earliestTimer(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers) {
      if (!best || timer.at < best.at || (timer.at === best.at && timer.order < best.order)) best = timer;
    }
    return best;
  }
}
