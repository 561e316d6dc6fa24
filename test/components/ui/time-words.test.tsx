import { describe, expect, it } from 'vitest';
import { formatDate, relativeTime } from '../../../src/ui/time-words';

const NOW = new Date(2026, 11, 14, 9, 0).getTime();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('relativeTime', () => {
  it('says "now" within a minute either way', () => {
    expect(relativeTime(NOW, NOW)).toBe('now');
    expect(relativeTime(NOW + 4_000, NOW)).toBe('now');
    expect(relativeTime(NOW + 59_000, NOW)).toBe('in less than a minute');
    expect(relativeTime(NOW - 59_000, NOW)).toBe('less than a minute ago');
  });

  it('uses minutes, hours and days, in the future and the past', () => {
    expect(relativeTime(NOW - 2 * MINUTE, NOW)).toBe('2 minutes ago');
    expect(relativeTime(NOW + 3 * HOUR, NOW)).toBe('in 3 hours');
    expect(relativeTime(NOW + 29 * DAY, NOW)).toBe('in 29 days');
    expect(relativeTime(NOW - 1 * DAY, NOW)).toBe('1 day ago');
  });

  it('never shows a deadline as further away than it is', () => {
    expect(relativeTime(NOW + 2 * DAY - MINUTE, NOW)).toBe('in 1 day');
    expect(relativeTime(NOW + HOUR - 1, NOW)).toBe('in 59 minutes');
  });

  it('switches to months and years for far deadlines', () => {
    expect(relativeTime(NOW + 180 * DAY, NOW)).toBe('in 6 months');
    expect(relativeTime(NOW + 800 * DAY, NOW)).toBe('in 2 years');
  });
});

describe('formatDate', () => {
  it('writes day, short month, year and 24-hour time', () => {
    expect(formatDate(new Date(2027, 0, 12, 14, 5).getTime())).toBe('12 Jan 2027, 14:05');
    // ICU's English abbreviation of September changed ("Sep", then "Sept").
    expect(formatDate(new Date(2027, 8, 3, 7, 9).getTime())).toMatch(/^3 Sept? 2027, 07:09$/);
  });
});
