/** A real per-name mutex in place of Web Locks. */
import type { LockManager } from '../../../src/grants/ports';

/** An exclusive async mutex per lock name, in request order, like Web Locks. */
export class FakeLockManager implements LockManager {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly held = new Set<string>();
  /** Every grant of a lock, by name, in order. */
  readonly granted: string[] = [];

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  async withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(name, tail);
    await previous;
    this.held.add(name);
    this.granted.push(name);
    try {
      return await task();
    } finally {
      this.held.delete(name);
      if (this.tails.get(name) === tail) this.tails.delete(name);
      release();
    }
  }
}
