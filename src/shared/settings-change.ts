/**
 * The check of a settings change, at both edges that take one: `settings.save` from the options page
 * and the settings of an imported backup. Validates and normalizes. Pure: only the fields present are
 * checked (the stored ones were checked when saved), unknown fields are dropped so junk is never
 * stored. The settings store trusts what comes out.
 */
import { SellerAuthError } from './errors';
import type { Settings } from './model';

const MAX_REMINDER_DAYS = 365;

function invalid(field: keyof Settings, message: string): SellerAuthError {
  return new SellerAuthError('invalid_input', message, { field });
}

function wholeNumberIn(
  field: keyof Settings,
  value: unknown,
  min: number,
  max: number,
  what: string,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `${what} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** Unique whole days, 1..365, largest first (the order reminders escalate in). Empty means no reminders. */
function reminderDays(value: unknown): number[] {
  if (!Array.isArray(value)) {
    throw invalid('reminderDays', 'Reminder days must be a list of days.');
  }
  for (const day of value) {
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > MAX_REMINDER_DAYS) {
      throw invalid(
        'reminderDays',
        `Each reminder must be a whole number of days from 1 to ${MAX_REMINDER_DAYS}.`,
      );
    }
  }
  return [...new Set(value as number[])].sort((a, b) => b - a);
}

type WholeNumberSetting =
  | 'refreshLeadMinutes'
  | 'keepAccessDays'
  | 'maxConcurrentRefreshes'
  | 'maxRefreshesPerMinute';

/** The range and the words for each whole-number setting. */
const WHOLE_NUMBER_SETTINGS: Record<WholeNumberSetting, { min: number; max: number; what: string }> = {
  refreshLeadMinutes: { min: 1, max: 1440, what: 'The refresh lead time (minutes)' },
  // 0 keeps only the lead; a margin is never more than half the access lifetime, so more is pointless.
  keepAccessDays: { min: 0, max: 30, what: 'Days of access to keep' },
  maxConcurrentRefreshes: { min: 1, max: 32, what: 'Refreshes at once' },
  maxRefreshesPerMinute: { min: 1, max: 6000, what: 'Refreshes per minute' },
};

export function normalizeSettingsChange(payload: unknown): Partial<Settings> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new SellerAuthError('invalid_input', 'Settings must be sent as an object.');
  }
  const change = payload as { [K in keyof Settings]?: unknown };
  const normalized: Partial<Settings> = {};
  for (const [field, { min, max, what }] of Object.entries(WHOLE_NUMBER_SETTINGS)) {
    const value = change[field as WholeNumberSetting];
    if (value !== undefined) {
      normalized[field as WholeNumberSetting] = wholeNumberIn(
        field as WholeNumberSetting,
        value,
        min,
        max,
        what,
      );
    }
  }
  if (change.reminderDays !== undefined) {
    normalized.reminderDays = reminderDays(change.reminderDays);
  }
  if (change.notifications !== undefined) {
    if (typeof change.notifications !== 'boolean') {
      throw invalid('notifications', 'Notifications must be switched on or off.');
    }
    normalized.notifications = change.notifications;
  }
  return normalized;
}
