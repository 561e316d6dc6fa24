/** The settings form's text values, and their parsing into a `settings.save` change. Pure. */
import { t } from '../shared/i18n';
import type { Settings } from '../shared/model';

export type SettingsField = keyof Settings;

export interface SettingsFormValues {
  refreshLeadMinutes: string;
  keepAccessDays: string;
  /** Comma separated, as people write it: "7, 2, 1". */
  reminderDays: string;
  maxConcurrentRefreshes: string;
  maxRefreshesPerMinute: string;
  notifications: boolean;
}

export type SettingsFormErrors = Partial<Record<SettingsField, string>>;

export type ParsedSettings = { ok: true; settings: Settings } | { ok: false; errors: SettingsFormErrors };

export function settingsFormFrom(settings: Settings): SettingsFormValues {
  return {
    refreshLeadMinutes: String(settings.refreshLeadMinutes),
    keepAccessDays: String(settings.keepAccessDays ?? 0),
    reminderDays: settings.reminderDays.join(', '),
    maxConcurrentRefreshes: String(settings.maxConcurrentRefreshes),
    maxRefreshesPerMinute: String(settings.maxRefreshesPerMinute),
    notifications: settings.notifications,
  };
}

/** Only catches what is not a number at all; ranges are the worker's to judge, and it says so per field. */
export function parseSettingsForm(form: SettingsFormValues): ParsedSettings {
  const errors: SettingsFormErrors = {};
  const wholeNumber = (field: Exclude<SettingsField, 'reminderDays' | 'notifications'>): number => {
    const value = parseWholeNumber(form[field]);
    if (value === undefined) errors[field] = t('settings_whole_number');
    return value ?? 0;
  };
  const refreshLeadMinutes = wholeNumber('refreshLeadMinutes');
  const keepAccessDays = wholeNumber('keepAccessDays');
  const maxConcurrentRefreshes = wholeNumber('maxConcurrentRefreshes');
  const maxRefreshesPerMinute = wholeNumber('maxRefreshesPerMinute');
  const days = form.reminderDays
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map(parseWholeNumber);
  if (days.some((day) => day === undefined)) {
    errors.reminderDays = t('settings_reminder_days_invalid');
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      refreshLeadMinutes,
      keepAccessDays,
      reminderDays: days.filter((day): day is number => day !== undefined),
      maxConcurrentRefreshes,
      maxRefreshesPerMinute,
      notifications: form.notifications,
    },
  };
}

function parseWholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}
