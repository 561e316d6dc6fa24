/**
 * The callback URL choice: this extension's chromiumapp.org URL (login in an identity window), or
 * another https URL already registered for the app (login in a normal tab whose redirect is caught).
 */
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
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
      () => setCopyStatus('Copied'),
      () => setCopyStatus('Could not copy: select the URL and copy it.'),
    );

  return (
    <fieldset class="field callback">
      <legend>Callback URL</legend>
      <KindChoice kind="identity" current={props.kind} onChoose={props.onKindChange}>
        This extension's URL (recommended)
      </KindChoice>
      {props.kind === 'identity' && (
        <div class="choice-detail">
          <div class="copy-row">
            <TextField
              id="app-identity-callback"
              label="Extension callback URL"
              value={props.identityCallbackUrl}
              readOnly
              error={props.error}
              hint={`Register this URL as the callback URL of your app in the ${PLATFORM_NAMES[props.platform]} open platform console.`}
            />
            <button type="button" class="button" aria-label="Copy callback URL" onClick={copy}>
              Copy
            </button>
          </div>
          <p class="fineprint" role="status">
            {copyStatus}
          </p>
        </div>
      )}
      <KindChoice kind="tab" current={props.kind} onChoose={props.onKindChange}>
        Another https URL already registered for the app
      </KindChoice>
      {props.kind === 'tab' && (
        <div class="choice-detail">
          <TextField
            id="app-callback-url"
            label="Registered callback URL"
            inputMode="url"
            value={props.tabCallbackUrl}
            placeholder="https://"
            error={props.error}
            hint="The login then opens in a normal tab and Seller Auth catches the redirect."
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
