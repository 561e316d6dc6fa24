import { describe, expect, it } from 'vitest';
import { countBy, idleBeforeMarks, median, peakPerSecond, summarize } from '../stats';

describe('median', () => {
  it('takes the middle value of an odd count, in any order', () => {
    expect(median([30, 10, 20])).toBe(20);
  });
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('is NaN for no samples rather than a made-up zero', () => {
    expect(median([])).toBeNaN();
  });
});

describe('summarize', () => {
  it('reports runs, median, min and max', () => {
    expect(summarize([5, 1, 9])).toEqual({ runs: 3, median: 5, min: 1, max: 9 });
  });
});

describe('countBy', () => {
  it('counts each key', () => {
    expect(countBy(['0', 'ApiCallLimit', '0'], (outcome) => outcome)).toEqual({ '0': 2, ApiCallLimit: 1 });
  });
});

describe('peakPerSecond', () => {
  it('finds the busiest whole second', () => {
    expect(peakPerSecond([1_000, 1_500, 1_999, 2_000, 3_100])).toBe(3);
  });
  it('is 0 with no events', () => {
    expect(peakPerSecond([])).toBe(0);
  });
});

describe('idleBeforeMarks', () => {
  it('measures from the last event before each mark after the first', () => {
    const calls = [100, 200, 300, 5_000, 5_100];
    const wakes = [50, 4_000, 9_000];
    expect(idleBeforeMarks(calls, wakes)).toEqual([3_700, 3_900]);
  });
  it('skips a mark with no event before it', () => {
    expect(idleBeforeMarks([500], [0, 100, 600])).toEqual([100]);
  });
});
