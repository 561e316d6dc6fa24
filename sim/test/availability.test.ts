import { describe, expect, it } from 'vitest';
import { availability, holidayDays, intervalsFor } from '../availability';
import { seededRandom } from '../random';
import { DAY_MS, HOUR_MS, SIM_START } from '../time';

const options = (seed = 1) => ({ start: SIM_START, days: 180, random: seededRandom(seed) });

describe('browser availability', () => {
  it('weekdays 09-18: five days a week, nine hours a day, closed at weekends', () => {
    const days = availability('weekdays_9_18', options());
    // 25 whole weeks and a Monday to Friday.
    expect(days.intervals).toHaveLength(130);
    expect(days.isOpen(SIM_START + 9 * HOUR_MS)).toBe(true);
    expect(days.isOpen(SIM_START + 18 * HOUR_MS)).toBe(false);
    expect(days.isOpen(SIM_START + 5 * DAY_MS + 12 * HOUR_MS)).toBe(false); // Saturday
    // Friday evening to Monday morning.
    expect(days.openAtOrAfter(SIM_START + 4 * DAY_MS + 18 * HOUR_MS)).toBe(
      SIM_START + 7 * DAY_MS + 9 * HOUR_MS,
    );
    expect(days.nextEdgeAfter(SIM_START + 10 * HOUR_MS)).toBe(SIM_START + 18 * HOUR_MS);
    expect(days.openMsIn(SIM_START, SIM_START + 7 * DAY_MS)).toBe(45 * HOUR_MS);
  });

  it('the holiday closes nine days, Saturday to Sunday, inside the run', () => {
    const holiday = holidayDays(180, seededRandom(1));
    const first = Math.min(...holiday);
    expect(holiday.size).toBe(9);
    expect(first % 7).toBe(5);
    expect(Math.max(...holiday)).toBeLessThan(180);
    const days = availability('weekdays_holiday', options());
    expect(days.firstOpenIn(SIM_START + first * DAY_MS, SIM_START + (first + 9) * DAY_MS)).toBeUndefined();
    expect(days.intervals).toHaveLength(availability('weekdays_9_18', options()).intervals.length - 5);
  });

  it('random days: about half the days, one session of 1 to 4 hours, the same for the same seed', () => {
    const intervals = intervalsFor('random_days', options(3));
    expect(intervals.length).toBeGreaterThan(70);
    expect(intervals.length).toBeLessThan(110);
    for (const { from, to } of intervals) {
      expect(to - from).toBeGreaterThanOrEqual(HOUR_MS);
      expect(to - from).toBeLessThanOrEqual(4 * HOUR_MS);
    }
    expect(intervalsFor('random_days', options(3))).toEqual(intervals);
    expect(intervalsFor('random_days', options(4))).not.toEqual(intervals);
  });

  it('always on: one interval, no edge inside it', () => {
    const days = availability('always_on', options());
    expect(days.isOpen(SIM_START + 100 * DAY_MS)).toBe(true);
    expect(days.nextEdgeAfter(SIM_START)).toBe(SIM_START + 180 * DAY_MS);
    expect(days.openAtOrAfter(SIM_START + 180 * DAY_MS)).toBeUndefined();
  });
});
