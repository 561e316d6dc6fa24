/**
 * Add or edit one app. Save = the worker's app check here (inline words), ask Chrome for any new host (inside the click, before
 * any await on the worker), then `apps.save`. The secret is write-only: never filled from the worker.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { endpointHostsChanged } from '../platforms/app-endpoints';
import { type AppInputProblems, validateAppInput } from '../platforms/app-input';
import { type ErrorData, toErrorData } from '../shared/errors';
import { t } from '../shared/i18n';
import type { AppView } from '../shared/model';
import type { PlatformId } from '../shared/platform';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { PLATFORM_NAMES } from '../ui/labels';
import {
  type AppFormValues,
  appFieldFromWorker,
  appFormFromView,
  appInputFromForm,
  emptyAppForm,
} from './app-form-values';
import { CallbackUrlField } from './CallbackUrlField';
import { EndpointFields } from './EndpointFields';
import type { HostPermissionGate } from './host-permissions';
import { TextField } from './TextField';

export interface AppFormProps {
  /** The app to edit; absent for "Add app". */
  app?: AppView | undefined;
  identityCallbackUrl: string;
  hostPermissions: HostPermissionGate;
  onSaved: (app: AppView) => void;
  onCancel: () => void;
}

export function AppForm(props: AppFormProps): JSX.Element {
  const client = useClient();
  const isNew = !props.app;
  const [values, setValues] = useState<AppFormValues>(() =>
    props.app ? appFormFromView(props.app) : emptyAppForm(),
  );
  const [errors, setErrors] = useState<AppInputProblems>({});
  const [failure, setFailure] = useState<ErrorData>();
  const [permissionRefused, setPermissionRefused] = useState(false);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  // The form opens below the list: bring it into view and start typing in its first field.
  useEffect(() => {
    const first = formRef.current?.querySelector<HTMLElement>('input');
    first?.focus();
    first?.scrollIntoView?.({ block: 'center' });
  }, []);

  const change = <K extends keyof AppFormValues>(field: K, value: AppFormValues[K]) =>
    setValues((old) => ({ ...old, [field]: value }));

  const showErrors = (found: AppInputProblems) => {
    setErrors(found);
    setFocusRequest((count) => count + 1);
  };

  const save = async () => {
    setFailure(undefined);
    setPermissionRefused(false);
    const input = appInputFromForm(values, {
      id: props.app?.id,
      identityCallbackUrl: props.identityCallbackUrl,
    });
    // The worker's own check, run here for inline words; a saved app without a secret needs one too,
    // and so does an edit that sends the secret-signed calls to another host.
    const movedHosts = props.app !== undefined && endpointHostsChanged(props.app, input);
    const checked = validateAppInput(input, {
      secretRequired: isNew || props.app?.hasSecret === false || movedHosts,
    });
    showErrors(checked.ok ? {} : checked.problems);
    if (!checked.ok) return;
    setSaving(true);
    try {
      const granted = await props.hostPermissions.grantFor({
        callbackKind: values.callbackKind,
        callbackUrl: input.callbackUrl,
        ...(input.endpoints ? { endpoints: input.endpoints } : {}),
      });
      if (!granted) {
        setPermissionRefused(true);
        return;
      }
      const saved = await client.send('apps.save', input);
      change('appSecret', '');
      props.onSaved(saved);
    } catch (cause) {
      const data = toErrorData(cause);
      const field = data.code === 'invalid_input' ? appFieldFromWorker(data.field) : undefined;
      if (field) showErrors({ [field]: data.message });
      else setFailure(data);
    } finally {
      setSaving(false);
    }
  };

  const headingId = 'app-form-heading';
  return (
    <form
      ref={formRef}
      class="card app-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id={headingId}>{props.app ? t('app_form_edit_heading', props.app.name) : t('apps_add')}</h3>
      <TextField
        id="app-name"
        label={t('app_form_name')}
        value={values.name}
        error={errors.name}
        onInput={(value) => change('name', value)}
      />
      <div class="field">
        <label for="app-platform">{t('app_form_platform')}</label>
        <select
          id="app-platform"
          value={values.platform}
          // The worker refuses to move a saved app to another platform: its shops belong to this one.
          disabled={!isNew}
          aria-describedby={isNew ? undefined : 'app-platform-hint'}
          onChange={(event) => change('platform', event.currentTarget.value as PlatformId)}
        >
          {(Object.keys(PLATFORM_NAMES) as PlatformId[]).map((platform) => (
            <option key={platform} value={platform}>
              {PLATFORM_NAMES[platform]}
            </option>
          ))}
        </select>
        {!isNew && (
          <p id="app-platform-hint" class="field-hint">
            {t('app_form_platform_fixed')}
          </p>
        )}
      </div>
      <TextField
        id="app-key"
        label={t('app_form_app_key')}
        value={values.appKey}
        inputMode={values.platform === 'lazada' ? 'numeric' : 'text'}
        error={errors.appKey}
        onInput={(value) => change('appKey', value)}
      />
      <TextField
        id="app-secret"
        label={t('app_form_app_secret')}
        type="password"
        autoComplete="new-password"
        value={values.appSecret}
        error={errors.appSecret}
        {...secretHint(props.app)}
        onInput={(value) => change('appSecret', value)}
      />
      <CallbackUrlField
        platform={values.platform}
        kind={values.callbackKind}
        identityCallbackUrl={props.identityCallbackUrl}
        tabCallbackUrl={values.tabCallbackUrl}
        error={errors.callbackUrl}
        onKindChange={(kind) => change('callbackKind', kind)}
        onTabCallbackUrlChange={(url) => change('tabCallbackUrl', url)}
      />
      <EndpointFields
        platform={values.platform}
        values={values}
        errors={errors}
        onChange={(field, value) => change(field, value)}
        customGateway={values.customGateway}
        onCustomGatewayChange={(checked) => change('customGateway', checked)}
      />
      {permissionRefused && (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{t('error_permission_denied_title')}</p>
          <p class="notice__detail">{t('app_form_permission_refused')}</p>
        </div>
      )}
      {failure && (
        <ErrorNotice
          error={failure}
          onRetry={() => void save()}
          // This page is the settings: "Open settings" points back at the form.
          onOpenSettings={() => formRef.current?.querySelector<HTMLElement>('input')?.focus()}
        />
      )}
      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={saving}>
          {saving ? t('saving') : t('app_form_save')}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function secretHint(app: AppView | undefined): { hint?: string } {
  if (!app) return {};
  return {
    hint: app.hasSecret ? t('app_form_secret_saved') : t('app_form_secret_missing'),
  };
}
