/** "Advanced: custom endpoints", for the local sandbox or a relay; empty means the platform's default. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { PLATFORMS } from '../platforms/descriptors';
import { type MessageKey, t } from '../shared/i18n';
import { ENDPOINT_FIELDS, type EndpointField, type EndpointUrls, type PlatformId } from '../shared/platform';
import { TextField } from './TextField';

const LABELS: Record<EndpointField, MessageKey> = {
  authorizeUrl: 'endpoints_authorize_url',
  tokenCreateUrl: 'endpoints_token_create_url',
  tokenRefreshUrl: 'endpoints_token_refresh_url',
};

export interface EndpointFieldsProps {
  platform: PlatformId;
  values: EndpointUrls;
  errors: Partial<Record<EndpointField, string>>;
  onChange: (field: EndpointField, value: string) => void;
  customGateway: boolean;
  onCustomGatewayChange: (checked: boolean) => void;
}

export function EndpointFields(props: EndpointFieldsProps): JSX.Element {
  const defaults = PLATFORMS[props.platform].defaultEndpoints;
  const hasOverride = ENDPOINT_FIELDS.some((field) => props.values[field].trim() !== '');
  const hasError = ENDPOINT_FIELDS.some((field) => props.errors[field]);
  const [open, setOpen] = useState(hasOverride);
  // An error inside a closed <details> would be invisible: open it.
  useEffect(() => {
    if (hasError) setOpen(true);
  }, [hasError]);

  return (
    <details class="advanced" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('endpoints_advanced')}</summary>
      <p class="fineprint">{t('endpoints_default_hint', PLATFORMS[props.platform].label)}</p>
      {ENDPOINT_FIELDS.map((field) => (
        <TextField
          key={field}
          id={`app-${field}`}
          label={t(LABELS[field])}
          inputMode="url"
          value={props.values[field]}
          placeholder={defaults[field]}
          error={props.errors[field]}
          onInput={(value) => props.onChange(field, value)}
        />
      ))}
      <label class="checkbox">
        <input
          type="checkbox"
          checked={props.customGateway}
          onChange={(event) => props.onCustomGatewayChange(event.currentTarget.checked)}
        />
        {t('endpoints_custom_gateway')}
      </label>
    </details>
  );
}
