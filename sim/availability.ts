/**
 * When the browser runs: each pattern is a sorted list of open intervals over the simulated span. The
 * worker lives only inside them; outside, nothing wakes it (an alarm set for then fires at the next start
 * at the earliest, and the simulation does not even count on that: the start's own catch-up must do it).
 */
import { uniform } from './random';
import { DAY_MS, HOUR_MS } from './time';

export type PatternName = 'always_on' | 'weekdays_9_18' | 'weekdays_holiday' | 'random_days';

export const PATTERNS: readonly PatternName[] = [
  'always_on',
  'weekdays_9_18',
  'weekdays_holiday',
  'random_days',
];

export const PATTERN_LABELS: Record<PatternName, string> = {
  always_on: 'always on',
  weekdays_9_18: 'weekdays 09-18',
  weekdays_holiday: 'weekdays 09-18 + 9-day holiday',
  random_days: 'laptop, random days (p=0.5)',
};

export interface Interval {
  from: number;
  to: number;
}

export interface Availability {
  readonly pattern: PatternName;
  readonly intervals: readonly Interval[];
  isOpen(at: number): boolean;
  /** The first moment at or after `at` when the browser is open, or undefined when it never is again. */
  openAtOrAfter(at: number): number | undefined;
  /** The next moment after `at` when the browser opens or closes, or undefined. */
  nextEdgeAfter(at: number): number | undefined;
  /** The first moment in [from, to) when the browser is open, or undefined. */
  firstOpenIn(from: number, to: number): number | undefined;
  /** Open time in [from, to), in ms. */
  openMsIn(from: number, to: number): number;
}

/** Monday 09:00 to Friday 18:00 in whole weeks; `start` must be a Monday 00:00. */
function weekdayHours(start: number, days: number, closedDays: ReadonlySet<number> = new Set()): Interval[] {
  const intervals: Interval[] = [];
  for (let day = 0; day < days; day += 1) {
    if (day % 7 >= 5 || closedDays.has(day)) continue;
    const midnight = start + day * DAY_MS;
    intervals.push({ from: midnight + 9 * HOUR_MS, to: midnight + 18 * HOUR_MS });
  }
  return intervals;
}

export interface PatternOptions {
  start: number;
  days: number;
  random: () => number;
}

/** The 9-day holiday: Saturday to the Sunday of the next week, starting in a week drawn from the middle. */
export function holidayDays(days: number, random: () => number): Set<number> {
  const firstWeek = 5;
  const lastWeek = Math.max(firstWeek, Math.floor(days / 7) - 6);
  const week = firstWeek + Math.floor(random() * (lastWeek - firstWeek + 1));
  const saturday = week * 7 + 5;
  return new Set(Array.from({ length: 9 }, (_, i) => saturday + i));
}

export function intervalsFor(pattern: PatternName, { start, days, random }: PatternOptions): Interval[] {
  switch (pattern) {
    case 'always_on':
      return [{ from: start, to: start + days * DAY_MS }];
    case 'weekdays_9_18':
      return weekdayHours(start, days);
    case 'weekdays_holiday':
      return weekdayHours(start, days, holidayDays(days, random));
    case 'random_days': {
      const intervals: Interval[] = [];
      for (let day = 0; day < days; day += 1) {
        // Draw both numbers every day, so one day's choice never shifts the next day's.
        const opens = random() < 0.5;
        const from = start + day * DAY_MS + uniform(random, 8, 18) * HOUR_MS;
        const hours = uniform(random, 1, 4);
        if (opens) intervals.push({ from: Math.round(from), to: Math.round(from + hours * HOUR_MS) });
      }
      return intervals;
    }
  }
}

export function availability(pattern: PatternName, options: PatternOptions): Availability {
  const intervals = intervalsFor(pattern, options);
  /** Index of the first interval ending after `at`. */
  const firstEndingAfter = (at: number): number => {
    let low = 0;
    let high = intervals.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((intervals[mid] as Interval).to <= at) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const openAtOrAfter = (at: number): number | undefined => {
    const interval = intervals[firstEndingAfter(at)];
    return interval && Math.max(at, interval.from);
  };
  return {
    pattern,
    intervals,
    isOpen: (at) => {
      const interval = intervals[firstEndingAfter(at)];
      return interval !== undefined && interval.from <= at;
    },
    openAtOrAfter,
    nextEdgeAfter: (at) => {
      const interval = intervals[firstEndingAfter(at)];
      if (!interval) return undefined;
      return interval.from > at ? interval.from : interval.to;
    },
    firstOpenIn: (from, to) => {
      const open = openAtOrAfter(from);
      return open !== undefined && open < to ? open : undefined;
    },
    openMsIn: (from, to) => {
      let total = 0;
      for (let i = firstEndingAfter(from); i < intervals.length; i += 1) {
        const interval = intervals[i] as Interval;
        if (interval.from >= to) break;
        total += Math.min(to, interval.to) - Math.max(from, interval.from);
      }
      return total;
    },
  };
}
