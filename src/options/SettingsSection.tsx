/** Refresh and reminder settings, saved with `settings.save`; the worker's range checks show inline. */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type ErrorData, toErrorData } from '../shared/errors';
import { t } from '../shared/i18n';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import {
  parseSettingsForm,
  type SettingsField,
  type SettingsFormErrors,
  type SettingsFormValues,
  settingsFormFrom,
} from './settings-form';
import { FieldError, TextField } from './TextField';

const SETTINGS_FIELDS: ReadonlySet<string> = new Set<SettingsField>([
  'refreshLeadMinutes',
  'keepAccessDays',
  'reminderDays',
  'maxConcurrentRefreshes',
  'maxRefreshesPerMinute',
  'notifications',
]);

/** The settings typed as text, in the order shown; words read when shown (the catalog comes first). */
function textFields(): {
  field: Exclude<keyof SettingsFormValues, 'notifications'>;
  id: string;
  label: string;
  hint?: string;
  inputMode?: 'numeric';
}[] {
  return [
    {
      field: 'refreshLeadMinutes',
      id: 'settings-refresh-lead',
      label: t('settings_refresh_lead'),
      inputMode: 'numeric',
    },
    {
      field: 'keepAccessDays',
      id: 'settings-keep-access-days',
      label: t('settings_keep_access_days'),
      hint: t('settings_keep_access_days_hint'),
      inputMode: 'numeric',
    },
    {
      field: 'reminderDays',
      id: 'settings-reminder-days',
      label: t('settings_reminder_days'),
      hint: t('settings_reminder_days_hint'),
    },
    {
      field: 'maxConcurrentRefreshes',
      id: 'settings-max-concurrent',
      label: t('settings_max_concurrent'),
      inputMode: 'numeric',
    },
    {
      field: 'maxRefreshesPerMinute',
      id: 'settings-max-per-minute',
      label: t('settings_max_per_minute'),
      inputMode: 'numeric',
    },
  ];
}

export function SettingsSection(props: { onSaved: (message: string) => void }): JSX.Element {
  const client = useClient();
  const [form, setForm] = useState<SettingsFormValues>();
  const [errors, setErrors] = useState<SettingsFormErrors>({});
  const [error, setError] = useState<ErrorData>();
  const [saving, setSaving] = useState(false);

  const load = useCallback(() => {
    setError(undefined);
    client.send('settings.get', undefined).then(
      (settings) => setForm(settingsFormFrom(settings)),
      (cause) => setError(toErrorData(cause)),
    );
  }, [client]);
  useEffect(load, [load]);

  const change = <K extends keyof SettingsFormValues>(field: K, value: SettingsFormValues[K]) =>
    setForm((old) => old && { ...old, [field]: value });

  const save = async (event: Event) => {
    event.preventDefault();
    if (!form) return;
    const parsed = parseSettingsForm(form);
    setErrors(parsed.ok ? {} : parsed.errors);
    setError(undefined);
    if (!parsed.ok) return;
    setSaving(true);
    try {
      setForm(settingsFormFrom(await client.send('settings.save', parsed.settings)));
      props.onSaved(t('settings_saved'));
    } catch (cause) {
      const data = toErrorData(cause);
      if (data.code === 'invalid_input' && data.field && SETTINGS_FIELDS.has(data.field)) {
        setErrors({ [data.field]: data.message });
      } else {
        setError(data);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings')}</h2>
      {error && <ErrorNotice error={error} onRetry={form ? undefined : load} />}
      {!form && !error && <p class="muted">{t('settings_loading')}</p>}
      {form && (
        <form class="card" aria-labelledby="settings-heading" noValidate onSubmit={save}>
          {textFields().map(({ field, ...shown }) => (
            <TextField
              key={field}
              {...shown}
              value={form[field]}
              error={errors[field]}
              onInput={(value) => change(field, value)}
            />
          ))}
          <div class="field field--checkbox">
            <input
              id="settings-notifications"
              type="checkbox"
              checked={form.notifications}
              aria-invalid={errors.notifications ? 'true' : undefined}
              aria-describedby={errors.notifications ? 'settings-notifications-error' : undefined}
              onChange={(event) => change('notifications', event.currentTarget.checked)}
            />
            <label for="settings-notifications">{t('settings_notifications')}</label>
            <FieldError id="settings-notifications-error" message={errors.notifications} />
          </div>
          <div class="form-actions">
            <button type="submit" class="button button--primary" disabled={saving}>
              {saving ? t('saving') : t('settings_save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
