/** Small summaries of measured samples. Pure, so the figures the benchmark prints can be unit-tested. */

export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return {
    runs: values.length,
    median: median(values),
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/** Counts each distinct value: `{ '0': 5000, ApiCallLimit: 12 }`. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const name = key(item);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** The most events that fell in any one whole second (`times` in epoch ms). */
export function peakPerSecond(times: readonly number[]): number {
  return Math.max(0, ...Object.values(countBy(times, (time) => String(Math.floor(time / 1000)))));
}

/**
 * For each mark after the first, how long before it the last event happened (events and marks in epoch
 * ms): the idle time between one alarm wake's last call and the next wake.
 */
export function idleBeforeMarks(events: readonly number[], marks: readonly number[]): number[] {
  const sorted = [...events].sort((a, b) => a - b);
  const idle: number[] = [];
  for (const mark of [...marks].sort((a, b) => a - b).slice(1)) {
    const last = sorted.filter((time) => time <= mark).at(-1);
    if (last !== undefined) idle.push(mark - last);
  }
  return idle;
}
