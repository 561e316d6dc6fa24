import { describe, expect, it } from 'vitest';
import { SellerAuthError } from '../../../src/shared/errors';
import type { Settings } from '../../../src/shared/model';
import { normalizeSettingsChange } from '../../../src/shared/settings-change';

function rejection(change: Partial<Settings>): SellerAuthError {
  try {
    normalizeSettingsChange(change);
  } catch (error) {
    if (error instanceof SellerAuthError) return error;
    throw error;
  }
  throw new Error('expected the change to be refused');
}

describe('normalizeSettingsChange', () => {
  it('keeps only the fields that were sent', () => {
    expect(normalizeSettingsChange({ refreshLeadMinutes: 45 })).toEqual({ refreshLeadMinutes: 45 });
    expect(normalizeSettingsChange({})).toEqual({});
  });

  it('accepts every field at both ends of its range', () => {
    const low = {
      refreshLeadMinutes: 1,
      keepAccessDays: 0,
      reminderDays: [1],
      maxConcurrentRefreshes: 1,
      maxRefreshesPerMinute: 1,
      notifications: false,
    };
    const high = {
      refreshLeadMinutes: 1440,
      keepAccessDays: 30,
      reminderDays: [365],
      maxConcurrentRefreshes: 32,
      maxRefreshesPerMinute: 6000,
      notifications: true,
    };
    expect(normalizeSettingsChange(low)).toEqual(low);
    expect(normalizeSettingsChange(high)).toEqual(high);
  });

  it('sorts reminder days largest first and drops repeats', () => {
    expect(normalizeSettingsChange({ reminderDays: [1, 14, 7, 1, 30, 7] }).reminderDays).toEqual([
      30, 14, 7, 1,
    ]);
  });

  it('accepts no reminder days at all (no reminders)', () => {
    expect(normalizeSettingsChange({ reminderDays: [] }).reminderDays).toEqual([]);
  });

  it('drops fields it does not know', () => {
    const change = { notifications: true, theme: 'dark' } as Partial<Settings>;
    expect(normalizeSettingsChange(change)).toEqual({ notifications: true });
  });

  const refused: [string, Partial<Settings>, keyof Settings][] = [
    ['a lead time of 0', { refreshLeadMinutes: 0 }, 'refreshLeadMinutes'],
    ['a lead time over a day', { refreshLeadMinutes: 1441 }, 'refreshLeadMinutes'],
    ['a fractional lead time', { refreshLeadMinutes: 2.5 }, 'refreshLeadMinutes'],
    ['a lead time as text', { refreshLeadMinutes: '30' as unknown as number }, 'refreshLeadMinutes'],
    ['a NaN lead time', { refreshLeadMinutes: Number.NaN }, 'refreshLeadMinutes'],
    ['negative days of access to keep', { keepAccessDays: -1 }, 'keepAccessDays'],
    ['31 days of access to keep', { keepAccessDays: 31 }, 'keepAccessDays'],
    ['half a day of access to keep', { keepAccessDays: 0.5 }, 'keepAccessDays'],
    ['days of access to keep as text', { keepAccessDays: '3' as unknown as number }, 'keepAccessDays'],
    ['reminder day 0', { reminderDays: [7, 0] }, 'reminderDays'],
    ['a negative reminder day', { reminderDays: [-1] }, 'reminderDays'],
    ['reminder day 366', { reminderDays: [366] }, 'reminderDays'],
    ['a fractional reminder day', { reminderDays: [1.5] }, 'reminderDays'],
    ['reminder days not in a list', { reminderDays: 7 as unknown as number[] }, 'reminderDays'],
    ['0 refreshes at once', { maxConcurrentRefreshes: 0 }, 'maxConcurrentRefreshes'],
    ['33 refreshes at once', { maxConcurrentRefreshes: 33 }, 'maxConcurrentRefreshes'],
    ['0 refreshes a minute', { maxRefreshesPerMinute: 0 }, 'maxRefreshesPerMinute'],
    ['6001 refreshes a minute', { maxRefreshesPerMinute: 6001 }, 'maxRefreshesPerMinute'],
    ['notifications as text', { notifications: 'yes' as unknown as boolean }, 'notifications'],
  ];
  for (const [what, change, field] of refused) {
    it(`refuses ${what}, naming the field in words`, () => {
      const error = rejection(change);
      expect(error.code).toBe('invalid_input');
      expect(error.details.field).toBe(field);
      expect(error.message.length).toBeGreaterThan(10);
    });
  }

  it('refuses something that is not an object', () => {
    expect(rejection(null as unknown as Partial<Settings>).code).toBe('invalid_input');
  });
});
