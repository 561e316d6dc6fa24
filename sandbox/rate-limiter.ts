/** Token calls per app per clock second. One counter per registered app: memory stays bounded. */

export interface RateLimiter {
  /** Counts the call; false once the app went over `limitPerSecond` this second (0 = unlimited). */
  allow(appKey: string, now: number, limitPerSecond: number): boolean;
  clear(): void;
}

export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, { second: number; calls: number }>();
  return {
    allow(appKey, now, limitPerSecond) {
      if (limitPerSecond <= 0) return true;
      const second = Math.floor(now / 1000);
      const window = windows.get(appKey);
      if (!window || window.second !== second) {
        windows.set(appKey, { second, calls: 1 });
        return true;
      }
      window.calls += 1;
      return window.calls <= limitPerSecond;
    },
    clear() {
      windows.clear();
    },
  };
}
