/**
 * The callback URL choice: this extension's chromiumapp.org URL (login in an identity window), or
 * another https URL already registered for the app (login in a normal tab whose redirect is caught).
 */
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { CallbackKind } from '../shared/model';
import type { PlatformId } from '../shared/platform';
import { PLATFORM_NAMES } from '../ui/labels';
import { usePageActions } from '../ui/open-page';
import { TextField } from './TextField';

export interface CallbackUrlFieldProps {
  platform: PlatformId;
  kind: CallbackKind;
  identityCallbackUrl: string;
  tabCallbackUrl: string;
  error?: string | undefined;
  onKindChange: (kind: CallbackKind) => void;
  onTabCallbackUrlChange: (url: string) => void;
}

export function CallbackUrlField(props: CallbackUrlFieldProps): JSX.Element {
  const { copyText } = usePageActions();
  const [copyStatus, setCopyStatus] = useState('');
  const copy = () =>
    copyText(props.identityCallbackUrl).then(
      () => setCopyStatus(t('copied')),
      () => setCopyStatus(t('callback_copy_failed')),
    );

  return (
    <fieldset class="field callback">
      <legend>{t('callback_url')}</legend>
      <KindChoice kind="identity" current={props.kind} onChoose={props.onKindChange}>
        {t('callback_identity_choice')}
      </KindChoice>
      {props.kind === 'identity' && (
        <div class="choice-detail">
          <div class="copy-row">
            <TextField
              id="app-identity-callback"
              label={t('callback_identity_label')}
              value={props.identityCallbackUrl}
              readOnly
              error={props.error}
              hint={t('callback_identity_hint', PLATFORM_NAMES[props.platform])}
            />
            <button type="button" class="button" aria-label={t('callback_copy_label')} onClick={copy}>
              {t('copy')}
            </button>
          </div>
          <p class="fineprint" role="status">
            {copyStatus}
          </p>
        </div>
      )}
      <KindChoice kind="tab" current={props.kind} onChoose={props.onKindChange}>
        {t('callback_tab_choice')}
      </KindChoice>
      {props.kind === 'tab' && (
        <div class="choice-detail">
          <TextField
            id="app-callback-url"
            label={t('callback_tab_label')}
            inputMode="url"
            value={props.tabCallbackUrl}
            placeholder="https://"
            error={props.error}
            hint={t('callback_tab_hint')}
            onInput={props.onTabCallbackUrlChange}
          />
        </div>
      )}
    </fieldset>
  );
}

function KindChoice(props: {
  kind: CallbackKind;
  current: CallbackKind;
  onChoose: (kind: CallbackKind) => void;
  children: ComponentChildren;
}): JSX.Element {
  return (
    <label class="choice">
      <input
        type="radio"
        name="callback-kind"
        value={props.kind}
        checked={props.current === props.kind}
        onChange={() => props.onChoose(props.kind)}
      />
      {props.children}
    </label>
  );
}
